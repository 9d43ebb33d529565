#!/usr/bin/env node
// Generates tests/vectors/tensors.json, the golden vectors of docs/protocol.md sections 1-2, shared by the
// Solidity (tests/contracts/vectors.test.js) and C# tests. Deterministic: exact BigInt math, no randomness.
//   node tests/vectors/generate.mjs          writes the file
//   node tests/vectors/generate.mjs --check  exits 1 when the committed file is out of date
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { encodeAbiParameters, keccak256, sha256, toHex, concat, slice, size } from "viem";

const OUT = fileURLToPath(new URL("./tensors.json", import.meta.url));

export const TENSOR_LIST = [
  {
    type: "tuple[]",
    components: [
      { name: "name", type: "string" },
      { name: "elementType", type: "uint8" },
      { name: "decimals", type: "uint8" },
      { name: "shape", type: "uint32[]" },
      { name: "values", type: "int256[]" },
    ],
  },
];

const FIXED = 0;
const INT = 1;
const BOOL = 2;
const MAX_Q = 2n ** 127n - 1n;

/** Protocol section 1.1: exact float32 -> fixed point, round half to even. */
export function quantizeFloat32(bits, decimals) {
  const sign = bits >>> 31 ? -1n : 1n;
  const exponent = (bits >>> 23) & 0xff;
  const fraction = BigInt(bits & 0x7fffff);
  if (exponent === 0xff) throw new Error("NaN or infinity cannot be quantized");
  const m = exponent === 0 ? fraction : fraction + (1n << 23n);
  const e = exponent === 0 ? -149 : exponent - 150;
  const scale = 10n ** BigInt(decimals);
  let q;
  if (e >= 0) {
    q = (m << BigInt(e)) * scale;
  } else {
    const n = m * scale;
    const k = BigInt(-e);
    const floor = n >> k;
    const rem = n - (floor << k);
    const half = 1n << (k - 1n);
    q = rem > half || (rem === half && (floor & 1n) === 1n) ? floor + 1n : floor;
  }
  return q === 0n ? 0n : sign * q; // -0.0 encodes as 0
}

function f32bits(x) {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, x);
  return view.getUint32(0);
}

const hex32 = (bits) => `0x${(bits >>> 0).toString(16).padStart(8, "0")}`;
const t = (name, elementType, decimals, shape, values) => ({ name, elementType, decimals, shape, values: values.map(BigInt) });
const encode = (tensors) => encodeAbiParameters(TENSOR_LIST, [tensors]);
const asJson = (tensors) => tensors.map((x) => ({ ...x, values: x.values.map(String) }));

const tensorLists = [
  ["one fixed-point vector", [t("x", FIXED, 6, [1, 3], [1500000, -2, 0])]],
  ["a scalar (shape [])", [t("temperature", FIXED, 2, [], [2150])]],
  ["the empty list", []],
  ["negative fixed-point matrix", [t("logits", FIXED, 4, [2, 2], [-1, -10000, -123456789, -5])]],
  ["values at +-(2^127 - 1)", [t("extremes", FIXED, 18, [3], [MAX_Q, -MAX_Q, MAX_Q - 1n])]],
  ["multiple tensors", [t("a", FIXED, 6, [2], [1, 2]), t("b", INT, 0, [1, 1], [7]), t("c", BOOL, 0, [3], [1, 0, 1])]],
  ["an Int tensor with int64 extremes", [t("ids", INT, 0, [4], [-(2n ** 63n), 2n ** 63n - 1n, 0, -1])]],
  ["a Bool tensor", [t("mask", BOOL, 0, [2, 2], [0, 1, 1, 0])]],
  ["unicode names", [t("温度", FIXED, 1, [1], [215]), t("señal-ñ", INT, 0, [1], [3]), t("🙂", BOOL, 0, [1], [1])]],
  ["a rank-3 tensor", [t("image", FIXED, 3, [2, 1, 3], [1, 2, 3, 4, 5, 6])]],
  ["a 64-byte name", [t("n".repeat(64), FIXED, 0, [1], [1])]],
  ["decimals 0 and 18", [t("whole", FIXED, 0, [1], [3]), t("fine", FIXED, 18, [1], [1000000000000000000n])]],
].map(([description, tensors]) => ({ description, tensors: asJson(tensors), encoded: encode(tensors) }));

