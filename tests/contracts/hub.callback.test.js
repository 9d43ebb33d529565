import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { getAddress, parseEther } from "viem";
import { connect, defaultOptions, encodeTensors, HUB_CONFIG, INPUT, MODEL_ID, OPG, OUTPUT, Reason, Status, WRONG_OUTPUT } from "./fixtures.js";

const ctx = await connect();
const { assertions } = ctx.viem;
const { time } = ctx.networkHelpers;
const WINDOW = HUB_CONFIG.challengeWindowSeconds;

async function deployWithConsumers() {
  const core = await ctx.deployAll();
  const { hub, token } = core;
  const example = await ctx.viem.deployContract("ExampleConsumer", [hub.address, token.address, MODEL_ID, 500_000n]);
  const reverting = await ctx.viem.deployContract("RevertingConsumer", [hub.address]);
  const burning = await ctx.viem.deployContract("GasBurningConsumer", [hub.address]);
  const hugeReturn = await ctx.viem.deployContract("HugeReturnConsumer", [hub.address, 900_000n, false]);
  const hugeRevert = await ctx.viem.deployContract("HugeReturnConsumer", [hub.address, 900_000n, true]);
  const reentrant = await ctx.viem.deployContract("ReentrantConsumer", [hub.address]);
  for (const c of [reverting, burning, hugeReturn, hugeRevert, reentrant]) await token.write.transfer([c.address, OPG(100)]);
  await token.write.approve([example.address, OPG(100)], { account: ctx.requester });
  return { ...core, example, reverting, burning, hugeReturn, hugeRevert, reentrant };
}

/** Has `consumer` request a job with a callback; the executor posts `output`; the window passes. */
async function dueCallbackJob(hub, consumer, callbackGasLimit, output = OUTPUT) {
  const jobId = await hub.read.nextJobId();
  await consumer.write.request([(await hub.read.token()), MODEL_ID, INPUT, OPG(10), callbackGasLimit]);
  const { executor } = await hub.read.getJob([jobId]);
  await hub.write.submitResult([jobId, output], { account: executor });
  await time.increase(WINDOW + 1);
  return jobId;
}

