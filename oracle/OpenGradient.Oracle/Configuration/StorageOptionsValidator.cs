using Microsoft.Extensions.Options;

namespace OpenGradient.Oracle.Configuration;

/// <summary>Checks <see cref="StorageOptions"/> at start.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            return ValidateOptionsResult.Fail("Storage:DatabasePath is empty; set it to the SQLite file the node keeps its cursor, jobs and transactions in, e.g. data/oracle.db.");
        }

        if (options.DatabasePath.Contains(":memory:", StringComparison.Ordinal) || options.DatabasePath.StartsWith("Data Source", StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail($"Storage:DatabasePath is '{options.DatabasePath}'; it must be a file path (not a connection string or :memory:) so the node's state survives a restart.");
        }

        return ValidateOptionsResult.Success;
    }
}
