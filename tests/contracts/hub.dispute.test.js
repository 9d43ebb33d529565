import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { getAddress, keccak256, toHex } from "viem";
import { connect, HUB_CONFIG, MODEL_FEE, NODE_STAKE, Outcome, OUTPUT, Reason, Status, voteHash, WRONG_OUTPUT } from "./fixtures.js";

const ctx = await connect();
const { assertions } = ctx.viem;
const { time } = ctx.networkHelpers;
const PROTOCOL_FEE = (MODEL_FEE + HUB_CONFIG.nodeFee) * 500n / 10_000n;
const TOTAL_FEE = MODEL_FEE + HUB_CONFIG.nodeFee + PROTOCOL_FEE;
const BOND = HUB_CONFIG.challengeBond;
const salt = (member) => keccak256(toHex(`salt ${member}`));

/** A submitted job (or failure), challenged by a node other than the executor. */
async function challenged(hub, nodes, { failure = false, output = OUTPUT } = {}) {
  const { jobId, executor } = await ctx.request(hub);
  if (failure) await hub.write.reportFailure([jobId, Reason.BadInput], { account: executor });
  else await hub.write.submitResult([jobId, output], { account: executor });
  const challenger = getAddress(nodes.find((n) => getAddress(n) !== executor));
  await hub.write.challenge([jobId], { account: challenger });
  const dispute = await hub.read.getDispute([jobId]);
  return { jobId, executor, challenger, committee: dispute.committee.map((a) => getAddress(a)), dispute };
}

async function disputed() {
  const core = await ctx.deployAll();
  return { ...core, ...(await challenged(core.hub, core.nodes)) };
}
async function disputedFailure() {
  const core = await ctx.deployAll();
  return { ...core, ...(await challenged(core.hub, core.nodes, { failure: true })) };
}

/** Commits and reveals `votes` (member -> true/false; members left out do not vote), then resolves. */
async function vote(hub, jobId, votes, { resolve = true } = {}) {
  for (const [member, valid] of votes) await hub.write.commitVote([jobId, voteHash(jobId, valid, salt(member), member)], { account: member });
  await time.increase(HUB_CONFIG.commitPhaseSeconds + 1);
  for (const [member, valid] of votes) await hub.write.revealVote([jobId, valid, salt(member)], { account: member });
  if (resolve) {
    await time.increase(HUB_CONFIG.revealPhaseSeconds + 1);
    return hub.write.resolveDispute([jobId], { account: ctx.outsider });
  }
  return undefined;
}

