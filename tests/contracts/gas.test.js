// Gas snapshot: measures every external state-changing function and the end-to-end paths, and compares
// with the committed tests/contracts/gas-snapshot.json. After an intended change regenerate it with
//   UPDATE_GAS_SNAPSHOT=1 npx hardhat test nodejs tests/contracts/gas.test.js   (or: npm run gas:update)
// Figures are receipt gasUsed (including the 21,000 intrinsic gas and calldata).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { getAddress, keccak256, toHex } from "viem";
import {
  connect, defaultOptions, signPermit, signRequest, voteHash,
  HUB_CONFIG, INPUT, MODEL_ID, NO_PERMIT, OPG, OUTPUT, Reason,
} from "./fixtures.js";

const SNAPSHOT = fileURLToPath(new URL("./gas-snapshot.json", import.meta.url));
const ctx = await connect();
const { time } = ctx.networkHelpers;
const chainId = await ctx.publicClient.getChainId();
const RANDAO = 0x5eedn;

/** Pins prevrandao for the next block so assignment and committee draws (hence gas) are reproducible. */
async function pinned(promiseFactory) {
  await ctx.networkHelpers.setPrevRandao(RANDAO);
  return ctx.gasOf(promiseFactory());
}

async function jobFor(hub) {
  const jobId = await hub.read.nextJobId();
  await ctx.networkHelpers.setPrevRandao(RANDAO);
  await hub.write.requestInference([MODEL_ID, INPUT, defaultOptions()], { account: ctx.requester });
  const { executor } = await hub.read.getJob([jobId]);
  return { jobId, executor: getAddress(executor) };
}

