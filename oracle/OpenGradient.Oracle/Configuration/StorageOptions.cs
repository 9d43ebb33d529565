namespace OpenGradient.Oracle.Configuration;

/// <summary>The node's SQLite database (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Storage";

    /// <summary>Path of the SQLite file (created with its folder when missing).</summary>
    public string DatabasePath { get; set; } = "oracle.db";
}
