// viem counterparts of SigningBenchmarks, same inputs (see SigningBenchmarks.cs and BenchmarkData.cs).
// Prints one JSON line per operation: {"name": <C# benchmark method>, "opsPerSec": n}. run.sh joins them.
// viem's sign/signTransaction are async (they await nothing slow); the synchronous noble calls underneath
// are what viem runs, so the loop measures viem's own code paths for recovery and serialization.
import { bytesToHex, recoverAddress } from 'viem';
import { privateKeyToAccount, sign } from 'viem/accounts';
import { measureAsync } from './bench-util-async.mjs';

const bytes = (length, seed) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);

const privateKey = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const account = privateKeyToAccount(privateKey);
const hash = bytesToHex(bytes(32, 7));
const signature = await sign({ hash, privateKey, to: 'hex' });
const tx = {
  type: 'eip1559',
  chainId: 31337,
  nonce: 42,
  maxPriorityFeePerGas: 1_000_000_000n,
  maxFeePerGas: 30_000_000_000n,
  gas: 250_000n,
  to: bytesToHex(bytes(20, 8)),
  value: 1_000_000_000_000_000n,
  data: bytesToHex(bytes(196, 9)),
};

await measureAsync('Secp256k1_Sign', () => sign({ hash, privateKey, to: 'bytes' }));
await measureAsync('Secp256k1_Recover', () => recoverAddress({ hash, signature }));
await measureAsync('Eip1559_SignAndSerialize', () => account.signTransaction(tx));