async function measure() {
  const functions = {};
  const scenarios = {};

  // ---- Steady state, one executor: what a busy node sees (its, the model owner's and the
  // treasury's claimable balances are already non-zero).
  {
    const { hub } = await ctx.deployCore(1);
    const warm = await jobFor(hub);
    await hub.write.submitResult([warm.jobId, OUTPUT], { account: warm.executor });
    await time.increase(HUB_CONFIG.challengeWindowSeconds + 1);
    await hub.write.finalize([warm.jobId, "0x"]);

    const jobId = await hub.read.nextJobId();
    const request = await pinned(() => hub.write.requestInference([MODEL_ID, INPUT, defaultOptions()], { account: ctx.requester }));
    const { executor } = await hub.read.getJob([jobId]);
    const submit = await ctx.gasOf(hub.write.submitResult([jobId, OUTPUT], { account: executor }));
    await time.increase(HUB_CONFIG.challengeWindowSeconds + 1);
    const finalize = await ctx.gasOf(hub.write.finalize([jobId, "0x"]));
    scenarios["happyPath.requestInference"] = request;
    scenarios["happyPath.submitResult"] = submit;
    scenarios["happyPath.finalize"] = finalize;
    scenarios["happyPath.total"] = request + submit + finalize;

    const ids = [];
    let requestsAndSubmits = 0n;
    for (let i = 0; i < 32; i++) {
      const id = await hub.read.nextJobId();
      requestsAndSubmits += await pinned(() => hub.write.requestInference([MODEL_ID, INPUT, defaultOptions()], { account: ctx.requester }));
      requestsAndSubmits += await ctx.gasOf(hub.write.submitResult([id, OUTPUT], { account: executor }));
      ids.push(id);
    }
    await time.increase(HUB_CONFIG.challengeWindowSeconds + 1);
    const batch = await ctx.gasOf(hub.write.finalizeBatch([ids, []]));
    scenarios["batch32.finalizeBatch"] = batch;
    scenarios["batch32.finalizeBatchPerJob"] = batch / 32n;
    scenarios["batch32.perJobAmortized"] = (requestsAndSubmits + batch) / 32n;
    functions["InferenceHub.withdraw"] = await ctx.gasOf(hub.write.withdraw({ account: executor }));
  }

  // ---- Per function, six staked nodes, first use of each path.
  {
    const { hub, token, registry, staking, nodes } = await ctx.deployCore(6);
    const wallet = ctx.wallets[12];
    await token.write.transfer([wallet.account.address, OPG(100)]);

    functions["OPGToken.transfer"] = await ctx.gasOf(token.write.transfer([ctx.outsider, 1n]));
    functions["OPGToken.approve"] = await ctx.gasOf(token.write.approve([ctx.outsider, 1n]));
    const p = await signPermit(wallet, token, ctx.outsider, 1n, chainId);
    functions["OPGToken.permit"] = await ctx.gasOf(token.write.permit([wallet.account.address, ctx.outsider, 1n, p.deadline, p.v, p.r, p.s]));

    const otherId = keccak256(toHex("gas model"));
    functions["ModelRegistry.registerModel"] = await ctx.gasOf(registry.write.registerModel([otherId, "ipfs://gas-model", OPG(1), 6, 2n], { account: ctx.modelOwner }));
    functions["ModelRegistry.updateFee"] = await ctx.gasOf(registry.write.updateFee([otherId, OPG(2)], { account: ctx.modelOwner }));
    functions["ModelRegistry.updateUri"] = await ctx.gasOf(registry.write.updateUri([otherId, "ipfs://gas-model-2"], { account: ctx.modelOwner }));
    functions["ModelRegistry.deactivate"] = await ctx.gasOf(registry.write.deactivate([otherId], { account: ctx.modelOwner }));

    const fresh = ctx.nodeAddresses[5];
    await staking.write.requestUnstake([OPG(1)], { account: fresh });
    functions["NodeStaking.requestUnstake"] = await ctx.gasOf(staking.write.requestUnstake([OPG(1)], { account: nodes[0] }));
    await time.increase(7 * 24 * 3600);
    functions["NodeStaking.withdraw"] = await ctx.gasOf(staking.write.withdraw({ account: nodes[0] }));
    functions["NodeStaking.stake"] = await ctx.gasOf(staking.write.stake([OPG(1)], { account: nodes[1] }));
    await staking.write.withdraw({ account: fresh });

    functions["InferenceHub.requestInference"] = await pinned(() => hub.write.requestInference([MODEL_ID, INPUT, defaultOptions()], { account: ctx.requester }));
    const permit = await signPermit(wallet, token, hub.address, OPG(10), chainId, 1n);
    functions["InferenceHub.requestInferenceWithPermit"] = await pinned(() => hub.write.requestInferenceWithPermit([MODEL_ID, INPUT, defaultOptions(), permit], { account: wallet.account.address }));
    const { request, signature } = await signRequest(wallet, hub, chainId);
    functions["InferenceHub.requestInferenceBySig"] = await pinned(() => hub.write.requestInferenceBySig([request, INPUT, signature, NO_PERMIT], { account: ctx.relayer }));

    const a = await jobFor(hub);
    functions["InferenceHub.submitResult"] = await ctx.gasOf(hub.write.submitResult([a.jobId, OUTPUT], { account: a.executor }));
    const b = await jobFor(hub);
    functions["InferenceHub.reportFailure"] = await ctx.gasOf(hub.write.reportFailure([b.jobId, Reason.BadInput], { account: b.executor }));
    const c = await jobFor(hub);
    const challenger = getAddress(nodes.find((n) => getAddress(n) !== a.executor));
    functions["InferenceHub.challenge"] = await pinned(() => hub.write.challenge([a.jobId], { account: challenger }));
    const committee = (await hub.read.getDispute([a.jobId])).committee.map((m) => getAddress(m));
    const salt = keccak256("0x01");
    let commitGas = 0n;
    for (const m of committee) commitGas = await ctx.gasOf(hub.write.commitVote([a.jobId, voteHash(a.jobId, true, salt, m)], { account: m }));
    functions["InferenceHub.commitVote"] = commitGas;
    await time.increase(HUB_CONFIG.commitPhaseSeconds + 1);
    let revealGas = 0n;
    for (const m of committee) revealGas = await ctx.gasOf(hub.write.revealVote([a.jobId, true, salt], { account: m }));
    functions["InferenceHub.revealVote"] = revealGas;
    functions["InferenceHub.resolveDispute"] = await ctx.gasOf(hub.write.resolveDispute([a.jobId]));
    await time.increase(HUB_CONFIG.challengeWindowSeconds + 1);
    functions["InferenceHub.finalize"] = await ctx.gasOf(hub.write.finalize([a.jobId, "0x"]));
    functions["InferenceHub.finalize(failure refund)"] = await ctx.gasOf(hub.write.finalize([b.jobId, "0x"]));
    functions["InferenceHub.expire"] = await ctx.gasOf(hub.write.expire([c.jobId]));
  }

  const sortKeys = (o) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, Number(o[k])]));
  return { functions: sortKeys(functions), scenarios: sortKeys(scenarios) };
}

describe("Gas snapshot", () => {
  it("matches tests/contracts/gas-snapshot.json", async () => {
    const measured = await measure();
    if (process.env.UPDATE_GAS_SNAPSHOT === "1" || !existsSync(SNAPSHOT)) {
      writeFileSync(SNAPSHOT, `${JSON.stringify(measured, null, 2)}\n`);
      console.log(`gas snapshot written to ${SNAPSHOT}`);
    }
    const committed = JSON.parse(readFileSync(SNAPSHOT, "utf8"));
    assert.deepEqual(measured, committed,
      "Gas figures changed. If the change is intended, regenerate the snapshot with\n" +
      "  UPDATE_GAS_SNAPSHOT=1 npx hardhat test nodejs tests/contracts/gas.test.js   (npm run gas:update)\n" +
      "and commit tests/contracts/gas-snapshot.json.");
  });
});