describe("InferenceHub: disputes", () => {
  it("opens a dispute, locks the bond and draws a committee without the executor or challenger", async () => {
    const { hub, token, executor, challenger, committee, jobId } = await ctx.loadFixture(disputed);
    assert.equal(await hub.read.jobStatus([jobId]), Status.Disputed);
    assert.equal(await token.read.balanceOf([hub.address]), TOTAL_FEE + BOND);
    assert.equal(committee.length, HUB_CONFIG.committeeSize);
    assert.equal(new Set(committee).size, committee.length);
    assert.ok(!committee.includes(executor) && !committee.includes(challenger));
  });

  it("emits DisputeOpened with challenger, bond, committee and deadlines", async () => {
    const { hub, nodes } = await ctx.loadFixture(ctx.deployAll);
    const { jobId, executor } = await ctx.requestAndSubmit(hub);
    const challenger = getAddress(nodes.find((n) => getAddress(n) !== executor));
    const hash = await hub.write.challenge([jobId], { account: challenger });
    const [ev] = await ctx.decodeLogs(hash, hub, "DisputeOpened");
    const { timestamp } = await ctx.publicClient.getBlock();
    const dispute = await hub.read.getDispute([jobId]);
    assert.deepEqual(
      [ev.args.jobId, getAddress(ev.args.challenger), ev.args.bond, ev.args.committee, ev.args.commitDeadline, ev.args.revealDeadline],
      [jobId, challenger, BOND, dispute.committee, timestamp + 600n, timestamp + 1200n],
    );
  });

  it("rejects a challenge by the executor with SelfChallenge", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    const { jobId, executor } = await ctx.requestAndSubmit(hub);
    await assertions.revertWithCustomErrorWithArgs(hub.write.challenge([jobId], { account: executor }), hub, "SelfChallenge", [jobId]);
  });

  it("rejects a challenge by an account that is not an eligible node with NotEligibleNode", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    const { jobId } = await ctx.requestAndSubmit(hub);
    await assertions.revertWithCustomErrorWithArgs(hub.write.challenge([jobId], { account: ctx.outsider }), hub, "NotEligibleNode", [getAddress(ctx.outsider)]);
  });

  it("rejects a challenge after the window with DeadlinePassed", async () => {
    const { hub, nodes } = await ctx.loadFixture(ctx.deployAll);
    const { jobId, executor } = await ctx.requestAndSubmit(hub);
    await time.increase(HUB_CONFIG.challengeWindowSeconds + 1);
    const challenger = nodes.find((n) => getAddress(n) !== executor);
    await assertions.revertWithCustomError(hub.write.challenge([jobId], { account: challenger }), hub, "DeadlinePassed");
  });

  it("rejects a challenge of a job without a result with InvalidJobStatus", async () => {
    const { hub, nodes } = await ctx.loadFixture(ctx.deployAll);
    const { jobId, executor } = await ctx.request(hub);
    const challenger = nodes.find((n) => getAddress(n) !== executor);
    await assertions.revertWithCustomErrorWithArgs(hub.write.challenge([jobId], { account: challenger }), hub, "InvalidJobStatus", [jobId, Status.Assigned]);
  });

  it("rejects a challenge of an unknown job with JobNotFound", async () => {
    const { hub, nodes } = await ctx.loadFixture(ctx.deployAll);
    await assertions.revertWithCustomErrorWithArgs(hub.write.challenge([9n], { account: nodes[0] }), hub, "JobNotFound", [9n]);
  });

  it("rejects a challenge when no other node can sit on the committee with NoCommitteeAvailable", async () => {
    const { hub, nodes } = await ctx.loadFixture(ctx.deployTwoNodes);
    const { jobId, executor } = await ctx.requestAndSubmit(hub);
    const challenger = nodes.find((n) => getAddress(n) !== executor);
    await assertions.revertWithCustomErrorWithArgs(hub.write.challenge([jobId], { account: challenger }), hub, "NoCommitteeAvailable", [jobId]);
  });

  it("rejects finalize of a disputed job with InvalidJobStatus", async () => {
    const { hub, jobId } = await ctx.loadFixture(disputed);
    await time.increase(HUB_CONFIG.challengeWindowSeconds + 1);
    await assertions.revertWithCustomErrorWithArgs(hub.write.finalize([jobId, "0x"]), hub, "InvalidJobStatus", [jobId, Status.Disputed]);
  });

  it("records a committed vote and emits VoteCommitted", async () => {
    const { hub, jobId, committee } = await ctx.loadFixture(disputed);
    const h = voteHash(jobId, true, salt(committee[0]), committee[0]);
    await assertions.emitWithArgs(hub.write.commitVote([jobId, h], { account: committee[0] }), hub, "VoteCommitted", [jobId, committee[0], h]);
    assert.deepEqual(await hub.read.ballotOf([jobId, committee[0]]), [true, h, false, false]);
  });

  it("rejects a vote from outside the committee with NotCommitteeMember", async () => {
    const { hub, jobId, executor } = await ctx.loadFixture(disputed);
    await assertions.revertWithCustomErrorWithArgs(hub.write.commitVote([jobId, keccak256("0x01")], { account: executor }), hub, "NotCommitteeMember", [jobId, executor]);
  });

  it("rejects a second commit with AlreadyCommitted", async () => {
    const { hub, jobId, committee } = await ctx.loadFixture(disputed);
    await hub.write.commitVote([jobId, keccak256("0x01")], { account: committee[0] });
    await assertions.revertWithCustomErrorWithArgs(hub.write.commitVote([jobId, keccak256("0x02")], { account: committee[0] }), hub, "AlreadyCommitted", [jobId, committee[0]]);
  });

  it("rejects a commit after the commit deadline with DeadlinePassed", async () => {
    const { hub, jobId, committee, dispute } = await ctx.loadFixture(disputed);
    await time.increase(HUB_CONFIG.commitPhaseSeconds + 1);
    await assertions.revertWithCustomErrorWithArgs(hub.write.commitVote([jobId, keccak256("0x01")], { account: committee[0] }), hub, "DeadlinePassed", [jobId, BigInt(dispute.commitDeadline)]);
  });

  it("rejects a reveal during the commit phase with PhaseNotOpen", async () => {
    const { hub, jobId, committee, dispute } = await ctx.loadFixture(disputed);
    await hub.write.commitVote([jobId, voteHash(jobId, true, salt(committee[0]), committee[0])], { account: committee[0] });
    await assertions.revertWithCustomErrorWithArgs(hub.write.revealVote([jobId, true, salt(committee[0])], { account: committee[0] }), hub, "PhaseNotOpen", [jobId, BigInt(dispute.commitDeadline)]);
  });

  it("rejects a reveal that does not match the commit with RevealMismatch", async () => {
    const { hub, jobId, committee } = await ctx.loadFixture(disputed);
    await hub.write.commitVote([jobId, voteHash(jobId, true, salt(committee[0]), committee[0])], { account: committee[0] });
    await time.increase(HUB_CONFIG.commitPhaseSeconds + 1);
    await assertions.revertWithCustomErrorWithArgs(hub.write.revealVote([jobId, false, salt(committee[0])], { account: committee[0] }), hub, "RevealMismatch", [jobId, committee[0]]);
  });

  it("rejects a reveal without a commit with NothingToReveal", async () => {
    const { hub, jobId, committee } = await ctx.loadFixture(disputed);
    await time.increase(HUB_CONFIG.commitPhaseSeconds + 1);
    await assertions.revertWithCustomErrorWithArgs(hub.write.revealVote([jobId, true, salt(committee[0])], { account: committee[0] }), hub, "NothingToReveal", [jobId, committee[0]]);
  });

  it("rejects a reveal after the reveal deadline with DeadlinePassed", async () => {
    const { hub, jobId, committee, dispute } = await ctx.loadFixture(disputed);
    await hub.write.commitVote([jobId, voteHash(jobId, true, salt(committee[0]), committee[0])], { account: committee[0] });
    await time.increase(HUB_CONFIG.commitPhaseSeconds + HUB_CONFIG.revealPhaseSeconds + 1);
    await assertions.revertWithCustomErrorWithArgs(hub.write.revealVote([jobId, true, salt(committee[0])], { account: committee[0] }), hub, "DeadlinePassed", [jobId, BigInt(dispute.revealDeadline)]);
  });

  it("counts a revealed vote and emits VoteRevealed", async () => {
    const { hub, jobId, committee } = await ctx.loadFixture(disputed);
    await hub.write.commitVote([jobId, voteHash(jobId, false, salt(committee[0]), committee[0])], { account: committee[0] });
    await time.increase(HUB_CONFIG.commitPhaseSeconds + 1);
    await assertions.emitWithArgs(hub.write.revealVote([jobId, false, salt(committee[0])], { account: committee[0] }), hub, "VoteRevealed", [jobId, committee[0], false]);
    assert.equal((await hub.read.getDispute([jobId])).invalidVotes, 1);
  });

  it("rejects resolution before the reveal deadline while votes are missing with DeadlineNotReached", async () => {
    const { hub, jobId, dispute } = await ctx.loadFixture(disputed);
    await assertions.revertWithCustomErrorWithArgs(hub.write.resolveDispute([jobId]), hub, "DeadlineNotReached", [jobId, BigInt(dispute.revealDeadline)]);
  });

  it("upholds an honest executor: the challenger's bond pays the voters and the treasury", async () => {
    const { hub, staking, jobId, executor, challenger, committee } = await ctx.loadFixture(disputed);
    await assertions.emitWithArgs(vote(hub, jobId, committee.map((m) => [m, true])), hub, "DisputeResolved", [jobId, Outcome.Upheld, 3n, 0n, Status.Verified]);
    const share = BOND * 2000n / 10_000n / 3n;
    for (const m of committee) assert.equal(await hub.read.claimable([m]), share);
    assert.equal(await hub.read.claimable([challenger]), 0n);
    assert.equal(await hub.read.claimable([ctx.treasury]), BOND - 3n * share);
    assert.equal((await staking.read.nodeInfo([executor])).stake, NODE_STAKE);
  });

  it("lets a verified job be finalized at once and pays the executor", async () => {
    const { hub, jobId, executor, committee } = await ctx.loadFixture(disputed);
    await vote(hub, jobId, committee.map((m) => [m, true]));
    await hub.write.finalize([jobId, "0x"]);
    assert.equal(await hub.read.jobStatus([jobId]), Status.Finalized);
    assert.equal(await hub.read.claimable([executor]), HUB_CONFIG.nodeFee);
  });

  it("rejects a second challenge of a verified job with InvalidJobStatus", async () => {
    const { hub, jobId, challenger, committee } = await ctx.loadFixture(disputed);
    await vote(hub, jobId, committee.map((m) => [m, true]));
    await assertions.revertWithCustomErrorWithArgs(hub.write.challenge([jobId], { account: challenger }), hub, "InvalidJobStatus", [jobId, Status.Verified]);
  });

  it("slashes a dishonest executor: challenger reward, voters' reward, rest to treasury, requester refunded", async () => {
    const core = await ctx.loadFixture(ctx.deployAll);
    const { hub, staking } = core;
    const { jobId, executor, challenger, committee } = await challenged(hub, core.nodes, { output: WRONG_OUTPUT });
    await assertions.emitWithArgs(vote(hub, jobId, committee.map((m) => [m, false])), hub, "DisputeResolved", [jobId, Outcome.Overturned, 0n, 3n, Status.Rejected]);
    const slashed = HUB_CONFIG.slashAmount;
    const challengerReward = slashed * 5000n / 10_000n;
    const share = slashed * 2000n / 10_000n / 3n;
    assert.equal((await staking.read.nodeInfo([executor])).stake, NODE_STAKE - slashed);
    assert.equal(await hub.read.claimable([challenger]), BOND + challengerReward);
    for (const m of committee) assert.equal(await hub.read.claimable([m]), share);
    assert.equal(await hub.read.claimable([ctx.treasury]), slashed - challengerReward - 3n * share);
    assert.equal(await hub.read.claimable([ctx.requester]), TOTAL_FEE);
    assert.equal(await hub.read.jobStatus([jobId]), Status.Rejected);
  });

  it("resolves a tie as NoDecision: the result stands and the bond goes back", async () => {
    const { hub, jobId, challenger, committee } = await ctx.loadFixture(disputed);
    await assertions.emitWithArgs(vote(hub, jobId, [[committee[0], true], [committee[1], false]]), hub, "DisputeResolved", [jobId, Outcome.NoDecision, 1n, 1n, Status.Verified]);
    assert.equal(await hub.read.claimable([challenger]), BOND);
  });

  it("penalizes committee members that do not reveal", async () => {
    const { hub, staking, jobId, committee } = await ctx.loadFixture(disputed);
    await vote(hub, jobId, [[committee[0], true], [committee[1], false]]);
    assert.equal((await staking.read.nodeInfo([committee[2]])).stake, NODE_STAKE - HUB_CONFIG.nonVoterPenalty);
    assert.equal((await staking.read.nodeInfo([committee[0]])).stake, NODE_STAKE);
  });

  it("resolves a dispute with too few reveals as NoDecision and penalizes every silent member", async () => {
    const { hub, jobId, challenger } = await ctx.loadFixture(disputed);
    await time.increase(HUB_CONFIG.commitPhaseSeconds + HUB_CONFIG.revealPhaseSeconds + 1);
    await assertions.emitWithArgs(hub.write.resolveDispute([jobId]), hub, "DisputeResolved", [jobId, Outcome.NoDecision, 0n, 0n, Status.Verified]);
    assert.equal(await hub.read.claimable([challenger]), BOND);
    assert.equal(await hub.read.claimable([ctx.treasury]), 3n * HUB_CONFIG.nonVoterPenalty);
  });

  it("resolves early once every member has revealed", async () => {
    const { hub, jobId, committee } = await ctx.loadFixture(disputed);
    await vote(hub, jobId, committee.map((m) => [m, true]), { resolve: false });
    await hub.write.resolveDispute([jobId]);
    assert.equal(await hub.read.jobStatus([jobId]), Status.Verified);
  });

  it("refunds the requester when a challenged failure report is upheld", async () => {
    const { hub, jobId, committee } = await ctx.loadFixture(disputedFailure);
    await assertions.emitWithArgs(vote(hub, jobId, committee.map((m) => [m, true])), hub, "DisputeResolved", [jobId, Outcome.Upheld, BigInt(committee.length), 0n, Status.Refunded]);
    assert.equal(await hub.read.claimable([ctx.requester]), TOTAL_FEE);
  });

  it("slashes an executor whose failure report is overturned and refunds the requester", async () => {
    const { hub, staking, jobId, executor, committee } = await ctx.loadFixture(disputedFailure);
    await vote(hub, jobId, committee.map((m) => [m, false]));
    assert.equal(await hub.read.jobStatus([jobId]), Status.Rejected);
    assert.equal((await staking.read.nodeInfo([executor])).stake, NODE_STAKE - HUB_CONFIG.slashAmount);
    assert.equal(await hub.read.claimable([ctx.requester]), TOTAL_FEE);
  });

  it("rejects resolving a job that is not disputed with InvalidJobStatus", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    const { jobId } = await ctx.requestAndSubmit(hub);
    await assertions.revertWithCustomErrorWithArgs(hub.write.resolveDispute([jobId]), hub, "InvalidJobStatus", [jobId, Status.Submitted]);
  });
});
