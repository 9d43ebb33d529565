// The Ignition module deploys and wires everything from the devnet parameters file, registering nothing.
// (The same module against a real `npx hardhat node --hostname 127.0.0.1 --port <port>` is in docs/contracts.md.)
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { network } from "hardhat";
import { getAddress } from "viem";
import OpenGradient from "../../deploy/modules/OpenGradient.js";

const PARAMETERS = fileURLToPath(new URL("../../deploy/parameters/devnet.json", import.meta.url));
const params = JSON.parse(readFileSync(PARAMETERS, "utf8")).OpenGradient;
const big = (v) => BigInt(String(v).replace(/n$/, ""));
const { ignition, viem } = await network.create();
const [deployer] = await viem.getWalletClients();

async function deployModule() {
  return ignition.deploy(OpenGradient, { parameters: PARAMETERS, displayUi: false });
}

describe("Ignition module deploy/modules/OpenGradient.js", () => {
  it("wires the staking contract to the hub", async () => {
    const { staking, hub } = await deployModule();
    assert.equal(getAddress(await staking.read.hub()), getAddress(hub.address));
  });

  it("wires the hub to the token, registry, staking and treasury", async () => {
    const { token, registry, staking, hub } = await deployModule();
    assert.deepEqual(
      [await hub.read.token(), await hub.read.registry(), await hub.read.staking(), await hub.read.treasury()].map((a) => getAddress(a)),
      [token.address, registry.address, staking.address, deployer.account.address].map((a) => getAddress(a)),
    );
  });

  it("applies the parameters file", async () => {
    const { token, staking, hub } = await deployModule();
    assert.deepEqual(
      [await token.read.totalSupply(), await staking.read.minStake(), await staking.read.unbondingPeriodSeconds(),
        await hub.read.nodeFee(), await hub.read.challengeWindowSeconds(), await hub.read.committeeSize()],
      [big(params.initialSupply), big(params.minStake), big(params.unbondingPeriodSeconds),
        big(params.nodeFee), big(params.challengeWindowSeconds), big(params.committeeSize)],
    );
  });

  it("binds the example consumer to the hub and token and registers no model", async () => {
    const { token, registry, hub, exampleConsumer } = await deployModule();
    assert.deepEqual([getAddress(await exampleConsumer.read.hub()), getAddress(await exampleConsumer.read.feeToken())], [getAddress(hub.address), getAddress(token.address)]);
    const [owner] = await registry.read.terms([await exampleConsumer.read.modelId()]);
    assert.equal(owner, "0x0000000000000000000000000000000000000000");
  });
});
