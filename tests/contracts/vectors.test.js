// Proves the golden vectors (tests/vectors/tensors.json) against Solidity: every valid encoding decodes
// under the strict rules and equals the listed tensors, every invalid one is rejected, every commitment
// is recomputed on chain, and the quantization vectors are checked by a second, decimal implementation.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { connect, encodeTensors } from "./fixtures.js";

const VECTORS = fileURLToPath(new URL("../vectors/tensors.json", import.meta.url));
const GENERATOR = fileURLToPath(new URL("../vectors/generate.mjs", import.meta.url));
const vectors = JSON.parse(readFileSync(VECTORS, "utf8"));
const ctx = await connect();

async function deployChecker() {
  return ctx.viem.deployContract("TensorVectorChecker", []);
}

/** Quantization by exact decimal expansion: m / 2^k == m * 5^k / 10^k (independent of the generator's shifts). */
function quantizeDecimal(bitsHex, decimals) {
  const bits = Number.parseInt(bitsHex, 16);
  const negative = bits >>> 31 === 1;
  const exponent = (bits >>> 23) & 0xff;
  const fraction = BigInt(bits & 0x7fffff);
  const m = exponent === 0 ? fraction : fraction | (1n << 23n);
  const e = exponent === 0 ? -149 : exponent - 150;
  let q;
  if (e >= 0) {
    q = m * 2n ** BigInt(e) * 10n ** BigInt(decimals);
  } else {
    const k = BigInt(-e);
    const numerator = m * 5n ** k * 10n ** BigInt(decimals); // x * 10^d * 10^k
    const denominator = 10n ** k;
    const floor = numerator / denominator;
    const twiceRem = 2n * (numerator % denominator);
    q = twiceRem > denominator || (twiceRem === denominator && floor % 2n === 1n) ? floor + 1n : floor;
  }
  return negative && q !== 0n ? -q : q;
}

describe("Golden vectors (tests/vectors/tensors.json)", () => {
  it("is what tests/vectors/generate.mjs produces", () => {
    execFileSync(process.execPath, [GENERATOR, "--check"], { stdio: "pipe" });
  });

  for (const v of vectors.tensorLists) {
    it(`decodes in Solidity under the strict rules: ${v.description}`, async () => {
      const checker = await ctx.loadFixture(deployChecker);
      const decoded = await checker.read.decode([v.encoded]);
      assert.deepEqual(
        decoded.map((x) => ({ name: x.name, elementType: x.elementType, decimals: x.decimals, shape: [...x.shape], values: x.values.map(String) })),
        v.tensors,
      );
    });
  }

  it("re-encodes every valid list to the same bytes with an independent encoder (viem)", () => {
    for (const v of vectors.tensorLists) {
      assert.equal(encodeTensors(v.tensors.map((x) => ({ ...x, values: x.values.map(BigInt) }))), v.encoded, v.description);
    }
  });

  for (const v of vectors.invalidEncodings) {
    it(`is rejected by the Solidity decoder: ${v.description}`, async () => {
      const checker = await ctx.loadFixture(deployChecker);
      // Any revert counts (a rule error of Tensors.sol, or abi.decode's own revert on malformed data);
      // the point is that no invalid encoding decodes.
      await assert.rejects(checker.read.decode([v.encoded]), /revert/i);
    });
  }

  // The rule each invalid encoding breaks, as the Solidity decoder names it (abi.decode's own revert for
  // data that is not an encoding at all).
  const expectedErrors = {
    "values length differs from shape product": "InvalidShape",
    "non-canonical offset: the list starts one word later than the standard encoder puts it": "NonCanonicalEncoding",
    "trailing bytes after the encoding": "NonCanonicalEncoding",
    "decimals > 18": "InvalidDecimals",
    "Int tensor with decimals != 0": "InvalidDecimals",
    "Bool value 2": "InvalidValue",
    "Bool value -1": "InvalidValue",
    "zero dimension": "InvalidShape",
    "duplicate names": "InvalidName",
    "empty name": "InvalidName",
    "name longer than 64 bytes": "InvalidName",
    "unknown element type 3": "InvalidElementType",
    "Fixed value = 2^127": "InvalidValue",
    "Fixed value = -2^127": "InvalidValue",
  };
  for (const [description, errorName] of Object.entries(expectedErrors)) {
    it(`names the broken rule ${errorName}: ${description}`, async () => {
      const checker = await ctx.loadFixture(deployChecker);
      const v = vectors.invalidEncodings.find((x) => x.description === description);
      assert.ok(v, `no invalid vector "${description}"`);
      await ctx.viem.assertions.revertWithCustomError(checker.read.decode([v.encoded]), checker, errorName);
    });
  }

  it("recomputes every commitment on chain", async () => {
    const checker = await ctx.loadFixture(deployChecker);
    for (const c of vectors.commitments) {
      assert.deepEqual(await checker.read.commitment([c.modelId, c.input, c.output]), [c.inputHash, c.outputHash, c.commitment]);
    }
  });

  it("agrees with a decimal-expansion quantizer on every quantization vector", () => {
    for (const v of vectors.quantization) {
      assert.equal(String(quantizeDecimal(v.float32Bits, v.decimals)), v.q, `${v.float32Bits} at ${v.decimals} decimals`);
    }
  });
});
