using System.Text.Json.Nodes;
using NUnit.Framework;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Keystore;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Ethereum.Tests.Differential;

namespace OpenGradient.Ethereum.Tests.Keystore;

/// <summary>Keystores against ethers v6, both ways: ours decrypted by ethers, ethers' decrypted by ours.</summary>
[Category("Differential")]
public sealed class KeystoreV3DifferentialTests
{
    private const int Cases = 6;

    [Test]
    public void Keystore_RandomKeysAndPasswords_InteroperateWithEthersBothWays()
    {
        var random = new Random(4242);
        var keys = new List<EthKey>();
        var passwords = new List<string>();
        var decrypt = new JsonArray();
        var encrypt = new JsonArray();
        for (int i = 0; i < Cases; i++)
        {
            byte[] privateKey = new byte[32];
            random.NextBytes(privateKey);
            privateKey[0] &= 0x7F;
            EthKey key = EthKey.FromPrivateKey(privateKey);
            string password = $"pw-{random.Next()}-{(i % 2 == 0 ? "ascii" : "ünïcode✓")}";
            keys.Add(key);
            passwords.Add(password);
            KeystoreOptions options = i % 3 == 2
                ? new KeystoreOptions { Kdf = KeystoreKdf.Pbkdf2, Pbkdf2Iterations = 2048 }
                : new KeystoreOptions { ScryptN = 1024 };
            decrypt.Add(new JsonObject { ["json"] = KeystoreV3.Encrypt(key, password, options), ["password"] = password });
            encrypt.Add(new JsonObject { ["privateKey"] = Hex.Encode(privateKey), ["password"] = password, ["n"] = 1024 });
        }

        JsonObject result = NodeScript.Run("keystore.mjs", new JsonObject { ["decrypt"] = decrypt, ["encrypt"] = encrypt }).AsObject();

        for (int i = 0; i < Cases; i++)
        {
            Assert.That((string?)result["decrypted"]![i], Is.EqualTo(Hex.Encode(keys[i].ExportPrivateKey())), $"ethers decrypting ours, case {i}");
            string ethersJson = (string)result["encrypted"]![i]!;
            Assert.That(KeystoreV3.DecryptKey(ethersJson, passwords[i]).Address, Is.EqualTo(keys[i].Address), $"ours decrypting ethers', case {i}");
            Assert.Throws<KeystoreWrongPasswordException>(() => KeystoreV3.Decrypt(ethersJson, passwords[i] + "x"));
        }
    }
}
