using OpenGradient.Ethereum.Keystore;
using OpenGradient.Ethereum.Signing;

namespace OpenGradient.Cli.Common;

/// <summary>Reads and decrypts keystore v3 files with one-line errors.</summary>
internal static class KeyFiles
{
    public static EthKey Decrypt(string path, string password)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"Keystore file '{path}' does not exist; list yours with `og keys list` or create one with `og keys new`.");
        }

        try
        {
            return KeystoreV3.DecryptKey(File.ReadAllText(path), password);
        }
        catch (KeystoreWrongPasswordException e)
        {
            throw new CliException($"Wrong password for keystore '{path}'; set {Passwords.EnvironmentVariable} to the password used when the key was created.", ExitCodes.UserError, e);
        }
        catch (KeystoreException e)
        {
            throw new CliException($"'{path}' is not a usable keystore v3 file ({e.Message}).", ExitCodes.UserError, e);
        }
    }
}
