import { fileURLToPath } from "node:url";
import { defineConfig } from "hardhat/config";
import hardhatToolboxViem from "@nomicfoundation/hardhat-toolbox-viem";

// solc cannot be downloaded at run time on our machines: use the npm build, by absolute path.
const solcPath = fileURLToPath(new URL("./node_modules/solc/soljson.js", import.meta.url));

// One compiler setup for every build profile, so what Ignition deploys (profile "production") is
// byte-for-byte what the tests ran (profile "default").
const compiler = {
  version: "0.8.30",
  path: solcPath,
  settings: {
    optimizer: { enabled: true, runs: 10_000 },
    viaIR: true, // the hub's request event carries eleven fields
    evmVersion: "prague",
  },
};

export default defineConfig({
  plugins: [hardhatToolboxViem],
  solidity: {
    profiles: { default: compiler, production: compiler },
  },
  paths: {
    sources: "contracts",
    tests: { nodejs: "tests/contracts", solidity: "tests/contracts/sol" },
    ignition: "deploy",
  },
  networks: {
    // The chain `hardhat node` serves (devnet and the C# tests). Without this, every automined block is at
    // least one second after the one before, so a burst of transactions (requests, submissions, challenges,
    // votes) pushes chain time tens of seconds ahead of wall time and closes challenge windows and vote
    // phases before the oracle nodes can act. With it, blocks take the wall-clock second they are mined in.
    node: { type: "edr-simulated", chainType: "l1", allowBlocksWithSameTimestamp: true },
    // OG_RPC_URL lets tools and tests point at a node on another port (never bind anything but 127.0.0.1).
    localhost: { type: "http", chainType: "l1", url: process.env.OG_RPC_URL ?? "http://127.0.0.1:8545" },
  },
});
