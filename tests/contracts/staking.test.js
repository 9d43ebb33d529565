import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { getAddress, keccak256, toHex, parseEther } from "viem";
import { connect, MIN_STAKE, NODE_STAKE, OPG, UNBONDING_SECONDS } from "./fixtures.js";

const ctx = await connect();
const { assertions } = ctx.viem;

async function deployFresh() {
  const token = await ctx.viem.deployContract("OPGToken", [ctx.deployer, OPG(1_000_000_000)]);
  const staking = await ctx.viem.deployContract("NodeStaking", [token.address, MIN_STAKE, UNBONDING_SECONDS]);
  const [a, b, c] = ctx.nodeAddresses;
  for (const node of [a, b, c]) {
    await token.write.transfer([node, OPG(10_000)]);
    await token.write.approve([staking.address, OPG(10_000)], { account: node });
  }
  return { token, staking, a, b, c };
}

/** The reference selection of docs/protocol.md: walk slots in order summing weights. */
function referenceSelect(nodes, weights, randomWord) {
  const total = weights.reduce((s, w) => s + w, 0n);
  let r = randomWord % total;
  for (let i = 0; i < nodes.length; i++) {
    if (r < weights[i]) return getAddress(nodes[i]);
    r -= weights[i];
  }
  throw new Error("unreachable");
}

