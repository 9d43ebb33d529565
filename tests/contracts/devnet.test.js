// End to end against a real `hardhat node` on a free loopback port: the Ignition module deploys
// everything, the export script writes a deployment file with every address, and nothing is registered.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { createServer } from "node:net";
import { readFileSync, rmSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createPublicClient, http, getAddress, parseAbi } from "viem";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const HARDHAT = path.join(ROOT, "node_modules/hardhat/dist/src/cli.js");
// The test runner's own settings (HARDHAT_*, HH_TEST, NODE_ENV) must not leak into the child CLIs.
const childEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("HARDHAT_") && k !== "HH_TEST" && k !== "NODE_ENV"));
const NAMES = ["OPGToken", "ModelRegistry", "NodeStaking", "InferenceHub", "ExampleConsumer"];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls eth_chainId until the node answers; fails if the node exits or takes over two minutes. */
async function nodeReady(child, client) {
  let exited = null;
  child.once("exit", (code) => { exited = code; });
  const giveUpAt = Date.now() + 120_000;
  for (;;) {
    if (exited !== null) throw new Error(`hardhat node exited with ${exited}`);
    try {
      await client.getChainId();
      return;
    } catch {
      if (Date.now() > giveUpAt) throw new Error("hardhat node did not answer within two minutes");
      await new Promise((resolve) => setTimeout(resolve, 200)); // poll interval, not a fixed wait
    }
  }
}

describe("Devnet deployment on a real hardhat node", () => {
  let node;
  let client;
  let deployment;
  const deploymentId = `devnet-test-${process.pid}`;
  const deploymentDir = path.join(ROOT, "deploy/deployments", deploymentId);
  const outDir = mkdtempSync(path.join(tmpdir(), "og-deploy-"));

  before(async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    client = createPublicClient({ transport: http(url) });
    node = spawn(process.execPath, [HARDHAT, "node", "--hostname", "127.0.0.1", "--port", String(port)], { cwd: ROOT, env: childEnv, stdio: "ignore" });
    await nodeReady(node, client);
    const env = { ...childEnv, OG_RPC_URL: url };
    execFileSync(process.execPath, [HARDHAT, "ignition", "deploy", "deploy/modules/OpenGradient.js", "--network", "localhost",
      "--parameters", "deploy/parameters/devnet.json", "--deployment-id", deploymentId, "--reset",
      // the default profile has the same compiler settings and is already built: no second compile
      "--build-profile", "default"], { cwd: ROOT, env, stdio: "pipe" });
    const out = path.join(outDir, "31337.json");
    execFileSync(process.execPath, [path.join(ROOT, "deploy/export-deployment.mjs"), "31337", "--deployment-dir", deploymentDir, "--out", out], { cwd: ROOT, stdio: "pipe" });
    deployment = JSON.parse(readFileSync(out, "utf8"));
  });

  after(() => {
    node?.kill();
    rmSync(deploymentDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  it("writes a deployment file with the chain id, every contract and the first block", () => {
    assert.equal(deployment.chainId, 31337);
    assert.deepEqual(Object.keys(deployment.contracts).sort(), [...NAMES].sort());
    assert.ok(Number.isInteger(deployment.deployBlock) && deployment.deployBlock >= 1);
  });

  it("lists addresses that hold code on the node", async () => {
    for (const name of NAMES) {
      const code = await client.getCode({ address: deployment.contracts[name] });
      assert.ok(code && code.length > 2, `${name} has no code`);
    }
  });

  it("leaves the staking contract wired to the hub", async () => {
    const hub = await client.readContract({ address: deployment.contracts.NodeStaking, abi: parseAbi(["function hub() view returns (address)"]), functionName: "hub" });
    assert.equal(getAddress(hub), getAddress(deployment.contracts.InferenceHub));
  });

  it("registers no model and stakes no node", async () => {
    const models = await client.getLogs({ address: deployment.contracts.ModelRegistry, fromBlock: BigInt(deployment.deployBlock) });
    const total = await client.readContract({ address: deployment.contracts.NodeStaking, abi: parseAbi(["function nodeCount() view returns (uint256)"]), functionName: "nodeCount" });
    assert.deepEqual([models.length, total], [0, 0n]);
  });
});
