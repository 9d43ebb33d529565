import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { getAddress, sha256, toHex } from "viem";
import { connect, MODEL_ID, MODEL_FEE } from "./fixtures.js";

const ctx = await connect();
const { assertions } = ctx.viem;
const OTHER_ID = sha256(toHex("another model"));

async function deployRegistry() {
  return ctx.viem.deployContract("ModelRegistry", []);
}

describe("ModelRegistry", () => {
  it("registers a model owned by the caller and emits ModelRegistered", async () => {
    const registry = await ctx.loadFixture(deployRegistry);
    await assertions.emitWithArgs(
      registry.write.registerModel([OTHER_ID, "ipfs://m", 7n, 6, 3n], { account: ctx.modelOwner }),
      registry, "ModelRegistered", [OTHER_ID, getAddress(ctx.modelOwner), "ipfs://m", 7n, 6, 3n],
    );
    const model = await registry.read.getModel([OTHER_ID]);
    assert.deepEqual(
      [getAddress(model.owner), model.feePerJob, model.active, model.outputDecimals, model.tolerance, model.uri],
      [getAddress(ctx.modelOwner), 7n, true, 6, 3n, "ipfs://m"],
    );
  });

  it("returns owner, fee and active flag from terms", async () => {
    const registry = await ctx.loadFixture(deployRegistry);
    await registry.write.registerModel([OTHER_ID, "ipfs://m", 7n, 6, 3n], { account: ctx.modelOwner });
    const [owner, fee, active] = await registry.read.terms([OTHER_ID]);
    assert.deepEqual([getAddress(owner), fee, active], [getAddress(ctx.modelOwner), 7n, true]);
  });

  it("rejects a zero model id with InvalidModelId", async () => {
    const registry = await ctx.loadFixture(deployRegistry);
    await assertions.revertWithCustomError(registry.write.registerModel([`0x${"00".repeat(32)}`, "u", 1n, 6, 0n]), registry, "InvalidModelId");
  });

  it("rejects a second registration of the same id with ModelAlreadyRegistered", async () => {
    const registry = await ctx.loadFixture(deployRegistry);
    await registry.write.registerModel([OTHER_ID, "u", 1n, 6, 0n]);
    await assertions.revertWithCustomErrorWithArgs(registry.write.registerModel([OTHER_ID, "u", 1n, 6, 0n]), registry, "ModelAlreadyRegistered", [OTHER_ID]);
  });

  it("rejects an empty URI with EmptyUri", async () => {
    const registry = await ctx.loadFixture(deployRegistry);
    await assertions.revertWithCustomError(registry.write.registerModel([OTHER_ID, "", 1n, 6, 0n]), registry, "EmptyUri");
  });

  it("rejects more than 18 output decimals with InvalidOutputDecimals", async () => {
    const registry = await ctx.loadFixture(deployRegistry);
    await assertions.revertWithCustomErrorWithArgs(registry.write.registerModel([OTHER_ID, "u", 1n, 19, 0n]), registry, "InvalidOutputDecimals", [19]);
  });

  it("rejects a fee above uint88 with FeeTooLarge", async () => {
    const registry = await ctx.loadFixture(deployRegistry);
    await assertions.revertWithCustomErrorWithArgs(registry.write.registerModel([OTHER_ID, "u", 2n ** 88n, 6, 0n]), registry, "FeeTooLarge", [2n ** 88n, 2n ** 88n - 1n]);
  });

  it("lets the owner update the fee and emits ModelFeeUpdated", async () => {
    const registry = await ctx.loadFixture(deployRegistry);
    await registry.write.registerModel([OTHER_ID, "u", 1n, 6, 0n], { account: ctx.modelOwner });
    await assertions.emitWithArgs(registry.write.updateFee([OTHER_ID, 9n], { account: ctx.modelOwner }), registry, "ModelFeeUpdated", [OTHER_ID, 1n, 9n]);
    assert.equal((await registry.read.getModel([OTHER_ID])).feePerJob, 9n);
  });

  it("rejects a fee update by someone else with NotModelOwner", async () => {
    const registry = await ctx.loadFixture(deployRegistry);
    await registry.write.registerModel([OTHER_ID, "u", 1n, 6, 0n], { account: ctx.modelOwner });
    await assertions.revertWithCustomErrorWithArgs(
      registry.write.updateFee([OTHER_ID, 9n], { account: ctx.outsider }), registry, "NotModelOwner",
      [OTHER_ID, getAddress(ctx.outsider), getAddress(ctx.modelOwner)],
    );
  });

  it("rejects an update of an unknown model with ModelNotFound", async () => {
    const registry = await ctx.loadFixture(deployRegistry);
    await assertions.revertWithCustomErrorWithArgs(registry.write.updateFee([OTHER_ID, 9n]), registry, "ModelNotFound", [OTHER_ID]);
  });

  it("rejects getModel of an unknown model with ModelNotFound", async () => {
    const registry = await ctx.loadFixture(deployRegistry);
    await assertions.revertWithCustomErrorWithArgs(registry.read.getModel([MODEL_ID]), registry, "ModelNotFound", [MODEL_ID]);
  });

  it("lets the owner update the URI and emits ModelUriUpdated", async () => {
    const registry = await ctx.loadFixture(deployRegistry);
    await registry.write.registerModel([OTHER_ID, "u", 1n, 6, 0n], { account: ctx.modelOwner });
    await assertions.emitWithArgs(registry.write.updateUri([OTHER_ID, "https://x/m.onnx"], { account: ctx.modelOwner }), registry, "ModelUriUpdated", [OTHER_ID, "https://x/m.onnx"]);
    assert.equal((await registry.read.getModel([OTHER_ID])).uri, "https://x/m.onnx");
  });

  it("rejects an empty URI update with EmptyUri", async () => {
    const registry = await ctx.loadFixture(deployRegistry);
    await registry.write.registerModel([OTHER_ID, "u", 1n, 6, 0n], { account: ctx.modelOwner });
    await assertions.revertWithCustomError(registry.write.updateUri([OTHER_ID, ""], { account: ctx.modelOwner }), registry, "EmptyUri");
  });

  it("deactivates a model, emits ModelDeactivated and reports it inactive", async () => {
    const registry = await ctx.loadFixture(deployRegistry);
    await registry.write.registerModel([OTHER_ID, "u", MODEL_FEE, 6, 0n], { account: ctx.modelOwner });
    await assertions.emitWithArgs(registry.write.deactivate([OTHER_ID], { account: ctx.modelOwner }), registry, "ModelDeactivated", [OTHER_ID]);
    const [, , active] = await registry.read.terms([OTHER_ID]);
    assert.equal(active, false);
  });

  it("rejects changes to a deactivated model with ModelInactive", async () => {
    const registry = await ctx.loadFixture(deployRegistry);
    await registry.write.registerModel([OTHER_ID, "u", 1n, 6, 0n], { account: ctx.modelOwner });
    await registry.write.deactivate([OTHER_ID], { account: ctx.modelOwner });
    await assertions.revertWithCustomErrorWithArgs(registry.write.updateFee([OTHER_ID, 2n], { account: ctx.modelOwner }), registry, "ModelInactive", [OTHER_ID]);
  });
});