const quantizationCases = [
  [1.5, 6], [1.5, 0], [2.5, 0], [0.5, 0], [3.5, 0], [-0.5, 0], [-1.5, 0], [-2.5, 0],
  [0.25, 1], [0.75, 1], [-0.25, 1], [0.125, 2], [0.375, 2], [0.1, 6], [-0.1, 6], [0.1, 18], [1 / 3, 9],
  [-0, 6], [0, 6], [1, 18], [-1, 18], [0.7300000190734863, 6], [123456.7890625, 3],
  [1e30, 0], [2 ** 100, 6], [1e20, 18], [-1e20, 18], [65504, 4], [1e-8, 6], [5e-7, 6], [1.5e-6, 6],
  [1 / 128, 6], [3 / 128, 6], [-1 / 128, 6], [-3 / 128, 6], // exact ties at 6 decimals
];
const subnormalBits = [0x00000001, 0x007fffff, 0x80000001, 0x00400000];
const quantization = [
  ...quantizationCases.map(([x, d]) => [f32bits(x), d]),
  ...subnormalBits.map((b) => [b, 18]),
  [0x00800000, 18], // smallest normal
].map(([bits, decimals]) => ({ float32Bits: hex32(bits), decimals, q: String(quantizeFloat32(bits, decimals)) }));

const modelA = sha256(toHex("OpenGradient golden vector model A"));
const modelB = sha256(toHex("OpenGradient golden vector model B"));
const commitmentCases = [
  [modelA, tensorLists[0].encoded, encode([t("score", FIXED, 6, [1], [730000])])],
  [modelA, tensorLists[1].encoded, tensorLists[3].encoded],
  [modelB, tensorLists[5].encoded, tensorLists[2].encoded],
  [modelB, tensorLists[8].encoded, tensorLists[4].encoded],
  [`0x${"00".repeat(31)}01`, "0x", "0x"],
];
const commitments = commitmentCases.map(([modelId, input, output]) => {
  const inputHash = keccak256(input);
  const outputHash = keccak256(output);
  const commitment = keccak256(encodeAbiParameters([{ type: "bytes32" }, { type: "bytes32" }, { type: "bytes32" }], [modelId, inputHash, outputHash]));
  return { modelId, input, output, inputHash, outputHash, commitment };
});

const valid = encode([t("x", FIXED, 6, [1, 3], [1500000, -2, 0])]);
const zeroWord = `0x${"00".repeat(32)}`;
const invalidEncodings = [
  ["values length differs from shape product", encode([t("x", FIXED, 6, [2, 2], [1, 2, 3])])],
  ["non-canonical offset: the list starts one word later than the standard encoder puts it",
    concat([`0x${"00".repeat(31)}40`, zeroWord, slice(valid, 32)])],
  ["trailing bytes after the encoding", concat([valid, zeroWord])],
  ["decimals > 18", encode([t("x", FIXED, 19, [1], [1])])],
  ["Int tensor with decimals != 0", encode([t("x", INT, 2, [1], [1])])],
  ["Bool value 2", encode([t("x", BOOL, 0, [2], [1, 2])])],
  ["Bool value -1", encode([t("x", BOOL, 0, [1], [-1])])],
  ["zero dimension", encode([t("x", FIXED, 0, [2, 0], [])])],
  ["duplicate names", encode([t("x", FIXED, 0, [1], [1]), t("x", INT, 0, [1], [2])])],
  ["empty name", encode([t("", FIXED, 0, [1], [1])])],
  ["name longer than 64 bytes", encode([t("n".repeat(65), FIXED, 0, [1], [1])])],
  ["unknown element type 3", encode([t("x", 3, 0, [1], [1])])],
  ["truncated data (last word missing)", slice(valid, 0, size(valid) - 32)],
  ["truncated data (only the offset)", `0x${"00".repeat(31)}20`],
  ["Fixed value = 2^127", encode([t("x", FIXED, 0, [1], [2n ** 127n])])],
  ["Fixed value = -2^127", encode([t("x", FIXED, 0, [1], [-(2n ** 127n)])])],
].map(([description, encoded]) => ({ description, encoded }));

const vectors = { version: 1, tensorLists, quantization, commitments, invalidEncodings };
const text = `${JSON.stringify(vectors, null, 2)}\n`;

if (process.argv.includes("--check")) {
  if (readFileSync(OUT, "utf8") !== text) {
    console.error("tests/vectors/tensors.json is out of date: run node tests/vectors/generate.mjs");
    process.exit(1);
  }
  console.log("tests/vectors/tensors.json is up to date");
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT}`);
}
