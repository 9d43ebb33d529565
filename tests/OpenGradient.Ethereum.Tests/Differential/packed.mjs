// Differential reference: viem's encodePacked. Input: [{ types: ["uint8", ...], values: [json] }, ...] with integers as
// decimal strings and bytes/addresses as hex. Output: ["0x<packed>" | { error }, ...].
import { readFileSync, writeFileSync } from 'node:fs';
import { encodePacked } from 'viem';

const [input, output] = process.argv.slice(2);
const cases = JSON.parse(readFileSync(input, 'utf8'));
const toViem = (type, value) => {
  const array = /^(.*)\[\d*\]$/.exec(type);
  if (array) return value.map((v) => toViem(array[1], v));
  return /^u?int\d*$/.test(type) ? BigInt(value) : value;
};

writeFileSync(output, JSON.stringify(cases.map(({ types, values }) => {
  try {
    return encodePacked(types, values.map((v, i) => toViem(types[i], v)));
  } catch (e) {
    return { error: String(e.message ?? e).split('\n')[0] };
  }
})));
