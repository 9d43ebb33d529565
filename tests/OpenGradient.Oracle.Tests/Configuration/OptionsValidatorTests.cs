using Microsoft.Extensions.Options;
using NUnit.Framework;
using OpenGradient.Oracle.Configuration;

namespace OpenGradient.Oracle.Tests.Configuration;

public sealed class OptionsValidatorTests
{
    private static ChainOptions ValidChain() => new()
    {
        RpcUrl = "http://127.0.0.1:8545/",
        ChainId = 31337,
        HubAddress = "0x5fbdb2315678afecb367f032d93f642f64180aa3",
        StakingAddress = "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512",
        RegistryAddress = "0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0",
    };

    [Test]
    public void Chain_ValidSettings_Succeed() =>
        Assert.That(new ChainOptionsValidator().Validate(null, ValidChain()).Succeeded, Is.True);

    [Test]
    public void Chain_BadRpcUrlAndMissingHub_NameBothSettings()
    {
        ChainOptions options = ValidChain();
        options.RpcUrl = "ws://nope";
        options.HubAddress = null;

        ValidateOptionsResult result = new ChainOptionsValidator().Validate(null, options);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("Chain:RpcUrl").And.Contain("Chain:HubAddress"));
    }

    [Test]
    public void Chain_HistoryNotDeeperThanConfirmations_Fails()
    {
        ChainOptions options = ValidChain();
        options.Confirmations = 10;
        options.ReorgHistoryBlocks = 10;

        Assert.That(new ChainOptionsValidator().Validate(null, options).FailureMessage, Does.Contain("Chain:ReorgHistoryBlocks"));
    }

    [Test]
    public void Keys_DevKeyOnAPublicChain_IsRefusedNamingTheSetting()
    {
        ChainOptions chain = ValidChain();
        chain.ChainId = 1;
        var keys = new KeyOptions { DevPrivateKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d" };

        ValidateOptionsResult result = new KeyOptionsValidator(Options.Create(chain)).Validate(null, keys);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("Keys:DevPrivateKey").And.Contain("31337"));
    }

    [Test]
    public void Keys_DevKeyOnTheLocalChain_Succeeds()
    {
        var keys = new KeyOptions { DevPrivateKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d" };

        Assert.That(new KeyOptionsValidator(Options.Create(ValidChain())).Validate(null, keys).Succeeded, Is.True);
    }

    [Test]
    public void Keys_NoKeyAtAll_Fails() =>
        Assert.That(new KeyOptionsValidator(Options.Create(ValidChain())).Validate(null, new KeyOptions()).FailureMessage, Does.Contain("Keys:KeystorePath"));

    [Test]
    public void Keys_KeystoreWithoutPassword_Fails()
    {
        string keystore = Path.GetTempFileName();
        var keys = new KeyOptions { KeystorePath = keystore, PasswordEnvironmentVariable = "OG_TEST_UNSET_" + Guid.NewGuid().ToString("N") };

        Assert.That(new KeyOptionsValidator(Options.Create(ValidChain())).Validate(null, keys).FailureMessage, Does.Contain("keystore password is missing"));
    }

    [TestCase(9)]
    [TestCase(1001)]
    public void Transactions_FeeBumpOutsideTheRange_Fails(int percent) =>
        Assert.That(
            new TransactionSenderOptionsValidator().Validate(null, new TransactionSenderOptions { FeeBumpPercent = percent }).FailureMessage,
            Does.Contain("Transactions:FeeBumpPercent"));

    [Test]
    public void Http_PortOutOfRange_Fails() =>
        Assert.That(new HttpOptionsValidator().Validate(null, new HttpOptions { Port = 70000 }).FailureMessage, Does.Contain("Http:Port"));

    [Test]
    public void Storage_MemoryDatabase_Fails() =>
        Assert.That(new StorageOptionsValidator().Validate(null, new StorageOptions { DatabasePath = ":memory:" }).FailureMessage, Does.Contain("Storage:DatabasePath"));

    [Test]
    public void DeploymentFile_FillsAddressesAndStartBlockButNotExplicitOnes()
    {
        string file = Path.GetTempFileName();
        File.WriteAllText(file, """
            {"chainId":31337,"contracts":{"OPGToken":"0x5fbdb2315678afecb367f032d93f642f64180aa3","ModelRegistry":"0xe7f1725e7734ce288f8367e1bb143e90bb3f0512","NodeStaking":"0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0","InferenceHub":"0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9"},"deployBlock":4}
            """);
        var options = new ChainOptions { DeploymentFile = file, RegistryAddress = "0x0000000000000000000000000000000000000001" };

        new DeploymentFileReader().PostConfigure(null, options);

        Assert.That(options.ChainId, Is.EqualTo(31337UL));
        Assert.That(options.HubAddress, Is.EqualTo("0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9"));
        Assert.That(options.RegistryAddress, Is.EqualTo("0x0000000000000000000000000000000000000001"));
        Assert.That(options.StartBlock, Is.EqualTo(4UL));
    }
}
