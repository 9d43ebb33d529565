namespace OpenGradient.Inference.ModelStore;

/// <summary>
/// A directory of model files named by their id: <c>&lt;root&gt;/&lt;sha256 hex&gt;.onnx</c>. Every
/// read re-checks the hash, so a file damaged on disk is dropped and fetched again, never run; writes
/// are atomic (temporary file, then rename).
/// </summary>
public sealed class ContentAddressedModelStore
{
    /// <summary>Opens (and creates) the store at <paramref name="root"/>.</summary>
    public ContentAddressedModelStore(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    /// <summary>The store directory.</summary>
    public string Root { get; }

    /// <summary>The path a model with <paramref name="id"/> has in the store.</summary>
    public string PathFor(ModelId id) => Path.Combine(Root, id.ToHexNoPrefix() + ".onnx");

    /// <summary>Reads a stored model; false when absent or when the stored file no longer hashes to <paramref name="id"/> (it is deleted).</summary>
    public bool TryRead(ModelId id, out byte[] bytes)
    {
        var path = PathFor(id);
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            bytes = [];
            return false;
        }

        if (id.Matches(bytes))
        {
            return true;
        }

        File.Delete(path);
        bytes = [];
        return false;
    }

    /// <summary>Stores <paramref name="bytes"/> under <paramref name="id"/> after checking the hash.</summary>
    /// <exception cref="ModelIntegrityException">The bytes do not hash to <paramref name="id"/>.</exception>
    public string Write(ModelId id, ReadOnlySpan<byte> bytes, string sourceUri = "(bytes)")
    {
        var actual = ModelId.Compute(bytes);
        if (actual != id)
        {
            throw new ModelIntegrityException(sourceUri, id, actual);
        }

        var path = PathFor(id);
        var temporary = Path.Combine(Root, $".{id.ToHexNoPrefix()}.{Guid.NewGuid():N}.tmp");
        using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            file.Write(bytes);
        }

        File.Move(temporary, path, overwrite: true);
        return path;
    }
}
