// Differential reference: viem EIP-712. Input: [{ typedData: { types, primaryType, domain, message }, privateKey }]
// with integers as decimal strings. Output per case: { hash (hashTypedData), structHash (hashStruct of the message),
// domainHash (hashDomain), signature (signTypedData with the key) }.
import { readFileSync, writeFileSync } from 'node:fs';
import { hashDomain, hashStruct, hashTypedData } from 'viem';
import { signTypedData } from 'viem/accounts';

const [input, output] = process.argv.slice(2);
const cases = JSON.parse(readFileSync(input, 'utf8'));

const domainTypes = {
  name: 'string', version: 'string', chainId: 'uint256', verifyingContract: 'address', salt: 'bytes32',
};

function convert(type, value, types) {
  if (type.endsWith(']')) {
    const inner = type.slice(0, type.lastIndexOf('['));
    return value.map((v) => convert(inner, v, types));
  }
  if (types[type]) {
    const out = {};
    for (const f of types[type]) out[f.name] = convert(f.type, value[f.name], types);
    return out;
  }
  if (/^u?int\d+$/.test(type)) return BigInt(value);
  return value;
}

const results = [];
for (const [index, c] of cases.entries()) {
  try {
  const { types, primaryType, domain } = c.typedData;
  const message = convert(primaryType, c.typedData.message, types);
  const viemDomain = {};
  for (const [k, v] of Object.entries(domain)) viemDomain[k] = convert(domainTypes[k], v, {});
  const args = { domain: viemDomain, types, primaryType, message };
  const domainTypeList = types.EIP712Domain ?? Object.keys(viemDomain).map((name) => ({ name, type: domainTypes[name] }));
  results.push({
    hash: hashTypedData(args),
    structHash: hashStruct({ data: message, primaryType, types }),
    domainHash: hashDomain({ domain: viemDomain, types: { ...types, EIP712Domain: domainTypeList } }),
    signature: await signTypedData({ ...args, privateKey: c.privateKey }),
  });
  } catch (e) {
    throw new Error(`case ${index}: ${JSON.stringify(c.typedData)}`, { cause: e });
  }
}
writeFileSync(output, JSON.stringify(results));
