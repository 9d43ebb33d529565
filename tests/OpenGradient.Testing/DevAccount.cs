namespace OpenGradient.Testing;

/// <summary>
/// One of the 20 public Hardhat development accounts (derived from the well-known mnemonic
/// "test test … junk"). Their keys are published; never use them on a real network.
/// </summary>
/// <param name="Index">Position 0–19 in Hardhat's list.</param>
/// <param name="Address">Lower-case 0x-prefixed address.</param>
/// <param name="PrivateKey">0x-prefixed 32-byte private key in hex.</param>
public sealed record DevAccount(int Index, string Address, string PrivateKey);
