import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { connect, OPG } from "./fixtures.js";

const ctx = await connect();

describe("OPGToken", () => {
  it("mints the whole fixed supply to the holder at deployment", async () => {
    const token = await ctx.viem.deployContract("OPGToken", [ctx.deployer, OPG(1000)]);
    assert.equal(await token.read.totalSupply(), OPG(1000));
    assert.equal(await token.read.balanceOf([ctx.deployer]), OPG(1000));
  });

  it("exposes name, symbol and 18 decimals", async () => {
    const token = await ctx.viem.deployContract("OPGToken", [ctx.deployer, OPG(1)]);
    assert.equal(await token.read.name(), "OpenGradient");
    assert.equal(await token.read.symbol(), "OPG");
    assert.equal(await token.read.decimals(), 18);
  });

  it("sets an allowance from an EIP-2612 permit signature", async () => {
    const token = await ctx.viem.deployContract("OPGToken", [ctx.deployer, OPG(1)]);
    const owner = ctx.wallets[3];
    const deadline = 2n ** 40n;
    const signature = await owner.signTypedData({
      domain: { name: "OpenGradient", version: "1", chainId: await ctx.publicClient.getChainId(), verifyingContract: token.address },
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
      message: { owner: owner.account.address, spender: ctx.relayer, value: 5n, nonce: 0n, deadline },
    });
    const r = signature.slice(0, 66);
    const s = `0x${signature.slice(66, 130)}`;
    const v = Number.parseInt(signature.slice(130, 132), 16);
    await token.write.permit([owner.account.address, ctx.relayer, 5n, deadline, v, r, s], { account: ctx.outsider });
    assert.equal(await token.read.allowance([owner.account.address, ctx.relayer]), 5n);
  });
});
