using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OpenGradient.Models.Samples;

/// <summary>Writes samples.json: the committed description of every sample model and its id.</summary>
public static class SampleManifest
{
    /// <summary>The command that regenerates samples.json, run from the repository root.</summary>
    public const string RegenerateCommand =
        "dotnet run --project sdk/OpenGradient.Models.Generator -- --manifest sdk/OpenGradient.Models/samples.json";

    /// <summary>The manifest text (UTF-8 JSON, two-space indents, '\n' line ends, final newline).</summary>
    public static string ToJson(IReadOnlyList<SampleModel> models)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteString("generator", RegenerateCommand);
            json.WriteStartArray("models");
            foreach (var model in models)
            {
                json.WriteStartObject();
                json.WriteString("name", model.Name);
                json.WriteString("fileName", model.FileName);
                json.WriteString("description", model.Description);
                json.WriteString("sha256", model.ModelIdHex);
                json.WriteNumber("sizeBytes", model.Bytes.Length);
                WriteSpecs(json, "inputs", model.Inputs);
                WriteSpecs(json, "outputs", model.Outputs);
                json.WriteNumber("decimals", model.Decimals);
                json.WriteNumber("tolerance", model.Tolerance);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteSpecs(Utf8JsonWriter json, string property, IReadOnlyList<SampleTensorSpec> specs)
    {
        json.WriteStartArray(property);
        foreach (var spec in specs)
        {
            json.WriteStartObject();
            json.WriteString("name", spec.Name);
            json.WriteString("elementType", spec.ElementType);
            json.WriteStartArray("shape");
            foreach (var d in spec.Shape)
            {
                json.WriteNumberValue(d);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