describe("NodeStaking", () => {
  it("adds stake, pulls the tokens and emits Staked", async () => {
    const { token, staking, a } = await ctx.loadFixture(deployFresh);
    await assertions.emitWithArgs(staking.write.stake([NODE_STAKE], { account: a }), staking, "Staked", [getAddress(a), NODE_STAKE, NODE_STAKE]);
    assert.equal((await staking.read.nodeInfo([a])).stake, NODE_STAKE);
    assert.equal(await token.read.balanceOf([staking.address]), NODE_STAKE);
  });

  it("makes a node with at least the minimum stake eligible with its stake as weight", async () => {
    const { staking, a } = await ctx.loadFixture(deployFresh);
    await staking.write.stake([MIN_STAKE], { account: a });
    assert.equal(await staking.read.isEligible([a]), true);
    assert.equal(await staking.read.totalEligibleStake(), MIN_STAKE);
  });

  it("keeps a node below the minimum stake out of the eligible set", async () => {
    const { staking, a } = await ctx.loadFixture(deployFresh);
    await staking.write.stake([MIN_STAKE - 1n], { account: a });
    assert.equal(await staking.read.isEligible([a]), false);
    assert.equal(await staking.read.totalEligibleStake(), 0n);
  });

  it("rejects a zero stake with ZeroAmount", async () => {
    const { staking, a } = await ctx.loadFixture(deployFresh);
    await assertions.revertWithCustomError(staking.write.stake([0n], { account: a }), staking, "ZeroAmount");
  });

  it("rejects a stake that does not fit uint96 with StakeTooLarge", async () => {
    const { staking, a } = await ctx.loadFixture(deployFresh);
    await assertions.revertWithCustomErrorWithArgs(staking.write.stake([2n ** 96n], { account: a }), staking, "StakeTooLarge", [2n ** 96n]);
  });

  it("removes a node with a pending unstake from the eligible set and emits UnstakeRequested", async () => {
    const { staking, a } = await ctx.loadFixture(deployFresh);
    await staking.write.stake([NODE_STAKE], { account: a });
    await assertions.emit(staking.write.requestUnstake([OPG(1)], { account: a }), staking, "UnstakeRequested");
    assert.equal(await staking.read.isEligible([a]), false);
    assert.equal(await staking.read.totalEligibleStake(), 0n);
  });

  it("rejects unstaking more than the active stake with InsufficientStake", async () => {
    const { staking, a } = await ctx.loadFixture(deployFresh);
    await staking.write.stake([NODE_STAKE], { account: a });
    await assertions.revertWithCustomErrorWithArgs(staking.write.requestUnstake([NODE_STAKE + 1n], { account: a }), staking, "InsufficientStake", [getAddress(a), NODE_STAKE, NODE_STAKE + 1n]);
  });

  it("rejects a zero unstake with ZeroAmount", async () => {
    const { staking, a } = await ctx.loadFixture(deployFresh);
    await assertions.revertWithCustomError(staking.write.requestUnstake([0n], { account: a }), staking, "ZeroAmount");
  });

  it("rejects a withdrawal before the unbonding period ends with UnbondingNotEnded", async () => {
    const { staking, a } = await ctx.loadFixture(deployFresh);
    await staking.write.stake([NODE_STAKE], { account: a });
    await staking.write.requestUnstake([OPG(1)], { account: a });
    await assertions.revertWithCustomError(staking.write.withdraw({ account: a }), staking, "UnbondingNotEnded");
  });

  it("pays out unbonded stake after the period, emits Withdrawn and restores eligibility", async () => {
    const { token, staking, a } = await ctx.loadFixture(deployFresh);
    await staking.write.stake([NODE_STAKE], { account: a });
    await staking.write.requestUnstake([OPG(1)], { account: a });
    await ctx.networkHelpers.time.increase(UNBONDING_SECONDS);
    const before = await token.read.balanceOf([a]);
    await assertions.emitWithArgs(staking.write.withdraw({ account: a }), staking, "Withdrawn", [getAddress(a), OPG(1)]);
    assert.equal(await token.read.balanceOf([a]), before + OPG(1));
    assert.equal(await staking.read.isEligible([a]), true);
  });

  it("rejects a withdrawal with nothing unbonding with NothingToWithdraw", async () => {
    const { staking, a } = await ctx.loadFixture(deployFresh);
    await assertions.revertWithCustomErrorWithArgs(staking.write.withdraw({ account: a }), staking, "NothingToWithdraw", [getAddress(a)]);
  });

  it("rejects slashing by anyone but the hub with OnlyHub", async () => {
    const { staking, a } = await ctx.loadFixture(deployFresh);
    await assertions.revertWithCustomErrorWithArgs(staking.write.slash([a, 1n], { account: ctx.outsider }), staking, "OnlyHub", [getAddress(ctx.outsider)]);
  });

  it("slashes active stake first, then unbonding, capped at what the node has", async () => {
    const { token, staking, a } = await ctx.loadFixture(deployFresh);
    await staking.write.setHub([ctx.outsider]);
    await staking.write.stake([NODE_STAKE], { account: a });
    await staking.write.requestUnstake([OPG(500)], { account: a });
    await staking.write.slash([a, OPG(1600)], { account: ctx.outsider });
    const info = await staking.read.nodeInfo([a]);
    assert.deepEqual([info.stake, info.unbonding], [0n, OPG(400)]);
    await staking.write.slash([a, OPG(1000)], { account: ctx.outsider });
    assert.equal((await staking.read.nodeInfo([a])).unbonding, 0n);
    assert.equal(await token.read.balanceOf([ctx.outsider]), NODE_STAKE);
  });

  it("wires the hub once and emits HubSet", async () => {
    const { staking } = await ctx.loadFixture(deployFresh);
    await assertions.emitWithArgs(staking.write.setHub([ctx.relayer]), staking, "HubSet", [getAddress(ctx.relayer)]);
    assert.equal(getAddress(await staking.read.hub()), getAddress(ctx.relayer));
  });

  it("rejects wiring the hub twice with HubAlreadySet", async () => {
    const { staking } = await ctx.loadFixture(deployFresh);
    await staking.write.setHub([ctx.relayer]);
    await assertions.revertWithCustomError(staking.write.setHub([ctx.outsider]), staking, "HubAlreadySet");
  });

  it("rejects wiring the hub by anyone but the deployer with NotDeployer", async () => {
    const { staking } = await ctx.loadFixture(deployFresh);
    await assertions.revertWithCustomErrorWithArgs(staking.write.setHub([ctx.relayer], { account: ctx.outsider }), staking, "NotDeployer", [getAddress(ctx.outsider)]);
  });

  it("rejects a zero hub with ZeroHub", async () => {
    const { staking } = await ctx.loadFixture(deployFresh);
    await assertions.revertWithCustomError(staking.write.setHub(["0x0000000000000000000000000000000000000000"]), staking, "ZeroHub");
  });

  it("rejects selection from an empty set with NoEligibleNodes", async () => {
    const { staking } = await ctx.loadFixture(deployFresh);
    await assertions.revertWithCustomError(staking.read.selectNode([1n]), staking, "NoEligibleNodes");
  });

  it("selects exactly the node the cumulative-weight walk of docs/protocol.md selects", async () => {
    const { staking, a, b, c } = await ctx.loadFixture(deployFresh);
    await staking.write.stake([OPG(1000)], { account: a });
    await staking.write.stake([OPG(3000)], { account: b });
    await staking.write.stake([OPG(1500)], { account: c });
    await staking.write.requestUnstake([OPG(1)], { account: b }); // b has weight 0 now
    await staking.write.stake([OPG(2000)], { account: a });
    const [nodes, weights] = await staking.read.eligibleSet();
    for (let i = 0; i < 64; i++) {
      const word = BigInt(keccak256(toHex(`word ${i}`)));
      assert.equal(getAddress(await staking.read.selectNode([word])), referenceSelect(nodes, weights, word));
    }
    // boundaries: the last unit of a's range and the first of c's.
    assert.equal(getAddress(await staking.read.selectNode([OPG(3000) - 1n])), getAddress(a));
    assert.equal(getAddress(await staking.read.selectNode([OPG(3000)])), getAddress(c));
  });

  it("rejects a new node once all slots are taken with NodeSetFull", async () => {
    const { token, staking } = await ctx.loadFixture(deployFresh);
    const max = Number(await staking.read.MAX_NODES());
    for (let i = 0; i <= max; i++) {
      const node = getAddress(`0x${(0x1000 + i).toString(16).padStart(40, "0")}`);
      await ctx.networkHelpers.impersonateAccount(node);
      await ctx.networkHelpers.setBalance(node, parseEther("1"));
      await token.write.transfer([node, 1n]);
      await token.write.approve([staking.address, 1n], { account: node });
      if (i < max) await staking.write.stake([1n], { account: node });
      else await assertions.revertWithCustomErrorWithArgs(staking.write.stake([1n], { account: node }), staking, "NodeSetFull", [BigInt(max)]);
    }
    assert.equal(await staking.read.nodeCount(), BigInt(max));
  });
});
