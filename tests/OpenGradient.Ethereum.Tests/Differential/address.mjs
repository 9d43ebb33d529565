// Differential reference: viem's getAddress (EIP-55). Input: ["0x<40 lower-case hex>", ...]; output: checksummed.
import { readFileSync, writeFileSync } from 'node:fs';
import { getAddress } from 'viem';

const [input, output] = process.argv.slice(2);
const cases = JSON.parse(readFileSync(input, 'utf8'));
writeFileSync(output, JSON.stringify(cases.map((a) => getAddress(a))));
