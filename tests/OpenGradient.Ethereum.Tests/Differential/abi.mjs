// Differential reference: viem's encodeAbiParameters. Input: [{ params: [viem AbiParameter], values: [json] }, ...]
// where integers are decimal strings and bytes/addresses hex. Output: ["0x<encoding>" | { error }, ...].
import { readFileSync, writeFileSync } from 'node:fs';
import { encodeAbiParameters } from 'viem';

const [input, output] = process.argv.slice(2);
const cases = JSON.parse(readFileSync(input, 'utf8'));

function toViem(param, value) {
  const arrayMatch = /^(.*)\[(\d*)\]$/.exec(param.type);
  if (arrayMatch) {
    const element = { ...param, type: arrayMatch[1] };
    return value.map((v) => toViem(element, v));
  }
  if (param.type === 'tuple') return value.map((v, i) => toViem(param.components[i], v));
  if (/^u?int\d*$/.test(param.type)) return BigInt(value);
  return value;
}

writeFileSync(output, JSON.stringify(cases.map(({ params, values }) => {
  try {
    return encodeAbiParameters(params, values.map((v, i) => toViem(params[i], v)));
  } catch (e) {
    return { error: String(e.message ?? e).split('\n')[0] };
  }
})));