describe("InferenceHub: consumer callbacks", () => {
  it("delivers the score to the example consumer, which closes its gate above the threshold", async () => {
    const { hub, example } = await ctx.loadFixture(deployWithConsumers);
    await example.write.requestScore([INPUT, OPG(10)], { account: ctx.requester });
    const { executor } = await hub.read.getJob([1n]);
    await hub.write.submitResult([1n, OUTPUT], { account: executor });
    await time.increase(WINDOW + 1);
    await hub.write.finalize([1n, OUTPUT], { account: ctx.outsider });
    assert.deepEqual([await example.read.latestScore(), await example.read.latestJobId(), await example.read.borrowingEnabled()], [730_000n, 1n, false]);
  });

  it("keeps the example consumer's gate open for a score below the threshold", async () => {
    const { hub, example } = await ctx.loadFixture(deployWithConsumers);
    await example.write.requestScore([INPUT, OPG(10)], { account: ctx.requester });
    const { executor } = await hub.read.getJob([1n]);
    const low = encodeTensors([{ name: "score", elementType: 0, decimals: 6, shape: [1], values: [120_000n] }]);
    await hub.write.submitResult([1n, low], { account: executor });
    await time.increase(WINDOW + 1);
    await hub.write.finalize([1n, low]);
    assert.deepEqual([await example.read.latestScore(), await example.read.borrowingEnabled()], [120_000n, true]);
  });

  it("rejects a callback from anyone but the hub with OnlyHub", async () => {
    const { example } = await ctx.loadFixture(deployWithConsumers);
    await assertions.revertWithCustomErrorWithArgs(example.write.onInferenceResult([1n, OUTPUT], { account: ctx.outsider }), example, "OnlyHub", [getAddress(ctx.outsider)]);
  });

  it("rejects a callback for a job the consumer did not request with UnknownJob", async () => {
    const { hub, example } = await ctx.loadFixture(deployWithConsumers);
    await ctx.networkHelpers.impersonateAccount(hub.address);
    await ctx.networkHelpers.setBalance(hub.address, parseEther("1"));
    await assertions.revertWithCustomErrorWithArgs(example.write.onInferenceResult([42n, OUTPUT], { account: hub.address }), example, "UnknownJob", [42n]);
  });

  it("rejects finalize of a callback job with an output that does not match the commitment with OutputMismatch", async () => {
    const { hub, reverting } = await ctx.loadFixture(deployWithConsumers);
    const jobId = await dueCallbackJob(hub, reverting, 100_000);
    await assertions.revertWithCustomErrorWithArgs(hub.write.finalize([jobId, WRONG_OUTPUT]), hub, "OutputMismatch", [jobId]);
  });

  it("skips a callback job with a mismatched output in a batch", async () => {
    const { hub, reverting } = await ctx.loadFixture(deployWithConsumers);
    const jobId = await dueCallbackJob(hub, reverting, 100_000);
    await hub.write.finalizeBatch([[jobId], [WRONG_OUTPUT]]);
    assert.equal(await hub.read.jobStatus([jobId]), Status.Submitted);
  });

  it("finalizes and emits CallbackFailed when the callback reverts", async () => {
    const { hub, reverting } = await ctx.loadFixture(deployWithConsumers);
    const jobId = await dueCallbackJob(hub, reverting, 100_000);
    await assertions.emitWithArgs(hub.write.finalize([jobId, OUTPUT]), hub, "CallbackFailed", [jobId, getAddress(reverting.address)]);
    assert.equal(await hub.read.jobStatus([jobId]), Status.Finalized);
  });

  it("finalizes when the callback burns all its gas, spending no more than the limit on it", async () => {
    const { hub, burning } = await ctx.loadFixture(deployWithConsumers);
    const jobId = await dueCallbackJob(hub, burning, 500_000);
    const gas = await ctx.gasOf(hub.write.finalize([jobId, OUTPUT], { gas: 1_000_000n }));
    assert.equal(await hub.read.jobStatus([jobId]), Status.Finalized);
    assert.ok(gas < 500_000n + 120_000n, `finalize used ${gas}`);
  });

  it("finalizes when the callback returns a huge payload, without copying it", async () => {
    const { hub, hugeReturn } = await ctx.loadFixture(deployWithConsumers);
    const jobId = await dueCallbackJob(hub, hugeReturn, 2_000_000);
    // Copying ~900 kB of return data would cost the hub another ~1.6M gas: the limit leaves no room for it.
    const hash = await hub.write.finalize([jobId, OUTPUT], { gas: 2_300_000n });
    const { gasUsed } = await ctx.publicClient.getTransactionReceipt({ hash });
    const [finalized] = await ctx.decodeLogs(hash, hub, "JobFinalized");
    assert.equal(finalized.args.callbackSucceeded, true); // the consumer really returned the payload
    assert.ok(gasUsed < 2_200_000n, `finalize used ${gasUsed}`);
  });

  it("finalizes when the callback reverts with a huge payload, without copying it", async () => {
    const { hub, hugeRevert } = await ctx.loadFixture(deployWithConsumers);
    const jobId = await dueCallbackJob(hub, hugeRevert, 2_000_000);
    await assertions.emit(hub.write.finalize([jobId, OUTPUT], { gas: 2_300_000n }), hub, "CallbackFailed");
    assert.equal(await hub.read.jobStatus([jobId]), Status.Finalized);
  });

  it("rejects a finalize that leaves the callback less than its gas limit with InsufficientGasForCallback", async () => {
    const { hub, burning } = await ctx.loadFixture(deployWithConsumers);
    const jobId = await dueCallbackJob(hub, burning, 500_000);
    await assertions.revertWithCustomError(hub.write.finalize([jobId, OUTPUT], { gas: 300_000n }), hub, "InsufficientGasForCallback");
  });

  it("blocks a callback that re-enters finalize", async () => {
    const { hub, reentrant } = await ctx.loadFixture(deployWithConsumers);
    const other = await ctx.requestAndSubmit(hub);
    await reentrant.write.setOtherJob([other.jobId]);
    const jobId = await dueCallbackJob(hub, reentrant, 1_000_000);
    await hub.write.finalize([jobId, OUTPUT]);
    assert.deepEqual([await reentrant.read.attempted(), await reentrant.read.finalizeSucceeded()], [true, false]);
    assert.equal(await hub.read.jobStatus([other.jobId]), Status.Submitted);
    await hub.write.finalize([other.jobId, "0x"]); // the same call succeeds outside the callback
    assert.equal(await hub.read.jobStatus([other.jobId]), Status.Finalized);
  });

  it("blocks a callback that re-enters withdraw", async () => {
    const { hub, token, reentrant } = await ctx.loadFixture(deployWithConsumers);
    // Give the consumer a claimable refund first (a failed job of its own).
    await reentrant.write.request([token.address, MODEL_ID, INPUT, OPG(10), 0]);
    const { executor } = await hub.read.getJob([1n]);
    await hub.write.reportFailure([1n, Reason.BadInput], { account: executor });
    await time.increase(WINDOW + 1);
    await hub.write.finalize([1n, "0x"]);
    const refund = await hub.read.claimable([reentrant.address]);
    const jobId = await dueCallbackJob(hub, reentrant, 1_000_000);
    await hub.write.finalize([jobId, OUTPUT]);
    assert.deepEqual([await reentrant.read.withdrawSucceeded(), await hub.read.claimable([reentrant.address])], [false, refund]);
    assert.ok(refund > 0n);
  });

  it("sends no callback for a job requested with callback gas limit 0", async () => {
    const { hub, reverting } = await ctx.loadFixture(deployWithConsumers);
    const jobId = await dueCallbackJob(hub, reverting, 0);
    const hash = await hub.write.finalize([jobId, "0x"]);
    assert.equal((await ctx.decodeLogs(hash, hub, "CallbackFailed")).length, 0);
    assert.equal((await ctx.decodeLogs(hash, hub, "JobFinalized"))[0].args.callbackSucceeded, true);
  });

  it("uses requestInference options unchanged for an EOA requester with a callback limit", async () => {
    const { hub } = await ctx.loadFixture(deployWithConsumers);
    const { jobId } = await ctx.requestAndSubmit(hub, { options: defaultOptions(OPG(10), 50_000) });
    await time.increase(WINDOW + 1);
    await hub.write.finalize([jobId, OUTPUT]);
    assert.equal(await hub.read.jobStatus([jobId]), Status.Finalized);
  });
});
