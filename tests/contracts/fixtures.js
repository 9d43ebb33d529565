// Shared fixtures and helpers for the contract tests. One network connection per test file:
// `const ctx = await connect();` then `await ctx.loadFixture(ctx.deployAll)` in each test.
import { network } from "hardhat";
import {
  decodeEventLog,
  encodeAbiParameters,
  keccak256,
  parseEther,
  sha256,
  toHex,
  getAddress,
} from "viem";

export const OPG = (n) => parseEther(String(n));

/** Hub parameters used by every test unless a test deploys its own. */
export const HUB_CONFIG = {
  nodeFee: OPG("0.5"),
  protocolFeeBps: 500,
  resultTimeoutSeconds: 600,
  challengeWindowSeconds: 3600,
  commitPhaseSeconds: 600,
  revealPhaseSeconds: 600,
  committeeSize: 3,
  challengeBond: OPG(100),
  slashAmount: OPG(500),
  expiryPenalty: OPG(50),
  nonVoterPenalty: OPG(10),
  challengerRewardBps: 5000,
  voterRewardBps: 2000,
  maxCallbackGasLimit: 2_000_000,
};

export const MIN_STAKE = OPG(1000);
export const NODE_STAKE = OPG(2000);
export const UNBONDING_SECONDS = 7n * 24n * 3600n;
export const MODEL_FEE = OPG(1);
export const MODEL_ID = sha256(toHex("fixture model: pretend ONNX bytes"));
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

/** abi.encode(Tensor[]) of a single Fixed tensor. */
export function encodeTensors(tensors) {
  return encodeAbiParameters(TENSOR_LIST, [tensors]);
}

export const INPUT = encodeTensors([{ name: "x", elementType: 0, decimals: 6, shape: [1, 3], values: [1_500_000n, -2n, 0n] }]);
export const OUTPUT = encodeTensors([{ name: "score", elementType: 0, decimals: 6, shape: [1], values: [730_000n] }]);
export const WRONG_OUTPUT = encodeTensors([{ name: "score", elementType: 0, decimals: 6, shape: [1], values: [10n] }]);

export const Status = {
  None: 0, Assigned: 1, Submitted: 2, FailureReported: 3, Disputed: 4, Verified: 5,
  Finalized: 6, Refunded: 7, Rejected: 8, Expired: 9,
};
export const Outcome = { None: 0, Upheld: 1, Overturned: 2, NoDecision: 3 };
export const Reason = { None: 0, BadInput: 1, ModelUnavailable: 2, NonFiniteOutput: 3 };

export function commitmentOf(modelId, input, output) {
  return keccak256(
    encodeAbiParameters(
      [{ type: "bytes32" }, { type: "bytes32" }, { type: "bytes32" }],
      [modelId, keccak256(input), keccak256(output)],
    ),
  );
}

export function voteHash(jobId, valid, salt, member) {
  return keccak256(
    encodeAbiParameters(
      [{ type: "uint256" }, { type: "bool" }, { type: "bytes32" }, { type: "address" }],
      [jobId, valid, salt, member],
    ),
  );
}

export const defaultOptions = (maxFee = OPG(100), callbackGasLimit = 0) => ({ maxFee, callbackGasLimit, mode: 0 });

