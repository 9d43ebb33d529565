using NUnit.Framework;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Keystore;

namespace OpenGradient.Ethereum.Tests.Keystore;

public sealed class ScryptTests
{
    // RFC 7914 section 12 test vectors (the two small ones).
    [TestCase("", "", 16, 1, 1, "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906")]
    [TestCase("password", "NaCl", 1024, 8, 16, "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640")]
    public void Derive_Rfc7914Vector_MatchesPublishedOutput(string password, string salt, int n, int r, int p, string expected)
    {
        byte[] derived = Scrypt.Derive(System.Text.Encoding.UTF8.GetBytes(password), System.Text.Encoding.UTF8.GetBytes(salt), n, r, p, 64);

        Assert.That(Hex.Encode(derived, prefix: false), Is.EqualTo(expected));
    }

    [Test]
    public void Derive_RandomParameters_EqualsBouncyCastle()
    {
        var random = new Random(7914);
        for (int i = 0; i < 12; i++)
        {
            byte[] password = new byte[random.Next(0, 40)];
            byte[] salt = new byte[random.Next(0, 40)];
            random.NextBytes(password);
            random.NextBytes(salt);
            int n = 1 << random.Next(1, 9);
            int r = random.Next(1, 5);
            int p = random.Next(1, 4);
            int length = random.Next(1, 80);

            byte[] expected = Org.BouncyCastle.Crypto.Generators.SCrypt.Generate(password, salt, n, r, p, length);

            Assert.That(Scrypt.Derive(password, salt, n, r, p, length), Is.EqualTo(expected), $"n={n} r={r} p={p}");
        }
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(1000)]
    public void Derive_NNotAPowerOfTwo_ThrowsArgumentOutOfRange(int n)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Scrypt.Derive([], [], n, 1, 1, 32));
    }
}
