#!/usr/bin/env node
// Turns Hardhat Ignition's record of a deployment into the project's deployment file:
//   deploy/deployments/<chainId>.json = { chainId, contracts: { OPGToken, ModelRegistry, NodeStaking,
//                                          InferenceHub, ExampleConsumer }, deployBlock }
// Usage: node deploy/export-deployment.mjs [chainId=31337] [--deployment-dir <ignition deployment dir>] [--out <file>]
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const dirFlag = args.indexOf("--deployment-dir");
const outFlag = args.indexOf("--out");
const flagValues = new Set([dirFlag, outFlag].filter((i) => i >= 0).map((i) => i + 1));
const chainId = Number(args.find((a, i) => !a.startsWith("--") && !flagValues.has(i)) ?? 31337);
const deploymentDir = dirFlag >= 0 ? path.resolve(args[dirFlag + 1]) : path.join(here, "deployments", `chain-${chainId}`);

// Ignition future ids -> names in the deployment file.
const NAMES = {
  "OpenGradient#OPGToken": "OPGToken",
  "OpenGradient#ModelRegistry": "ModelRegistry",
  "OpenGradient#NodeStaking": "NodeStaking",
  "OpenGradient#InferenceHub": "InferenceHub",
  "OpenGradient#ExampleConsumer": "ExampleConsumer",
};

function fail(message) {
  console.error(`export-deployment: ${message}`);
  process.exit(1);
}

let addresses;
try {
  addresses = JSON.parse(readFileSync(path.join(deploymentDir, "deployed_addresses.json"), "utf8"));
} catch (e) {
  fail(`cannot read ${path.join(deploymentDir, "deployed_addresses.json")} (${e.message}); run the Ignition deployment first`);
}
const contracts = {};
for (const [futureId, name] of Object.entries(NAMES)) {
  if (!addresses[futureId]) fail(`${futureId} is missing from deployed_addresses.json; the deployment is incomplete`);
  contracts[name] = addresses[futureId];
}

// The first block of the deployment: the lowest block of any confirmed transaction in Ignition's journal.
let deployBlock = null;
for (const line of readFileSync(path.join(deploymentDir, "journal.jsonl"), "utf8").split("\n")) {
  if (!line.trim()) continue;
  const entry = JSON.parse(line);
  const block = entry?.receipt?.blockNumber;
  if (block !== undefined) deployBlock = deployBlock === null ? Number(block) : Math.min(deployBlock, Number(block));
}
if (deployBlock === null) fail("no confirmed transaction in journal.jsonl");

const out = outFlag >= 0 ? path.resolve(args[outFlag + 1]) : path.join(here, "deployments", `${chainId}.json`);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ chainId, contracts, deployBlock }, null, 2)}\n`);
console.log(`wrote ${out}`);
