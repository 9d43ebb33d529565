// Differential reference: viem transactions. Input: [{ privateKey, tx: { type, chainId?, nonce, gasPrice?,
// maxFeePerGas?, maxPriorityFeePerGas?, gas, to?, value, data, accessList? }, raw }] where numbers are hex strings and
// raw is our signed serialization. Output per case: { viemRaw (viem signs the same tx with the same key), parsed
// (viem's parseTransaction of our raw, normalised), recovered (recoverTransactionAddress of our raw), hash (keccak256
// of our raw), unsigned (viem's serializeTransaction without signature) }.
import { readFileSync, writeFileSync } from 'node:fs';
import { keccak256, parseTransaction, recoverTransactionAddress, serializeTransaction, toHex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';

const [input, output] = process.argv.slice(2);
const cases = JSON.parse(readFileSync(input, 'utf8'));

function toViem(tx) {
  const out = { type: tx.type, nonce: Number(BigInt(tx.nonce)), gas: BigInt(tx.gas), value: BigInt(tx.value), data: tx.data };
  if (tx.chainId !== undefined) out.chainId = Number(BigInt(tx.chainId));
  if (tx.to !== undefined) out.to = tx.to;
  if (tx.type === 'eip1559') {
    out.maxFeePerGas = BigInt(tx.maxFeePerGas);
    out.maxPriorityFeePerGas = BigInt(tx.maxPriorityFeePerGas);
  } else {
    out.gasPrice = BigInt(tx.gasPrice);
  }
  if (tx.type !== 'legacy') out.accessList = tx.accessList;
  return out;
}

const hex = (v) => (v === undefined ? '0x0' : toHex(v));

function normalise(p) {
  return {
    type: p.type,
    chainId: p.chainId === undefined ? null : hex(p.chainId),
    nonce: hex(p.nonce ?? 0),
    gasPrice: hex(p.gasPrice ?? 0n),
    maxFeePerGas: hex(p.maxFeePerGas ?? 0n),
    maxPriorityFeePerGas: hex(p.maxPriorityFeePerGas ?? 0n),
    gas: hex(p.gas ?? 0n),
    to: p.to ? p.to.toLowerCase() : null,
    value: hex(p.value ?? 0n),
    data: p.data ?? '0x',
    accessList: (p.accessList ?? []).map((e) => ({ address: e.address.toLowerCase(), storageKeys: e.storageKeys })),
    yParity: p.yParity ?? (p.v === undefined ? null : Number((p.v >= 35n ? p.v - 35n : p.v - 27n) % 2n)),
    r: p.r,
    s: p.s,
  };
}

const results = [];
for (const c of cases) {
  const tx = toViem(c.tx);
  const account = privateKeyToAccount(c.privateKey);
  const viemRaw = await account.signTransaction(tx);
  const parsed = normalise(parseTransaction(c.raw));
  const recovered = (await recoverTransactionAddress({ serializedTransaction: c.raw })).toLowerCase();
  results.push({ viemRaw, parsed, recovered, hash: keccak256(c.raw), unsigned: serializeTransaction(tx) });
}
writeFileSync(output, JSON.stringify(results));
