// Differential reference: viem signing. Input: { hashes: [{ privateKey, hash }], messages: [{ privateKey, message }] }
// where message is { text } or { raw: "0x.." }. Output: { hashes: [{ signature, compact, address, recovered }],
// messages: [{ hash, signature, recovered }] } (signature = 65-byte r‖s‖v hex, compact = EIP-2098).
import { readFileSync, writeFileSync } from 'node:fs';
import { hashMessage, recoverAddress, recoverMessageAddress, serializeCompactSignature, signatureToCompactSignature, parseSignature } from 'viem';
import { privateKeyToAddress, sign, signMessage } from 'viem/accounts';

const [input, output] = process.argv.slice(2);
const cases = JSON.parse(readFileSync(input, 'utf8'));

const hashes = [];
for (const c of cases.hashes) {
  const signature = await sign({ hash: c.hash, privateKey: c.privateKey, to: 'hex' });
  hashes.push({
    signature,
    compact: serializeCompactSignature(signatureToCompactSignature(parseSignature(signature))),
    address: privateKeyToAddress(c.privateKey),
    recovered: await recoverAddress({ hash: c.hash, signature }),
  });
}

const messages = [];
for (const c of cases.messages) {
  const message = c.message.text !== undefined ? c.message.text : { raw: c.message.raw };
  const signature = await signMessage({ message, privateKey: c.privateKey });
  messages.push({ hash: hashMessage(message), signature, recovered: await recoverMessageAddress({ message, signature }) });
}

writeFileSync(output, JSON.stringify({ hashes, messages }));
