using System.Text.Json;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Signing;

namespace OpenGradient.Ethereum.Keystore;

/// <summary>The fields of a v3 keystore, read strictly from JSON or written in geth's layout.</summary>
internal sealed class KeystoreFile
{
    // A hostile file must not make us allocate without bound: 128·n·r bytes is scrypt's memory.
    private const long MaxScryptMemoryBytes = 1L << 30;
    private const int MaxPbkdf2Iterations = 10_000_000;

    private KeystoreFile()
    {
    }

    internal KeystoreKdf Kdf { get; private init; }

    internal byte[] Salt { get; private init; } = [];

    internal int ScryptN { get; private init; }

    internal int ScryptR { get; private init; }

    internal int ScryptP { get; private init; }

    internal int Pbkdf2Iterations { get; private init; }

    internal int DerivedKeyLength { get; private init; }

    internal byte[] Iv { get; private init; } = [];

    internal byte[] Ciphertext { get; private init; } = [];

    internal byte[] Mac { get; private init; } = [];

    internal byte[]? Address { get; private init; }

    internal static KeystoreFile Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new KeystoreFormatException($"The keystore is not valid JSON ({ex.Message}); check that the whole file was copied.", ex);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new KeystoreFormatException("The keystore JSON must be an object with 'version', 'crypto' and 'id' fields.");
            }

            int version = GetInt(root, "version", "version");
            if (version != 3)
            {
                throw new KeystoreFormatException($"Field 'version' is {version}; only version 3 keystores are supported. Re-export the key as a v3 keystore.");
            }

            // MyEtherWallet wrote "Crypto"; everyone else writes "crypto".
            if (!root.TryGetProperty("crypto", out JsonElement crypto) && !root.TryGetProperty("Crypto", out crypto))
            {
                throw Missing("crypto");
            }

            RequireObject(crypto, "crypto");
            string cipher = GetString(crypto, "cipher", "crypto.cipher");
            if (cipher != "aes-128-ctr")
            {
                throw new KeystoreFormatException($"Field 'crypto.cipher' is '{cipher}'; only 'aes-128-ctr' is supported.");
            }

            JsonElement cipherParams = GetObject(crypto, "cipherparams", "crypto.cipherparams");
            byte[] iv = GetHex(cipherParams, "iv", "crypto.cipherparams.iv", 16);
            byte[] ciphertext = GetHex(crypto, "ciphertext", "crypto.ciphertext", null);
            byte[] mac = GetHex(crypto, "mac", "crypto.mac", 32);
            string kdf = GetString(crypto, "kdf", "crypto.kdf");
            JsonElement kdfParams = GetObject(crypto, "kdfparams", "crypto.kdfparams");
            byte[] salt = GetHex(kdfParams, "salt", "crypto.kdfparams.salt", null);
            int dkLen = GetInt(kdfParams, "dklen", "crypto.kdfparams.dklen");
            if (dkLen is < 32 or > 64)
            {
                throw new KeystoreFormatException($"Field 'crypto.kdfparams.dklen' is {dkLen}; it must be 32 (the AES key and the MAC key are 16 bytes each).");
            }

            byte[]? address = null;
            if (root.TryGetProperty("address", out JsonElement addressElement) && addressElement.ValueKind != JsonValueKind.Null)
            {
                address = GetHex(root, "address", "address", 20);
            }

            return kdf switch
            {
                "scrypt" => ParseScrypt(kdfParams, salt, dkLen, iv, ciphertext, mac, address),
                "pbkdf2" => ParsePbkdf2(kdfParams, salt, dkLen, iv, ciphertext, mac, address),
                _ => throw new KeystoreFormatException($"Field 'crypto.kdf' is '{kdf}'; only 'scrypt' and 'pbkdf2' are supported."),
            };
        }
    }

    internal static string Write(EthKey key, KeystoreOptions options, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> uuid, byte[] ciphertext, byte[] mac)
    {
        Validate(options);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("address", Hex.Encode(key.Address.Span, prefix: false));
            writer.WriteStartObject("crypto");
            writer.WriteString("cipher", "aes-128-ctr");
            writer.WriteString("ciphertext", Hex.Encode(ciphertext, prefix: false));
            writer.WriteStartObject("cipherparams");
            writer.WriteString("iv", Hex.Encode(iv, prefix: false));
            writer.WriteEndObject();
            if (options.Kdf == KeystoreKdf.Scrypt)
            {
                writer.WriteString("kdf", "scrypt");
                writer.WriteStartObject("kdfparams");
                writer.WriteNumber("dklen", 32);
                writer.WriteNumber("n", options.ScryptN);
                writer.WriteNumber("p", options.ScryptP);
                writer.WriteNumber("r", options.ScryptR);
            }
            else
            {
                writer.WriteString("kdf", "pbkdf2");
                writer.WriteStartObject("kdfparams");
                writer.WriteNumber("c", options.Pbkdf2Iterations);
                writer.WriteNumber("dklen", 32);
                writer.WriteString("prf", "hmac-sha256");
            }

            writer.WriteString("salt", Hex.Encode(salt, prefix: false));
            writer.WriteEndObject();
            writer.WriteString("mac", Hex.Encode(mac, prefix: false));
            writer.WriteEndObject();
            writer.WriteString("id", FormatUuid(uuid));
            writer.WriteNumber("version", 3);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static void Validate(KeystoreOptions options)
    {
        if (options.Kdf == KeystoreKdf.Scrypt)
        {
            CheckScrypt(options.ScryptN, options.ScryptR, options.ScryptP, "KeystoreOptions.Scrypt");
        }
        else if (options.Pbkdf2Iterations is < 1 or > MaxPbkdf2Iterations)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Pbkdf2Iterations, $"Pbkdf2Iterations must be between 1 and {MaxPbkdf2Iterations}.");
        }
    }

    private static KeystoreFile ParseScrypt(JsonElement kdfParams, byte[] salt, int dkLen, byte[] iv, byte[] ciphertext, byte[] mac, byte[]? address)
    {
        int n = GetInt(kdfParams, "n", "crypto.kdfparams.n");
        int r = GetInt(kdfParams, "r", "crypto.kdfparams.r");
        int p = GetInt(kdfParams, "p", "crypto.kdfparams.p");
        try
        {
            CheckScrypt(n, r, p, "crypto.kdfparams");
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new KeystoreFormatException(ex.Message, ex);
        }

        return new KeystoreFile
        {
            Kdf = KeystoreKdf.Scrypt, Salt = salt, ScryptN = n, ScryptR = r, ScryptP = p, DerivedKeyLength = dkLen,
            Iv = iv, Ciphertext = ciphertext, Mac = mac, Address = address,
        };
    }

    private static KeystoreFile ParsePbkdf2(JsonElement kdfParams, byte[] salt, int dkLen, byte[] iv, byte[] ciphertext, byte[] mac, byte[]? address)
    {
        string prf = GetString(kdfParams, "prf", "crypto.kdfparams.prf");
        if (prf != "hmac-sha256")
        {
            throw new KeystoreFormatException($"Field 'crypto.kdfparams.prf' is '{prf}'; only 'hmac-sha256' is supported.");
        }

        int c = GetInt(kdfParams, "c", "crypto.kdfparams.c");
        if (c is < 1 or > MaxPbkdf2Iterations)
        {
            throw new KeystoreFormatException($"Field 'crypto.kdfparams.c' is {c}; the iteration count must be between 1 and {MaxPbkdf2Iterations}.");
        }

        return new KeystoreFile
        {
            Kdf = KeystoreKdf.Pbkdf2, Salt = salt, Pbkdf2Iterations = c, DerivedKeyLength = dkLen,
            Iv = iv, Ciphertext = ciphertext, Mac = mac, Address = address,
        };
    }

    private static void CheckScrypt(int n, int r, int p, string field)
    {
        if (n < 2 || (n & (n - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(field, n, $"Field '{field}.n' is {n}; scrypt's n must be a power of two greater than 1.");
        }

        if (r < 1 || p < 1 || p > 64)
        {
            throw new ArgumentOutOfRangeException(field, r, $"Fields '{field}.r' ({r}) and '{field}.p' ({p}) must be at least 1, and p at most 64.");
        }

        if (128L * n * r > MaxScryptMemoryBytes)
        {
            throw new ArgumentOutOfRangeException(field, n, $"Fields '{field}.n' ({n}) and '{field}.r' ({r}) ask scrypt for {128L * n * r >> 20} MiB; the limit is {MaxScryptMemoryBytes >> 20} MiB.");
        }
    }

    private static KeystoreFormatException Missing(string field) =>
        new($"Field '{field}' is missing; the file is not a complete v3 keystore.");

    private static void RequireObject(JsonElement element, string field)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new KeystoreFormatException($"Field '{field}' must be a JSON object but is {element.ValueKind}.");
        }
    }

    private static JsonElement GetObject(JsonElement parent, string name, string field)
    {
        if (!parent.TryGetProperty(name, out JsonElement value))
        {
            throw Missing(field);
        }

        RequireObject(value, field);
        return value;
    }

    private static string GetString(JsonElement parent, string name, string field)
    {
        if (!parent.TryGetProperty(name, out JsonElement value))
        {
            throw Missing(field);
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new KeystoreFormatException($"Field '{field}' must be a string but is {value.ValueKind}.");
        }

        return value.GetString()!;
    }

    private static int GetInt(JsonElement parent, string name, string field)
    {
        if (!parent.TryGetProperty(name, out JsonElement value))
        {
            throw Missing(field);
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int result))
        {
            throw new KeystoreFormatException($"Field '{field}' must be a whole number that fits in 32 bits but is {value.GetRawText()}.");
        }

        return result;
    }

    private static byte[] GetHex(JsonElement parent, string name, string field, int? length)
    {
        string text = GetString(parent, name, field);
        if (!Hex.TryDecode(text, out byte[] bytes) || bytes.Length == 0)
        {
            throw new KeystoreFormatException($"Field '{field}' is not hex (or is empty); expected hex digits, as geth writes them.");
        }

        if (length is { } expected && bytes.Length != expected)
        {
            throw new KeystoreFormatException($"Field '{field}' has {bytes.Length} bytes where {expected} are expected.");
        }

        return bytes;
    }

    private static string FormatUuid(ReadOnlySpan<byte> random)
    {
        // RFC 4122 version 4: set the version nibble and the variant bits.
        Span<byte> b = stackalloc byte[16];
        random.CopyTo(b);
        b[6] = (byte)((b[6] & 0x0F) | 0x40);
        b[8] = (byte)((b[8] & 0x3F) | 0x80);
        string hex = Hex.Encode(b, prefix: false);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
