namespace OpenGradient.Contracts.Generator;

/// <summary>Writes generated files, touching only those whose text changed, and removes stale <c>*.g.cs</c> files.</summary>
internal static class BindingWriter
{
    public static int Write(IReadOnlyDictionary<string, string> files, string outDir, bool checkOnly, TextWriter log)
    {
        Directory.CreateDirectory(outDir);
        int differences = 0;
        foreach ((string name, string text) in files)
        {
            string path = Path.Combine(outDir, name);
            if (File.Exists(path) && File.ReadAllText(path) == text)
            {
                continue;
            }

            differences++;
            if (checkOnly)
            {
                log.WriteLine($"stale: {name}");
            }
            else
            {
                File.WriteAllText(path, text);
                log.WriteLine($"wrote {path}");
            }
        }

        foreach (string existing in Directory.GetFiles(outDir, "*.g.cs"))
        {
            if (!files.ContainsKey(Path.GetFileName(existing)))
            {
                differences++;
                if (checkOnly)
                {
                    log.WriteLine($"stale: {Path.GetFileName(existing)} (no longer generated)");
                }
                else
                {
                    File.Delete(existing);
                }
            }
        }

        return checkOnly && differences > 0 ? 1 : 0;
    }
}
