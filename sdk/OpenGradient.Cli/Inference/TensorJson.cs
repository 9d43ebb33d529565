using System.Text.Json;
using System.Text.Json.Nodes;
using OpenGradient.Cli.Common;
using OpenGradient.Inference.Tensors;

namespace OpenGradient.Cli.Inference;

/// <summary>
/// The CLI's tensor JSON: input <c>{"features": [[1, 2.5, -3, 0.25]]}</c> (name → nested arrays; the nesting is the
/// shape; numbers become fixed-point with the given decimals), or <c>@file.json</c> holding the same.
/// </summary>
internal static class TensorJson
{
    public static TensorList ParseInput(string text, int decimals)
    {
        if (text.StartsWith('@'))
        {
            string path = text[1..];
            if (!File.Exists(path))
            {
                throw new CliException($"Input file '{path}' does not exist; pass --input '{{\"features\": [[1, 2, 3, 4]]}}' or @<existing file>.");
            }

            text = File.ReadAllText(path);
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new CliException($"--input is not valid JSON ({e.Message}); pass an object such as {{\"features\": [[1, 2, 3, 4]]}}.", ExitCodes.UserError, e);
        }

        if (root is not JsonObject obj || obj.Count == 0)
        {
            throw new CliException("--input must be a JSON object of named tensors, e.g. {\"features\": [[1, 2, 3, 4]]}.");
        }

        var tensors = new List<NamedTensor>();
        foreach ((string name, JsonNode? value) in obj)
        {
            var shape = new List<int>();
            var values = new List<double>();
            Flatten(name, value, 0, shape, values);
            tensors.Add(NamedTensor.FromDoubles(name, decimals, shape.ToArray(), values.ToArray()));
        }

        return new TensorList(tensors);
    }

    public static JsonArray ToJson(TensorList tensors)
    {
        var array = new JsonArray();
        foreach (NamedTensor t in tensors)
        {
            var shape = new JsonArray();
            foreach (int d in t.Shape)
            {
                shape.Add(d);
            }

            var values = new JsonArray();
            foreach (double v in t.ToDoubles())
            {
                values.Add(v);
            }

            array.Add(new JsonObject
            {
                ["name"] = t.Name,
                ["type"] = t.ElementType.ToString(),
                ["decimals"] = t.Decimals,
                ["shape"] = shape,
                ["values"] = values,
            });
        }

        return array;
    }

    public static string ToText(TensorList tensors)
    {
        var parts = new List<string>();
        foreach (NamedTensor t in tensors)
        {
            parts.Add($"{t.Name} [{string.Join(',', t.Shape.ToArray())}] = [{string.Join(", ", Array.ConvertAll(t.ToDoubles(), v => v.ToString("G7", System.Globalization.CultureInfo.InvariantCulture)))}]");
        }

        return string.Join("; ", parts);
    }

    private static void Flatten(string name, JsonNode? node, int depth, List<int> shape, List<double> values)
    {
        if (node is JsonArray array)
        {
            if (shape.Count == depth)
            {
                shape.Add(array.Count);
            }
            else if (shape[depth] != array.Count)
            {
                throw new CliException($"Input tensor '{name}' is ragged: arrays at depth {depth} have lengths {shape[depth]} and {array.Count}; every row must have the same length.");
            }

            foreach (JsonNode? item in array)
            {
                Flatten(name, item, depth + 1, shape, values);
            }
        }
        else if (node is JsonValue value && value.TryGetValue(out double number))
        {
            if (depth != shape.Count)
            {
                throw new CliException($"Input tensor '{name}' mixes numbers and arrays at depth {depth}; use nested arrays of equal depth.");
            }

            values.Add(number);
        }
        else
        {
            throw new CliException($"Input tensor '{name}' holds '{node?.ToJsonString() ?? "null"}', which is not a number or an array; use numbers such as 1.5.");
        }
    }
}
