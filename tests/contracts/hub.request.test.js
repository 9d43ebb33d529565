import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { getAddress, keccak256 } from "viem";
import {
  connect, defaultOptions, signRequest, signPermit, referenceSelect, assignmentWord,
  HUB_CONFIG, INPUT, MODEL_FEE, MODEL_ID, NO_PERMIT, OPG, Status,
} from "./fixtures.js";

const ctx = await connect();
const { assertions } = ctx.viem;
const chainId = await ctx.publicClient.getChainId();
const PROTOCOL_FEE = (MODEL_FEE + HUB_CONFIG.nodeFee) * 500n / 10_000n;
const TOTAL_FEE = MODEL_FEE + HUB_CONFIG.nodeFee + PROTOCOL_FEE;

describe("InferenceHub: requests and assignment", () => {
  it("quotes model fee + node fee + protocol cut", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    assert.deepEqual(await hub.read.quoteFee([MODEL_ID]), [TOTAL_FEE, MODEL_FEE, HUB_CONFIG.nodeFee, PROTOCOL_FEE]);
  });

  it("escrows the fee and moves the job to Assigned", async () => {
    const { hub, token } = await ctx.loadFixture(ctx.deployAll);
    const before = await token.read.balanceOf([ctx.requester]);
    const { jobId } = await ctx.request(hub);
    assert.equal(await token.read.balanceOf([ctx.requester]), before - TOTAL_FEE);
    assert.equal(await token.read.balanceOf([hub.address]), TOTAL_FEE);
    assert.equal(await hub.read.escrowOf([jobId]), TOTAL_FEE);
    assert.equal(await hub.read.jobStatus([jobId]), Status.Assigned);
  });

  it("emits InferenceRequested with everything an executor needs", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    const hash = await hub.write.requestInference([MODEL_ID, INPUT, defaultOptions(OPG(10), 123_456)], { account: ctx.requester });
    const [ev] = await ctx.decodeLogs(hash, hub, "InferenceRequested");
    const job = await hub.read.getJob([1n]);
    const block = await ctx.publicClient.getBlock({ blockNumber: (await ctx.publicClient.getTransactionReceipt({ hash })).blockNumber });
    assert.deepEqual(
      { ...ev.args, requester: getAddress(ev.args.requester), executor: getAddress(ev.args.executor) },
      {
        jobId: 1n, requester: getAddress(ctx.requester), executor: getAddress(job.executor), modelId: MODEL_ID, input: INPUT,
        modelFee: MODEL_FEE, nodeFee: HUB_CONFIG.nodeFee, protocolFee: PROTOCOL_FEE, callbackGasLimit: 123_456, mode: 0,
        resultDeadline: block.timestamp + 600n,
      },
    );
  });

  it("stores the input hash, not the input", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    const { jobId } = await ctx.request(hub);
    assert.equal((await hub.read.getJob([jobId])).inputHash, keccak256(INPUT));
  });

  it("assigns the executor the cumulative-stake walk selects from prevrandao and job id", async () => {
    const { hub, staking, nodes } = await ctx.loadFixture(ctx.deployAll);
    await staking.write.stake([OPG(3000)], { account: nodes[2] }); // unequal weights
    const [setNodes, weights] = await staking.read.eligibleSet();
    for (let i = 0; i < 8; i++) {
      const jobId = await hub.read.nextJobId();
      const hash = await hub.write.requestInference([MODEL_ID, INPUT, defaultOptions()], { account: ctx.requester });
      const receipt = await ctx.publicClient.getTransactionReceipt({ hash });
      const block = await ctx.publicClient.getBlock({ blockNumber: receipt.blockNumber });
      const expected = referenceSelect(setNodes, weights, assignmentWord(block.mixHash, jobId));
      assert.equal(getAddress((await hub.read.getJob([jobId])).executor), expected);
    }
  });

  it("never assigns a node with a pending unstake", async () => {
    const { hub, staking, nodes } = await ctx.loadFixture(ctx.deployAll);
    for (const node of nodes.slice(1)) await staking.write.requestUnstake([OPG(1)], { account: node });
    for (let i = 0; i < 6; i++) {
      const { executor } = await ctx.request(hub);
      assert.equal(executor, getAddress(nodes[0]));
    }
  });

  it("rejects an unknown model with ModelNotActive", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    const unknown = keccak256("0x01");
    await assertions.revertWithCustomErrorWithArgs(hub.write.requestInference([unknown, INPUT, defaultOptions()], { account: ctx.requester }), hub, "ModelNotActive", [unknown]);
  });

  it("rejects a deactivated model with ModelNotActive", async () => {
    const { hub, registry } = await ctx.loadFixture(ctx.deployAll);
    await registry.write.deactivate([MODEL_ID], { account: ctx.modelOwner });
    await assertions.revertWithCustomErrorWithArgs(hub.write.requestInference([MODEL_ID, INPUT, defaultOptions()], { account: ctx.requester }), hub, "ModelNotActive", [MODEL_ID]);
  });

  it("rejects a fee above the requester's maximum with FeeAboveMax", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    await assertions.revertWithCustomErrorWithArgs(hub.write.requestInference([MODEL_ID, INPUT, defaultOptions(TOTAL_FEE - 1n)], { account: ctx.requester }), hub, "FeeAboveMax", [TOTAL_FEE, TOTAL_FEE - 1n]);
  });

  it("rejects any mode but Optimistic with UnsupportedMode", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    await assertions.revertWithCustomErrorWithArgs(hub.write.requestInference([MODEL_ID, INPUT, { maxFee: OPG(10), callbackGasLimit: 0, mode: 1 }], { account: ctx.requester }), hub, "UnsupportedMode", [1]);
  });

  it("rejects a callback gas limit above the maximum with CallbackGasLimitTooHigh", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    await assertions.revertWithCustomErrorWithArgs(hub.write.requestInference([MODEL_ID, INPUT, defaultOptions(OPG(10), 2_000_001)], { account: ctx.requester }), hub, "CallbackGasLimitTooHigh", [2_000_001, 2_000_000]);
  });

  it("rejects a request when no node is eligible with NoEligibleNodes", async () => {
    const { hub, staking, nodes } = await ctx.loadFixture(ctx.deployAll);
    for (const node of nodes) await staking.write.requestUnstake([OPG(1)], { account: node });
    await assertions.revertWithCustomError(hub.write.requestInference([MODEL_ID, INPUT, defaultOptions()], { account: ctx.requester }), staking, "NoEligibleNodes");
  });

  it("accepts an EIP-2612 permit instead of an approval", async () => {
    const { hub, token } = await ctx.loadFixture(ctx.deployAll);
    const wallet = ctx.wallets[12];
    await token.write.transfer([wallet.account.address, OPG(10)]);
    const permit = await signPermit(wallet, token, hub.address, TOTAL_FEE, chainId);
    await hub.write.requestInferenceWithPermit([MODEL_ID, INPUT, defaultOptions(), permit], { account: wallet.account.address });
    assert.equal(await token.read.balanceOf([wallet.account.address]), OPG(10) - TOTAL_FEE);
  });

  it("still takes the fee from an existing allowance when the permit was already used", async () => {
    const { hub, token } = await ctx.loadFixture(ctx.deployAll);
    const wallet = ctx.wallets[12];
    await token.write.transfer([wallet.account.address, OPG(10)]);
    const permit = await signPermit(wallet, token, hub.address, OPG(10), chainId);
    await token.write.permit([wallet.account.address, hub.address, permit.value, permit.deadline, permit.v, permit.r, permit.s]); // front-run
    await hub.write.requestInferenceWithPermit([MODEL_ID, INPUT, defaultOptions(), permit], { account: wallet.account.address });
    assert.equal(await hub.read.jobStatus([1n]), Status.Assigned);
  });

  it("runs a relayed EIP-712 request paid by the signer", async () => {
    const { hub, token } = await ctx.loadFixture(ctx.deployAll);
    const wallet = ctx.wallets[12];
    await token.write.transfer([wallet.account.address, OPG(10)]);
    const permit = await signPermit(wallet, token, hub.address, TOTAL_FEE, chainId);
    const { request, signature } = await signRequest(wallet, hub, chainId);
    await hub.write.requestInferenceBySig([request, INPUT, signature, permit], { account: ctx.relayer });
    const job = await hub.read.getJob([1n]);
    assert.equal(getAddress(job.requester), getAddress(wallet.account.address));
    assert.equal(await token.read.balanceOf([wallet.account.address]), OPG(10) - TOTAL_FEE);
    assert.equal(await hub.read.nonces([wallet.account.address]), 1n);
  });

  it("rejects a replayed EIP-712 request with InvalidAccountNonce", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    const wallet = ctx.wallets[3];
    const { request, signature } = await signRequest(wallet, hub, chainId);
    await hub.write.requestInferenceBySig([request, INPUT, signature, NO_PERMIT], { account: ctx.relayer });
    await assertions.revertWithCustomErrorWithArgs(hub.write.requestInferenceBySig([request, INPUT, signature, NO_PERMIT], { account: ctx.outsider }), hub, "InvalidAccountNonce", [getAddress(wallet.account.address), 1n]);
  });

  it("rejects an EIP-712 request past its deadline with SignatureExpired", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    const deadline = BigInt(await ctx.networkHelpers.time.latest()) + 10n;
    const { request, signature } = await signRequest(ctx.wallets[3], hub, chainId, { deadline });
    await ctx.networkHelpers.time.increase(11);
    await assertions.revertWithCustomErrorWithArgs(hub.write.requestInferenceBySig([request, INPUT, signature, NO_PERMIT], { account: ctx.relayer }), hub, "SignatureExpired", [deadline]);
  });

  it("rejects an EIP-712 request whose input was changed with InvalidSignature", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    const { request, signature } = await signRequest(ctx.wallets[3], hub, chainId);
    await assertions.revertWithCustomErrorWithArgs(hub.write.requestInferenceBySig([request, "0x1234", signature, NO_PERMIT], { account: ctx.relayer }), hub, "InvalidSignature", [getAddress(ctx.requester)]);
  });

  it("rejects an EIP-712 request signed by someone else with InvalidSignature", async () => {
    const { hub } = await ctx.loadFixture(ctx.deployAll);
    const { request, signature } = await signRequest(ctx.wallets[5], hub, chainId);
    const forged = { ...request, requester: ctx.requester };
    await assertions.revertWithCustomErrorWithArgs(hub.write.requestInferenceBySig([forged, INPUT, signature, NO_PERMIT], { account: ctx.relayer }), hub, "InvalidSignature", [getAddress(ctx.requester)]);
  });

  it("rejects a constructor configuration out of range with InvalidConfig", async () => {
    const { token, registry, staking } = await ctx.loadFixture(ctx.deployAll);
    await assertions.revertWithCustomErrorWithArgs(
      ctx.viem.deployContract("InferenceHub", [token.address, registry.address, staking.address, ctx.treasury, { ...HUB_CONFIG, committeeSize: 0 }]),
      { abi: (await ctx.viem.getContractAt("InferenceHub", ctx.treasury)).abi }, "InvalidConfig", ["committeeSize"],
    );
  });
});