/** Connects to a fresh in-process chain and returns the fixtures bound to it. */
export async function connect() {
  const conn = await network.create();
  const { viem, networkHelpers } = conn;
  const publicClient = await viem.getPublicClient();
  const wallets = await viem.getWalletClients();
  const [deployer, treasury, modelOwner, requester, relayer, outsider] = wallets.map((w) => w.account.address);
  const nodeAddresses = wallets.slice(6, 12).map((w) => w.account.address);

  async function deployCore(nodeCount = 6, config = HUB_CONFIG) {
    const token = await viem.deployContract("OPGToken", [deployer, OPG(1_000_000_000)]);
    const registry = await viem.deployContract("ModelRegistry", []);
    const staking = await viem.deployContract("NodeStaking", [token.address, MIN_STAKE, UNBONDING_SECONDS]);
    const hub = await viem.deployContract("InferenceHub", [token.address, registry.address, staking.address, treasury, config]);
    await staking.write.setHub([hub.address]);
    await registry.write.registerModel([MODEL_ID, "ipfs://fixture-model", MODEL_FEE, 6, 2n], { account: modelOwner });
    for (const account of [requester, relayer, outsider]) {
      await token.write.transfer([account, OPG(100_000)]);
      await token.write.approve([hub.address, OPG(100_000)], { account });
    }
    const nodes = nodeAddresses.slice(0, nodeCount);
    for (const node of nodeAddresses) {
      await token.write.transfer([node, OPG(10_000)]);
      await token.write.approve([staking.address, OPG(10_000)], { account: node });
      await token.write.approve([hub.address, OPG(10_000)], { account: node });
    }
    for (const node of nodes) await staking.write.stake([NODE_STAKE], { account: node });
    return { token, registry, staking, hub, nodes };
  }

  async function deployAll() {
    return deployCore(6);
  }
  async function deployTwoNodes() {
    return deployCore(2);
  }

  /** Requests a job from `requester` and returns its id and executor. */
  async function request(hub, { input = INPUT, options = defaultOptions(), account = requester } = {}) {
    const jobId = await hub.read.nextJobId();
    await hub.write.requestInference([MODEL_ID, input, options], { account });
    const job = await hub.read.getJob([jobId]);
    return { jobId, executor: getAddress(job.executor) };
  }

  async function requestAndSubmit(hub, opts = {}) {
    const { jobId, executor } = await request(hub, opts);
    await hub.write.submitResult([jobId, opts.output ?? OUTPUT], { account: executor });
    return { jobId, executor };
  }

  async function decodeLogs(hash, contract, eventName) {
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    const out = [];
    for (const log of receipt.logs) {
      if (getAddress(log.address) !== getAddress(contract.address)) continue;
      try {
        const ev = decodeEventLog({ abi: contract.abi, data: log.data, topics: log.topics });
        if (!eventName || ev.eventName === eventName) out.push(ev);
      } catch {
        // not an event of this ABI
      }
    }
    return out;
  }

  async function gasOf(hashPromise) {
    const receipt = await publicClient.waitForTransactionReceipt({ hash: await hashPromise });
    return receipt.gasUsed;
  }

  return {
    conn, viem, networkHelpers, publicClient, wallets,
    deployer, treasury, modelOwner, requester, relayer, outsider, nodeAddresses,
    loadFixture: networkHelpers.loadFixture,
    deployCore, deployAll, deployTwoNodes, request, requestAndSubmit, decodeLogs, gasOf,
  };
}

export const NO_PERMIT = { value: 0n, deadline: 0n, v: 0, r: `0x${"00".repeat(32)}`, s: `0x${"00".repeat(32)}` };

/** Splits a 65-byte signature into the Permit struct's v, r, s. */
export function splitSignature(signature) {
  return {
    r: signature.slice(0, 66),
    s: `0x${signature.slice(66, 130)}`,
    v: Number.parseInt(signature.slice(130, 132), 16),
  };
}

/** EIP-712 types of a signed request (docs/protocol.md section 6). */
export const INFERENCE_REQUEST_TYPES = {
  InferenceRequest: [
    { name: "requester", type: "address" },
    { name: "modelId", type: "bytes32" },
    { name: "input", type: "bytes" },
    { name: "maxFee", type: "uint256" },
    { name: "callbackGasLimit", type: "uint32" },
    { name: "mode", type: "uint8" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
};

/** Signs a request as `wallet` for `hub`; returns the SignedRequest struct and the signature. */
export async function signRequest(wallet, hub, chainId, { modelId = MODEL_ID, input = INPUT, maxFee = OPG(100), callbackGasLimit = 0, mode = 0, nonce = 0n, deadline = 2n ** 40n } = {}) {
  const request = { requester: wallet.account.address, modelId, maxFee, callbackGasLimit, mode, nonce, deadline };
  const signature = await wallet.signTypedData({
    domain: { name: "OpenGradient InferenceHub", version: "1", chainId, verifyingContract: hub.address },
    types: INFERENCE_REQUEST_TYPES,
    primaryType: "InferenceRequest",
    message: { ...request, input },
  });
  return { request, signature };
}

/** Signs an EIP-2612 permit of the OPG token. */
export async function signPermit(wallet, token, spender, value, chainId, nonce = 0n, deadline = 2n ** 40n) {
  const signature = await wallet.signTypedData({
    domain: { name: "OpenGradient", version: "1", chainId, verifyingContract: token.address },
    types: {
      Permit: [
        { name: "owner", type: "address" },
        { name: "spender", type: "address" },
        { name: "value", type: "uint256" },
        { name: "nonce", type: "uint256" },
        { name: "deadline", type: "uint256" },
      ],
    },
    primaryType: "Permit",
    message: { owner: wallet.account.address, spender, value, nonce, deadline },
  });
  return { value, deadline, ...splitSignature(signature) };
}

/** The reference assignment of docs/protocol.md: walk the eligible set in slot order. */
export function referenceSelect(nodes, weights, randomWord) {
  const total = weights.reduce((s, w) => s + w, 0n);
  let r = randomWord % total;
  for (let i = 0; i < nodes.length; i++) {
    if (r < weights[i]) return getAddress(nodes[i]);
    r -= weights[i];
  }
  throw new Error("unreachable");
}

/** The assignment seed of a job: keccak256(abi.encode(prevrandao, jobId)). */
export function assignmentWord(prevrandao, jobId) {
  return BigInt(keccak256(encodeAbiParameters([{ type: "uint256" }, { type: "uint256" }], [BigInt(prevrandao), jobId])));
}
