using Microsoft.Extensions.Logging;
using OpenGradient.Ethereum;
using OpenGradient.Ethereum.Keystore;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Oracle.Configuration;

namespace OpenGradient.Oracle.Keys;

/// <summary>
/// Loads the node's key from a keystore v3 file (password from a file or an environment variable) or, on the local chain
/// only, from a raw dev key, which it announces with a warning.
/// </summary>
internal static partial class NodeKeyLoader
{
    public static NodeKey Load(KeyOptions keys, ChainOptions chain, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(chain);
        if (!string.IsNullOrWhiteSpace(keys.DevPrivateKey))
        {
            if (chain.ChainId != ChainOptions.LocalChainId)
            {
                throw new KeyLoadException(
                    $"Keys:DevPrivateKey is only accepted on chain id {ChainOptions.LocalChainId} but Chain:ChainId is {chain.ChainId}; use Keys:KeystorePath with an encrypted keystore.");
            }

            EthKey devKey;
            try
            {
                devKey = EthKey.Parse(keys.DevPrivateKey);
            }
            catch (EthereumException e)
            {
                throw new KeyLoadException($"Keys:DevPrivateKey is not a valid 32-byte hex private key ({e.Message}); fix the value.", e);
            }

            LogDevKey(logger, devKey.Address, chain.ChainId);
            return new NodeKey(devKey, NodeKeySource.DevPrivateKey);
        }

        if (string.IsNullOrWhiteSpace(keys.KeystorePath))
        {
            throw new KeyLoadException("No signing key: set Keys:KeystorePath (with a password) or, on a local chain, Keys:DevPrivateKey.");
        }

        string password = ReadPassword(keys);
        string json;
        try
        {
            json = File.ReadAllText(keys.KeystorePath);
        }
        catch (IOException e)
        {
            throw new KeyLoadException($"Keys:KeystorePath '{keys.KeystorePath}' cannot be read ({e.Message}); check the path and its permissions.", e);
        }

        try
        {
            EthKey key = KeystoreV3.DecryptKey(json, password);
            LogKeystoreKey(logger, key.Address, keys.KeystorePath);
            return new NodeKey(key, NodeKeySource.Keystore);
        }
        catch (KeystoreWrongPasswordException e)
        {
            throw new KeyLoadException(
                $"The password does not open Keys:KeystorePath '{keys.KeystorePath}'; check Keys:PasswordFile or the environment variable {keys.PasswordEnvironmentVariable}.", e);
        }
        catch (KeystoreException e)
        {
            throw new KeyLoadException($"Keys:KeystorePath '{keys.KeystorePath}' is not a usable keystore v3 file ({e.Message}).", e);
        }
    }

    private static string ReadPassword(KeyOptions keys)
    {
        if (!string.IsNullOrWhiteSpace(keys.PasswordFile))
        {
            try
            {
                // A trailing newline from `echo pw > file` is not part of the password.
                return File.ReadAllText(keys.PasswordFile).TrimEnd('\r', '\n');
            }
            catch (IOException e)
            {
                throw new KeyLoadException($"Keys:PasswordFile '{keys.PasswordFile}' cannot be read ({e.Message}); check the path and its permissions.", e);
            }
        }

        return Environment.GetEnvironmentVariable(keys.PasswordEnvironmentVariable)
            ?? throw new KeyLoadException(
                $"The keystore password is missing: set the environment variable {keys.PasswordEnvironmentVariable} (Keys:PasswordEnvironmentVariable) or Keys:PasswordFile.");
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Using the RAW DEVELOPMENT KEY of {Address} from Keys:DevPrivateKey: accepted only because Chain:ChainId is the local chain {ChainId}. Never use this on a real network.")]
    private static partial void LogDevKey(ILogger logger, OpenGradient.Ethereum.Primitives.Address address, ulong chainId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Loaded the node key {Address} from keystore {KeystorePath}")]
    private static partial void LogKeystoreKey(ILogger logger, OpenGradient.Ethereum.Primitives.Address address, string keystorePath);
}
