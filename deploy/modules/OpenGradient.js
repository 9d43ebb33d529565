// Hardhat Ignition module: deploys and wires the whole OpenGradient contract set.
//   token -> registry -> staking -> hub (+ example consumer), then staking.setHub(hub).
// Parameters (all optional, defaults below) come from an Ignition parameters file such as
// deploy/parameters/devnet.json. Nothing is registered: models and stakes are the users' business.
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

const OPG = (n) => BigInt(n) * 10n ** 18n;

export default buildModule("OpenGradient", (m) => {
  const deployer = m.getAccount(0);
  const tokenHolder = m.getParameter("tokenHolder", deployer);
  const treasury = m.getParameter("treasury", deployer);

  const token = m.contract("OPGToken", [tokenHolder, m.getParameter("initialSupply", OPG(1_000_000_000))]);
  const registry = m.contract("ModelRegistry", []);
  const staking = m.contract("NodeStaking", [
    token,
    m.getParameter("minStake", OPG(1000)),
    m.getParameter("unbondingPeriodSeconds", 7n * 24n * 3600n),
  ]);
  const hub = m.contract("InferenceHub", [
    token,
    registry,
    staking,
    treasury,
    {
      nodeFee: m.getParameter("nodeFee", OPG(1) / 2n),
      protocolFeeBps: m.getParameter("protocolFeeBps", 500),
      resultTimeoutSeconds: m.getParameter("resultTimeoutSeconds", 600),
      challengeWindowSeconds: m.getParameter("challengeWindowSeconds", 3600),
      commitPhaseSeconds: m.getParameter("commitPhaseSeconds", 600),
      revealPhaseSeconds: m.getParameter("revealPhaseSeconds", 600),
      committeeSize: m.getParameter("committeeSize", 3),
      challengeBond: m.getParameter("challengeBond", OPG(100)),
      slashAmount: m.getParameter("slashAmount", OPG(500)),
      expiryPenalty: m.getParameter("expiryPenalty", OPG(50)),
      nonVoterPenalty: m.getParameter("nonVoterPenalty", OPG(10)),
      challengerRewardBps: m.getParameter("challengerRewardBps", 5000),
      voterRewardBps: m.getParameter("voterRewardBps", 2000),
      maxCallbackGasLimit: m.getParameter("maxCallbackGasLimit", 2_000_000),
    },
  ]);
  m.call(staking, "setHub", [hub]);

  const exampleConsumer = m.contract("ExampleConsumer", [
    hub,
    token,
    m.getParameter("exampleModelId", "0x0000000000000000000000000000000000000000000000000000000000000000"),
    m.getParameter("exampleRiskThreshold", 500_000n),
  ]);

  return { token, registry, staking, hub, exampleConsumer };
});
