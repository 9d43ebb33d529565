// Differential reference: ethers v6 JSON keystores. Input: { decrypt: [{ json, password }], encrypt: [{ privateKey,
// password, n }] }. Output: { decrypted: ["0x<private key>"], encrypted: ["<keystore json>"] }.
import { readFileSync, writeFileSync } from 'node:fs';
import { decryptKeystoreJsonSync, encryptKeystoreJsonSync, computeAddress } from 'ethers';

const [input, output] = process.argv.slice(2);
const cases = JSON.parse(readFileSync(input, 'utf8'));
const decrypted = cases.decrypt.map((c) => decryptKeystoreJsonSync(c.json, c.password).privateKey);
const encrypted = cases.encrypt.map((c) =>
  encryptKeystoreJsonSync(
    { address: computeAddress(c.privateKey), privateKey: c.privateKey },
    c.password,
    { scrypt: { N: c.n, r: 8, p: 1 } },
  ),
);
writeFileSync(output, JSON.stringify({ decrypted, encrypted }));
