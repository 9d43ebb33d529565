using OpenGradient.Models.Samples;

// Writes the sample models and/or their manifest.
//   --out DIR        write every sample model as DIR/<name>.onnx
//   --manifest PATH  write samples.json to PATH
string? outDir = null;
string? manifest = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out" when i + 1 < args.Length:
            outDir = args[++i];
            break;
        case "--manifest" when i + 1 < args.Length:
            manifest = args[++i];
            break;
        default:
            Console.Error.WriteLine("usage: OpenGradient.Models.Generator [--out DIR] [--manifest PATH]");
            return 2;
    }
}

if (outDir is null && manifest is null)
{
    Console.Error.WriteLine("nothing to do: pass --out DIR to write the .onnx files and/or --manifest PATH to write samples.json");
    return 2;
}

var models = SampleModels.All();
if (outDir is not null)
{
    Directory.CreateDirectory(outDir);
    foreach (var model in models)
    {
        var path = Path.Combine(outDir, model.FileName);
        File.WriteAllBytes(path, model.ToArray());
        Console.WriteLine($"{model.ModelIdHex}  {path}");
    }
}

if (manifest is not null)
{
    File.WriteAllText(manifest, SampleManifest.ToJson(models));
    Console.WriteLine($"wrote {manifest}");
}

return 0;
