import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { getAddress } from "viem";
import {
  connect, commitmentOf, HUB_CONFIG, INPUT, MODEL_FEE, MODEL_ID, OUTPUT, Reason, Status,
} from "./fixtures.js";

const ctx = await connect();
const { assertions } = ctx.viem;
const { time } = ctx.networkHelpers;
const PROTOCOL_FEE = (MODEL_FEE + HUB_CONFIG.nodeFee) * 500n / 10_000n;
const TOTAL_FEE = MODEL_FEE + HUB_CONFIG.nodeFee + PROTOCOL_FEE;
const WINDOW = HUB_CONFIG.challengeWindowSeconds;

function outsiderOf(nodes, executor) {
  return nodes.find((n) => getAddress(n) !== executor);
}

describe("InferenceHub: results, settlement and expiry", () => {
  it("moves a job to Submitted and stores the protocol commitment", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    const { jobId } = await ctx.requestAndSubmit(hub);
    assert.equal(await hub.read.jobStatus([jobId]), Status.Submitted);
    assert.equal(await hub.read.commitmentOf([jobId]), commitmentOf(MODEL_ID, INPUT, OUTPUT));
  });

  it("emits ResultSubmitted with the output bytes, commitment and challenge deadline", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    const { jobId, executor } = await ctx.request(hub);
    const hash = await hub.write.submitResult([jobId, OUTPUT], { account: executor });
    const [ev] = await ctx.decodeLogs(hash, hub, "ResultSubmitted");
    const block = await ctx.publicClient.getBlock();
    assert.deepEqual({ ...ev.args, executor: getAddress(ev.args.executor) }, {
      jobId, executor, output: OUTPUT, commitment: commitmentOf(MODEL_ID, INPUT, OUTPUT), challengeDeadline: block.timestamp + BigInt(WINDOW),
    });
  });

  it("returns status, commitment and failure reason from jobResult", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    const { jobId } = await ctx.requestAndSubmit(hub);
    assert.deepEqual(await hub.read.jobResult([jobId]), [Status.Submitted, commitmentOf(MODEL_ID, INPUT, OUTPUT), Reason.None]);
  });

  it("rejects a result from anyone but the executor with NotExecutor", async () => {
    const { hub, nodes } = await ctx.loadFixture(ctx.deployAll);
    const { jobId, executor } = await ctx.request(hub);
    const other = outsiderOf(nodes, executor);
    await assertions.revertWithCustomErrorWithArgs(hub.write.submitResult([jobId, OUTPUT], { account: other }), hub, "NotExecutor", [jobId, getAddress(other), executor]);
  });

  it("rejects a result after the result deadline with DeadlinePassed", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    const { jobId, executor } = await ctx.request(hub);
    const { deadline } = await hub.read.getJob([jobId]);
    await time.increaseTo(deadline + 1);
    await assertions.revertWithCustomErrorWithArgs(hub.write.submitResult([jobId, OUTPUT], { account: executor }), hub, "DeadlinePassed", [jobId, BigInt(deadline)]);
  });

  it("rejects a second result with InvalidJobStatus", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    const { jobId, executor } = await ctx.requestAndSubmit(hub);
    await assertions.revertWithCustomErrorWithArgs(hub.write.submitResult([jobId, OUTPUT], { account: executor }), hub, "InvalidJobStatus", [jobId, Status.Submitted]);
  });

  it("rejects a result for an unknown job with JobNotFound", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    await assertions.revertWithCustomErrorWithArgs(hub.write.submitResult([99n, OUTPUT]), hub, "JobNotFound", [99n]);
  });

  it("moves a job to FailureReported and emits FailureReported", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    const { jobId, executor } = await ctx.request(hub);
    await assertions.emit(hub.write.reportFailure([jobId, Reason.BadInput], { account: executor }), hub, "FailureReported");
    assert.deepEqual(await hub.read.jobResult([jobId]), [Status.FailureReported, `0x${"00".repeat(32)}`, Reason.BadInput]);
  });

  it("rejects a failure reason outside the enum with InvalidFailureReason", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    const { jobId, executor } = await ctx.request(hub);
    await assertions.revertWithCustomErrorWithArgs(hub.write.reportFailure([jobId, 4], { account: executor }), hub, "InvalidFailureReason", [4]);
    await assertions.revertWithCustomErrorWithArgs(hub.write.reportFailure([jobId, 0], { account: executor }), hub, "InvalidFailureReason", [0]);
  });

  it("finalizes after the challenge window and credits node, model owner and treasury", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    const { jobId, executor } = await ctx.requestAndSubmit(hub);
    await time.increase(WINDOW + 1);
    await assertions.emitWithArgs(hub.write.finalize([jobId, "0x"], { account: ctx.outsider }), hub, "JobFinalized",
      [jobId, executor, HUB_CONFIG.nodeFee, getAddress(ctx.modelOwner), MODEL_FEE, PROTOCOL_FEE, true]);
    assert.equal(await hub.read.jobStatus([jobId]), Status.Finalized);
    assert.deepEqual(
      [await hub.read.claimable([executor]), await hub.read.claimable([ctx.modelOwner]), await hub.read.claimable([ctx.treasury])],
      [HUB_CONFIG.nodeFee, MODEL_FEE, PROTOCOL_FEE],
    );
  });

  it("rejects finalize inside the challenge window with DeadlineNotReached", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    const { jobId } = await ctx.requestAndSubmit(hub);
    const { deadline } = await hub.read.getJob([jobId]);
    await assertions.revertWithCustomErrorWithArgs(hub.write.finalize([jobId, "0x"]), hub, "DeadlineNotReached", [jobId, BigInt(deadline)]);
  });

  it("rejects finalize of a job without a result with InvalidJobStatus", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    const { jobId } = await ctx.request(hub);
    await assertions.revertWithCustomErrorWithArgs(hub.write.finalize([jobId, "0x"]), hub, "InvalidJobStatus", [jobId, Status.Assigned]);
  });

  it("rejects finalize of an unknown job with JobNotFound", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    await assertions.revertWithCustomErrorWithArgs(hub.write.finalize([5n, "0x"]), hub, "JobNotFound", [5n]);
  });

  it("refunds the requester when an unchallenged failure report is finalized", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    const { jobId, executor } = await ctx.request(hub);
    await hub.write.reportFailure([jobId, Reason.ModelUnavailable], { account: executor });
    await time.increase(WINDOW + 1);
    await assertions.emitWithArgs(hub.write.finalize([jobId, "0x"]), hub, "JobRefunded", [jobId, getAddress(ctx.requester), TOTAL_FEE, Status.Refunded]);
    assert.equal(await hub.read.jobStatus([jobId]), Status.Refunded);
    assert.equal(await hub.read.claimable([ctx.requester]), TOTAL_FEE);
  });

  it("settles due jobs in a batch and skips the ones that are not due", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    const a = await ctx.requestAndSubmit(hub);
    const b = await ctx.requestAndSubmit(hub);
    await time.increase(WINDOW + 1);
    const c = await ctx.requestAndSubmit(hub); // still in its window
    const { result } = await ctx.publicClient.simulateContract({ address: hub.address, abi: hub.abi, functionName: "finalizeBatch", args: [[a.jobId, b.jobId, c.jobId, 77n], []], account: ctx.outsider });
    assert.equal(result, 2n);
    await hub.write.finalizeBatch([[a.jobId, b.jobId, c.jobId, 77n], []], { account: ctx.outsider });
    assert.deepEqual(
      [await hub.read.jobStatus([a.jobId]), await hub.read.jobStatus([b.jobId]), await hub.read.jobStatus([c.jobId])],
      [Status.Finalized, Status.Finalized, Status.Submitted],
    );
  });

  it("rejects a batch whose outputs do not match the job ids with LengthMismatch", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    await assertions.revertWithCustomErrorWithArgs(hub.write.finalizeBatch([[1n, 2n], ["0x"]]), hub, "LengthMismatch", [2n, 1n]);
  });

  it("expires a job with no result, refunds the requester and penalizes the executor", async () => {
    const { hub, staking } = await ctx.loadFixture(ctx.deployAll);
    const { jobId, executor } = await ctx.request(hub);
    await time.increase(HUB_CONFIG.resultTimeoutSeconds + 1);
    await assertions.emitWithArgs(hub.write.expire([jobId], { account: ctx.outsider }), hub, "JobExpired", [jobId, executor]);
    assert.equal(await hub.read.jobStatus([jobId]), Status.Expired);
    assert.equal(await hub.read.claimable([ctx.requester]), TOTAL_FEE);
    assert.equal(await hub.read.claimable([ctx.treasury]), HUB_CONFIG.expiryPenalty);
    assert.equal((await staking.read.nodeInfo([executor])).stake, 2000n * 10n ** 18n - HUB_CONFIG.expiryPenalty);
  });

  it("rejects expiry before the result deadline with DeadlineNotReached", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    const { jobId } = await ctx.request(hub);
    const { deadline } = await hub.read.getJob([jobId]);
    await assertions.revertWithCustomErrorWithArgs(hub.write.expire([jobId]), hub, "DeadlineNotReached", [jobId, BigInt(deadline)]);
  });

  it("rejects expiry of a job with a result with InvalidJobStatus", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    const { jobId } = await ctx.requestAndSubmit(hub);
    await time.increase(WINDOW + 1);
    await assertions.revertWithCustomErrorWithArgs(hub.write.expire([jobId]), hub, "InvalidJobStatus", [jobId, Status.Submitted]);
  });

  it("pays the whole claimable balance on withdraw and emits Withdrawal", async () => {
    const { hub, token } = await ctx.loadFixture(ctx.deployAll);
    const { jobId } = await ctx.requestAndSubmit(hub);
    await time.increase(WINDOW + 1);
    await hub.write.finalize([jobId, "0x"]);
    const before = await token.read.balanceOf([ctx.modelOwner]);
    await assertions.emitWithArgs(hub.write.withdraw({ account: ctx.modelOwner }), hub, "Withdrawal", [getAddress(ctx.modelOwner), MODEL_FEE]);
    assert.equal(await token.read.balanceOf([ctx.modelOwner]), before + MODEL_FEE);
    assert.equal(await hub.read.claimable([ctx.modelOwner]), 0n);
  });

  it("rejects withdraw with nothing claimable with NothingToWithdraw", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    await assertions.revertWithCustomErrorWithArgs(hub.write.withdraw({ account: ctx.outsider }), hub, "NothingToWithdraw", [getAddress(ctx.outsider)]);
  });

  it("rejects escrowOf for an unknown job with JobNotFound", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    await assertions.revertWithCustomErrorWithArgs(hub.read.escrowOf([3n]), hub, "JobNotFound", [3n]);
  });
});
