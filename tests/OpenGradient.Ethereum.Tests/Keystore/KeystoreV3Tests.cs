using System.Text.Json.Nodes;
using NUnit.Framework;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Keystore;
using OpenGradient.Ethereum.Signing;

namespace OpenGradient.Ethereum.Tests.Keystore;

public sealed class KeystoreV3Tests
{
    private const string Password = "correct horse battery staple";
    private static readonly EthKey Key = EthKey.Parse("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    private static readonly KeystoreOptions FastPbkdf2 = new() { Kdf = KeystoreKdf.Pbkdf2, Pbkdf2Iterations = 1024 };

    // One light keystore shared by the bad-input tests, which each corrupt a copy of it.
    private static readonly Lazy<string> LightKeystore = new(() => KeystoreV3.Encrypt(Key, Password, KeystoreOptions.Light));

    [Test]
    public void Encrypt_LightScrypt_DecryptsToSameKey()
    {
        string json = LightKeystore.Value;

        Assert.That(KeystoreV3.DecryptKey(json, Password).Address, Is.EqualTo(Key.Address));
    }

    [Test]
    public void Encrypt_Pbkdf2_DecryptsToSameKey()
    {
        string json = KeystoreV3.Encrypt(Key, Password, FastPbkdf2);

        Assert.That(KeystoreV3.Decrypt(json, Password), Is.EqualTo(Key.ExportPrivateKey()));
        Assert.That((string?)JsonNode.Parse(json)!["crypto"]!["kdfparams"]!["prf"], Is.EqualTo("hmac-sha256"));
    }

    [Test]
    public void Encrypt_DefaultOptions_WritesSecureScryptParametersAndV3Layout()
    {
        string json = KeystoreV3.Encrypt(Key, Password);

        JsonNode node = JsonNode.Parse(json)!;
        JsonNode kdfParams = node["crypto"]!["kdfparams"]!;
        Assert.That((int)kdfParams["n"]!, Is.EqualTo(262144));
        Assert.That((int)kdfParams["r"]!, Is.EqualTo(8));
        Assert.That((int)kdfParams["p"]!, Is.EqualTo(1));
        Assert.That((string?)node["crypto"]!["kdf"], Is.EqualTo("scrypt"));
        Assert.That((int)node["version"]!, Is.EqualTo(3));
        Assert.That((string?)node["address"], Is.EqualTo("f39fd6e51aad88f6f4ce6ab8827279cfffb92266"));
        Assert.That((string?)node["id"], Does.Match("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        Assert.That(KeystoreV3.DecryptKey(json, Password).Address, Is.EqualTo(Key.Address));
    }

    [Test]
    public void Encrypt_TwoCalls_UseFreshSaltIvAndId()
    {
        JsonNode a = JsonNode.Parse(KeystoreV3.Encrypt(Key, Password, FastPbkdf2))!;
        JsonNode b = JsonNode.Parse(KeystoreV3.Encrypt(Key, Password, FastPbkdf2))!;

        Assert.That((string?)b["crypto"]!["kdfparams"]!["salt"], Is.Not.EqualTo((string?)a["crypto"]!["kdfparams"]!["salt"]));
        Assert.That((string?)b["crypto"]!["cipherparams"]!["iv"], Is.Not.EqualTo((string?)a["crypto"]!["cipherparams"]!["iv"]));
        Assert.That((string?)b["id"], Is.Not.EqualTo((string?)a["id"]));
    }

    [Test]
    public void Encrypt_NonAsciiPassword_RoundTrips()
    {
        string json = KeystoreV3.Encrypt(Key, "pässwörd ✓", FastPbkdf2);

        Assert.That(KeystoreV3.DecryptKey(json, "pässwörd ✓").Address, Is.EqualTo(Key.Address));
    }

    [Test]
    public void Decrypt_WrongPassword_ThrowsKeystoreWrongPasswordException()
    {
        var ex = Assert.Throws<KeystoreWrongPasswordException>(() => KeystoreV3.Decrypt(LightKeystore.Value, "wrong"));

        Assert.That(ex!.Message, Does.Contain("the password is wrong, or the file was changed"));
    }

    [Test]
    public void Decrypt_ChangedCiphertext_ThrowsKeystoreWrongPasswordException()
    {
        string json = Edit(LightKeystore.Value, n =>
        {
            string c = (string)n["crypto"]!["ciphertext"]!;
            n["crypto"]!["ciphertext"] = (c[0] == '0' ? "1" : "0") + c[1..];
        });

        Assert.Throws<KeystoreWrongPasswordException>(() => KeystoreV3.Decrypt(json, Password));
    }

    [Test]
    public void Decrypt_AddressOfAnotherKey_ThrowsKeystoreFormatException()
    {
        string json = Edit(LightKeystore.Value, n => n["address"] = "70997970c51812dc3a010c7d01b50e0d17dc79c8");

        var ex = Assert.Throws<KeystoreFormatException>(() => KeystoreV3.Decrypt(json, Password));

        Assert.That(ex!.Message, Does.StartWith("Field 'address'"));
    }

    [Test]
    public void Decrypt_CapitalisedCryptoField_IsAccepted()
    {
        string json = Edit(LightKeystore.Value, n =>
        {
            JsonNode crypto = n["crypto"]!;
            n.AsObject().Remove("crypto");
            n["Crypto"] = crypto;
        });

        Assert.That(KeystoreV3.DecryptKey(json, Password).Address, Is.EqualTo(Key.Address));
    }

    [TestCase("crypto", "Field 'crypto' is missing")]
    [TestCase("crypto.cipherparams", "Field 'crypto.cipherparams' is missing")]
    [TestCase("crypto.cipherparams.iv", "Field 'crypto.cipherparams.iv' is missing")]
    [TestCase("crypto.ciphertext", "Field 'crypto.ciphertext' is missing")]
    [TestCase("crypto.mac", "Field 'crypto.mac' is missing")]
    [TestCase("crypto.kdf", "Field 'crypto.kdf' is missing")]
    [TestCase("crypto.kdfparams.salt", "Field 'crypto.kdfparams.salt' is missing")]
    [TestCase("crypto.kdfparams.n", "Field 'crypto.kdfparams.n' is missing")]
    [TestCase("version", "Field 'version' is missing")]
    public void Decrypt_MissingField_ThrowsKeystoreFormatExceptionNamingIt(string path, string message)
    {
        string json = Edit(LightKeystore.Value, n =>
        {
            string[] parts = path.Split('.');
            JsonNode parent = n;
            foreach (string part in parts[..^1])
            {
                parent = parent[part]!;
            }

            parent.AsObject().Remove(parts[^1]);
        });

        var ex = Assert.Throws<KeystoreFormatException>(() => KeystoreV3.Decrypt(json, Password));

        Assert.That(ex!.Message, Does.StartWith(message));
    }

    [TestCase("crypto.kdf", "argon2", "Field 'crypto.kdf' is 'argon2'")]
    [TestCase("crypto.cipher", "aes-128-cbc", "Field 'crypto.cipher' is 'aes-128-cbc'")]
    [TestCase("crypto.cipherparams.iv", "not hex", "Field 'crypto.cipherparams.iv' is not hex")]
    [TestCase("crypto.cipherparams.iv", "00112233", "Field 'crypto.cipherparams.iv' has 4 bytes where 16")]
    [TestCase("crypto.mac", "0011", "Field 'crypto.mac' has 2 bytes where 32")]
    [TestCase("crypto.kdfparams.salt", "", "Field 'crypto.kdfparams.salt' is not hex")]
    [TestCase("address", "0x1234", "Field 'address' has 2 bytes where 20")]
    public void Decrypt_BadStringField_ThrowsKeystoreFormatExceptionNamingIt(string path, string value, string message)
    {
        string json = Edit(LightKeystore.Value, n => Set(n, path, JsonValue.Create(value)));

        var ex = Assert.Throws<KeystoreFormatException>(() => KeystoreV3.Decrypt(json, Password));

        Assert.That(ex!.Message, Does.StartWith(message));
    }

    [TestCase("version", 1, "Field 'version' is 1")]
    [TestCase("crypto.kdfparams.n", 1000, "Field 'crypto.kdfparams.n' is 1000")]
    [TestCase("crypto.kdfparams.n", 1 << 30, "Fields 'crypto.kdfparams.n'")]
    [TestCase("crypto.kdfparams.r", 0, "Fields 'crypto.kdfparams.r' (0)")]
    [TestCase("crypto.kdfparams.dklen", 16, "Field 'crypto.kdfparams.dklen' is 16")]
    public void Decrypt_BadNumberField_ThrowsKeystoreFormatExceptionNamingIt(string path, int value, string message)
    {
        string json = Edit(LightKeystore.Value, n => Set(n, path, JsonValue.Create(value)));

        var ex = Assert.Throws<KeystoreFormatException>(() => KeystoreV3.Decrypt(json, Password));

        Assert.That(ex!.Message, Does.StartWith(message));
    }

    [Test]
    public void Decrypt_NumberAsString_ThrowsKeystoreFormatException()
    {
        string json = Edit(LightKeystore.Value, n => Set(n, "crypto.kdfparams.n", JsonValue.Create("4096")));

        var ex = Assert.Throws<KeystoreFormatException>(() => KeystoreV3.Decrypt(json, Password));

        Assert.That(ex!.Message, Does.StartWith("Field 'crypto.kdfparams.n' must be a whole number"));
    }

    [Test]
    public void Decrypt_UnsupportedPrf_ThrowsKeystoreFormatException()
    {
        string json = Edit(KeystoreV3.Encrypt(Key, Password, FastPbkdf2), n => Set(n, "crypto.kdfparams.prf", JsonValue.Create("hmac-sha512")));

        var ex = Assert.Throws<KeystoreFormatException>(() => KeystoreV3.Decrypt(json, Password));

        Assert.That(ex!.Message, Does.StartWith("Field 'crypto.kdfparams.prf' is 'hmac-sha512'"));
    }

    [TestCase("")]
    [TestCase("{\"crypto\": ")]
    [TestCase("[]")]
    public void Decrypt_NotAKeystoreObject_ThrowsKeystoreFormatException(string json)
    {
        Assert.Throws<KeystoreFormatException>(() => KeystoreV3.Decrypt(json, Password));
    }

    [Test]
    public void Decrypt_ValidFileOfWrongKeyLength_ThrowsKeystoreFormatException()
    {
        // A well-formed keystore whose plaintext is 16 bytes: MAC matches, but it is no secp256k1 key.
        JsonNode node = JsonNode.Parse(KeystoreV3.Encrypt(Key, Password, FastPbkdf2))!;
        byte[] salt = Hex.Decode((string)node["crypto"]!["kdfparams"]!["salt"]!);
        byte[] iv = Hex.Decode((string)node["crypto"]!["cipherparams"]!["iv"]!);
        byte[] derived = KeystoreCrypto.Pbkdf2(System.Text.Encoding.UTF8.GetBytes(Password), salt, 1024, 32);
        byte[] ciphertext = KeystoreCrypto.AesCtr(derived.AsSpan(0, 16), iv, new byte[16]);
        node["crypto"]!["ciphertext"] = Hex.Encode(ciphertext, prefix: false);
        node["crypto"]!["mac"] = Hex.Encode(KeystoreCrypto.Mac(derived, ciphertext), prefix: false);

        var ex = Assert.Throws<KeystoreFormatException>(() => KeystoreV3.Decrypt(node.ToJsonString(), Password));

        Assert.That(ex!.Message, Does.StartWith("Field 'crypto.ciphertext' decrypts to 16 bytes"));
    }

    private static string Edit(string json, Action<JsonNode> edit)
    {
        JsonNode node = JsonNode.Parse(json)!;
        edit(node);
        return node.ToJsonString();
    }

    private static void Set(JsonNode root, string path, JsonNode value)
    {
        string[] parts = path.Split('.');
        JsonNode parent = root;
        foreach (string part in parts[..^1])
        {
            parent = parent[part]!;
        }

        parent[parts[^1]] = value;
    }
}
