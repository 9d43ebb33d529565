// viem counterparts of KeccakBenchmarks and AbiBenchmarks, same inputs (see BenchmarkData.cs).
// Prints one JSON line per operation: {"name": <C# benchmark method>, "opsPerSec": n}. run.sh joins them.
import { keccak256, encodeAbiParameters, decodeAbiParameters, parseAbiParameters, bytesToHex } from 'viem';
import { measure } from './bench-util.mjs';

const bytes = (length, seed) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);

const word = bytes(32, 1);
const kib = bytes(1024, 2);
measure('Keccak256_32B', () => keccak256(word, 'bytes'));
measure('Keccak256_1KiB', () => keccak256(kib, 'bytes'));

const params = parseAbiParameters(
  '(uint256 jobId, bytes32 modelId, address requester, bytes input, uint64 deadline, (string name, uint8 elementType, uint8 decimals, uint32[] shape, int256[] values)[] tensors) job');
const values = Array.from({ length: 8 }, (_, i) => BigInt((i - 4) * 1234567));
const mask = Array.from({ length: 8 }, (_, i) => BigInt(i % 2));
const job = {
  jobId: 123456789n,
  modelId: bytesToHex(bytes(32, 3)),
  requester: bytesToHex(bytes(20, 4)),
  input: bytesToHex(bytes(256, 5)),
  deadline: 1800000000n,
  tensors: [
    { name: 'input', elementType: 0, decimals: 6, shape: [1, 8], values },
    { name: 'mask', elementType: 2, decimals: 0, shape: [8], values: mask },
  ],
};
const encoded = encodeAbiParameters(params, [job]);
measure('AbiEncode_Job', () => encodeAbiParameters(params, [job]));
measure('AbiDecode_Job', () => decodeAbiParameters(params, encoded));
