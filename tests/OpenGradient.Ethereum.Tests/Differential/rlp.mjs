// Differential reference: viem's toRlp/fromRlp. Input: [item, ...] where an item is "0x.." (bytes) or an array of
// items. Output: { encoded: ["0x..", ...], decoded: [item, ...] } (decoded = fromRlp(encoded) as hex tree).
import { readFileSync, writeFileSync } from 'node:fs';
import { toRlp, fromRlp } from 'viem';

const [input, output] = process.argv.slice(2);
const cases = JSON.parse(readFileSync(input, 'utf8'));
const encoded = cases.map((item) => toRlp(item, 'hex'));
const decoded = encoded.map((hex) => fromRlp(hex, 'hex'));
writeFileSync(output, JSON.stringify({ encoded, decoded }));
