using System.Text.Json.Nodes;
using NUnit.Framework;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Transactions;
using OpenGradient.Ethereum.Tests.Differential;

namespace OpenGradient.Ethereum.Tests.Transactions;

/// <summary>
/// ethereum/tests TransactionTests (Cancun results, copied into Vectors/Transactions/). Valid vectors
/// must decode to the published hash and sender. Invalid vectors whose reason is a decoding matter
/// (RLP, field sizes, signature values, type, chain id for mainnet) must be rejected. Vectors whose
/// reason is a state or gas rule (intrinsic gas, init-code size, nonce 2^64 − 1, fee relations, gas
/// products) are out of a decoder's scope and only must not crash.
/// </summary>
public sealed class TransactionVectorTests
{
    private static readonly string[] DecoderLevelExceptions =
    [
        "RLP_", "INVALID_SIGNATURE_VRS", "TYPE_NOT_SUPPORTED", "ADDRESS_TOO_", "EC_RECOVERY_FAIL", "INVALID_CHAINID",
        "VALUE_OVERFLOW", "GASPRICE_OVERFLOW", "PRIORITY_OVERFLOW", "GASLIMIT_OVERFLOW", "NONCE_OVERFLOW",
    ];

    public static IEnumerable<TestCaseData> Vectors()
    {
        JsonObject doc = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Vector(Path.Combine("Transactions", "ethereum-tests-transactions.json"))))!.AsObject();
        foreach (JsonNode? test in doc["tests"]!.AsArray())
        {
            string name = (string)test!["name"]!;
            yield return new TestCaseData((string)test["txbytes"]!, (string?)test["hash"], (string?)test["sender"], (string?)test["exception"])
                .SetName($"EthereumTests_{name.Replace('/', '_')}");
        }
    }

    [TestCaseSource(nameof(Vectors))]
    public void Decode_EthereumTestsVector_MatchesPublishedOutcome(string txBytes, string? hash, string? sender, string? exception)
    {
        byte[] raw = Hex.TryDecode(txBytes, out byte[] bytes) ? bytes : [];
        if (exception is null)
        {
            SignedTransaction tx = SignedTransaction.Decode(raw, expectedChainId: IsPreEip155(raw) ? null : 1UL);

            Assert.That(Hex.Encode(tx.GetHash()), Is.EqualTo(hash));
            Assert.That(tx.RecoverSender().ToLowerHex(), Is.EqualTo(sender));
            Assert.That(Hex.Encode(tx.Encode()), Is.EqualTo(Hex.Encode(raw)), "re-encoding must give the same bytes");
            return;
        }

        bool decoderLevel = DecoderLevelExceptions.Any(exception.Contains);
        EthereumException? caught = null;
        try
        {
            SignedTransaction.Decode(raw, expectedChainId: 1).RecoverSender();
        }
        catch (EthereumException ex)
        {
            caught = ex;
        }

        // A state or gas rule may pass or fail here; anything but an EthereumException has already failed the test.
        if (decoderLevel)
        {
            Assert.That(caught, Is.Not.Null, $"expected rejection: {exception}");
        }
    }

    private static bool IsPreEip155(byte[] raw)
    {
        if (raw.Length == 0 || raw[0] < 0xC0)
        {
            return false;
        }

        var items = Rlp.Decode(raw).Items;
        ulong v = items[6].ToUInt64();
        return v is 27 or 28;
    }
}
