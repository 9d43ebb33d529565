import { fileURLToPath } from "node:url";
import { defineConfig } from "hardhat/config";
import hardhatToolboxViem from "@nomicfoundation/hardhat-toolbox-viem";

// solc cannot be downloaded at run time on our machines: use the npm build, by absolute path.
const solcPath = fileURLToPath(new URL("./node_modules/solc/soljson.js", import.meta.url));

export default defineConfig({
  plugins: [hardhatToolboxViem],
  solidity: {
    version: "0.8.30",
    path: solcPath,
    settings: {
      optimizer: { enabled: true, runs: 10_000 },
      viaIR: true,
      evmVersion: "prague",
    },
  },
  paths: {
    sources: "contracts",
    tests: { nodejs: "tests/contracts", solidity: "tests/contracts/sol" },
    ignition: "deploy",
  },
  networks: {
    localhost: { type: "http", chainType: "l1", url: "http://127.0.0.1:8545" },
  },
});
