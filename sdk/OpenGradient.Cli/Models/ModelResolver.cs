using OpenGradient.Cli.Common;
using OpenGradient.Inference;
using OpenGradient.Models.Samples;

namespace OpenGradient.Cli.Models;

/// <summary>Turns <c>--model</c> (a 0x sha256 id or a sample model name) into a model id.</summary>
internal static class ModelResolver
{
    public static ModelId Resolve(string text)
    {
        foreach (SampleModel sample in SampleModels.All())
        {
            if (string.Equals(sample.Name, text, StringComparison.OrdinalIgnoreCase))
            {
                return ModelId.FromBytes(sample.Sha256.Span);
            }
        }

        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && text.Length == 66)
        {
            try
            {
                return ModelId.Parse(text);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or OpenGradient.Ethereum.EthereumException)
            {
                throw new CliException($"Model '{text}' is not a valid 0x sha256 id; pass a sample name ({Names()}) or a 32-byte hex id.", ExitCodes.UserError, e);
            }
        }

        throw new CliException($"Unknown model '{text}': pass a sample name ({Names()}) or a registered model's 0x sha256 id (see `og model list`).");
    }

    public static string? SampleName(ModelId id)
    {
        foreach (SampleModel sample in SampleModels.All())
        {
            if (ModelId.FromBytes(sample.Sha256.Span).Equals(id))
            {
                return sample.Name;
            }
        }

        return null;
    }

    private static string Names() => string.Join(", ", SampleModels.All().Select(s => s.Name));
}
