using Microsoft.Extensions.Logging.Abstractions;
using NUnit.Framework;
using OpenGradient.Ethereum.Keystore;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Oracle.Configuration;
using OpenGradient.Oracle.Keys;

namespace OpenGradient.Oracle.Tests.Keys;

public sealed class NodeKeyLoaderTests
{
    private const string DevKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    private static readonly KeystoreOptions FastKdf = KeystoreOptions.Light;

    [Test]
    public void Load_DevKeyOnLocalChain_ReturnsItMarkedAsDevKey()
    {
        NodeKey key = NodeKeyLoader.Load(new KeyOptions { DevPrivateKey = DevKey }, new ChainOptions { ChainId = 31337 }, NullLogger.Instance);

        Assert.That(key.Address.ToLowerHex(), Is.EqualTo("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"));
        Assert.That(key.Source, Is.EqualTo(NodeKeySource.DevPrivateKey));
    }

    [Test]
    public void Load_DevKeyOnAnotherChain_ThrowsKeyLoadException()
    {
        var error = Assert.Throws<KeyLoadException>(() => NodeKeyLoader.Load(new KeyOptions { DevPrivateKey = DevKey }, new ChainOptions { ChainId = 11155111 }, NullLogger.Instance));

        Assert.That(error!.Message, Does.Contain("Keys:DevPrivateKey").And.Contain("Keys:KeystorePath"));
    }

    [Test]
    public void Load_KeystoreWithPasswordFile_DecryptsTheKey()
    {
        EthKey original = EthKey.Parse(DevKey);
        string keystore = Path.GetTempFileName();
        string password = Path.GetTempFileName();
        File.WriteAllText(keystore, KeystoreV3.Encrypt(original, "s3cret", FastKdf));
        File.WriteAllText(password, "s3cret\n");

        NodeKey key = NodeKeyLoader.Load(new KeyOptions { KeystorePath = keystore, PasswordFile = password }, new ChainOptions { ChainId = 1 }, NullLogger.Instance);

        Assert.That(key.Address, Is.EqualTo(original.Address));
        Assert.That(key.Source, Is.EqualTo(NodeKeySource.Keystore));
    }

    [Test]
    public void Load_KeystoreWithPasswordFromEnvironment_DecryptsTheKey()
    {
        string variable = "OG_TEST_PW_" + Guid.NewGuid().ToString("N");
        string keystore = Path.GetTempFileName();
        File.WriteAllText(keystore, KeystoreV3.Encrypt(EthKey.Parse(DevKey), "from-env", FastKdf));
        Environment.SetEnvironmentVariable(variable, "from-env");
        try
        {
            NodeKey key = NodeKeyLoader.Load(new KeyOptions { KeystorePath = keystore, PasswordEnvironmentVariable = variable }, new ChainOptions { ChainId = 1 }, NullLogger.Instance);

            Assert.That(key.Address.ToLowerHex(), Is.EqualTo("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Test]
    public void Load_WrongPassword_ThrowsKeyLoadExceptionNamingThePasswordSettings()
    {
        string keystore = Path.GetTempFileName();
        string password = Path.GetTempFileName();
        File.WriteAllText(keystore, KeystoreV3.Encrypt(EthKey.Parse(DevKey), "right", FastKdf));
        File.WriteAllText(password, "wrong");

        var error = Assert.Throws<KeyLoadException>(() => NodeKeyLoader.Load(new KeyOptions { KeystorePath = keystore, PasswordFile = password }, new ChainOptions { ChainId = 1 }, NullLogger.Instance));

        Assert.That(error!.Message, Does.Contain("Keys:PasswordFile"));
    }
}
