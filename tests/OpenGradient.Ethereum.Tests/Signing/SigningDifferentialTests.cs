using System.Text.Json.Nodes;
using NUnit.Framework;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Messages;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Ethereum.Tests.Differential;
using OpenGradient.Ethereum.Tests.Transactions;

namespace OpenGradient.Ethereum.Tests.Signing;

/// <summary>
/// Signing against viem (noble-secp256k1): the same key and hash must give byte-identical
/// signatures (both follow RFC 6979 with low s), the same address, and the same recovery; EIP-191
/// messages (text and raw bytes) must hash, sign and recover identically.
/// </summary>
[Category("Differential")]
public sealed class SigningDifferentialTests
{
    private const int HashCases = 1000;
    private const int MessageCases = 300;

    [Test]
    public void Signing_ThousandsOfRandomKeysAndHashes_EqualViem()
    {
        var random = new Random(6979);
        var keys = new List<EthKey>();
        var hashes = new List<byte[]>();
        var hashInput = new JsonArray();
        for (int i = 0; i < HashCases; i++)
        {
            EthKey key = RandomTransactions.Key(random);
            byte[] hash = new byte[32];
            random.NextBytes(hash);
            if (i % 50 == 0)
            {
                // Edge hashes: zero and all-ones (≥ n, so e is reduced inside the signature equation).
                Array.Fill(hash, (byte)(i % 100 == 0 ? 0x00 : 0xFF));
            }

            keys.Add(key);
            hashes.Add(hash);
            hashInput.Add(new JsonObject { ["privateKey"] = Hex.Encode(key.ExportPrivateKey()), ["hash"] = Hex.Encode(hash) });
        }

        var messages = new List<(EthKey Key, string? Text, byte[]? Raw)>();
        var messageInput = new JsonArray();
        for (int i = 0; i < MessageCases; i++)
        {
            EthKey key = RandomTransactions.Key(random);
            var message = new JsonObject();
            if (i % 2 == 0)
            {
                string text = new string('x', random.Next(0, 3)) + "héllo ✓ " + random.Next() + new string('y', random.Next(0, 200));
                messages.Add((key, text, null));
                message["text"] = text;
            }
            else
            {
                byte[] raw = new byte[random.Next(0, 300)];
                random.NextBytes(raw);
                messages.Add((key, null, raw));
                message["raw"] = Hex.Encode(raw);
            }

            messageInput.Add(new JsonObject { ["privateKey"] = Hex.Encode(key.ExportPrivateKey()), ["message"] = message });
        }

        JsonObject result = NodeScript.Run("signing.mjs", new JsonObject { ["hashes"] = hashInput, ["messages"] = messageInput }).AsObject();

        JsonArray hashResults = result["hashes"]!.AsArray();
        for (int i = 0; i < HashCases; i++)
        {
            EthSignature signature = keys[i].Sign(hashes[i]);
            JsonNode expected = hashResults[i]!;
            Assert.That(signature.ToString(), Is.EqualTo((string?)expected["signature"]), $"hash case {i}");
            Assert.That(Hex.Encode(signature.ToCompactBytes()), Is.EqualTo((string?)expected["compact"]), $"hash case {i}");
            Assert.That(keys[i].Address.ToString(), Is.EqualTo((string?)expected["address"]), $"hash case {i}");
            Assert.That(signature.RecoverAddress(hashes[i]).ToString(), Is.EqualTo((string?)expected["recovered"]), $"hash case {i}");
        }

        JsonArray messageResults = result["messages"]!.AsArray();
        for (int i = 0; i < MessageCases; i++)
        {
            var (key, text, raw) = messages[i];
            JsonNode expected = messageResults[i]!;
            byte[] hash = text is not null ? PersonalMessage.Hash(text) : PersonalMessage.Hash(raw!);
            EthSignature signature = text is not null ? PersonalMessage.Sign(key, text) : PersonalMessage.Sign(key, raw!);
            Assert.That(Hex.Encode(hash), Is.EqualTo((string?)expected["hash"]), $"message case {i}");
            Assert.That(signature.ToString(), Is.EqualTo((string?)expected["signature"]), $"message case {i}");
            Assert.That((string?)expected["recovered"], Is.EqualTo(key.Address.ToString()), $"message case {i}");
        }
    }
}
