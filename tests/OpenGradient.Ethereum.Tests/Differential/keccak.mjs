// Differential reference: viem's keccak256. Input: ["0x..", ...]; output: ["0x<digest>", ...].
import { readFileSync, writeFileSync } from 'node:fs';
import { keccak256 } from 'viem';

const [input, output] = process.argv.slice(2);
const cases = JSON.parse(readFileSync(input, 'utf8'));
writeFileSync(output, JSON.stringify(cases.map((hex) => keccak256(hex))));
