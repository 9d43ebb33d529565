using System.Text.Json;
using System.Text.Json.Nodes;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Inference.Tensors;
using OpenGradient.Inference.Tests.Support;
using OpenGradient.Testing;

namespace OpenGradient.Inference.Tests.Tensors;

/// <summary>The C# codec against viem's general ABI encoder and decoder for <c>Tensor[]</c>, over hundreds of random lists.</summary>
public sealed class TensorCodecDifferentialTests
{
    private const int Cases = 400;

    [Test]
    public async Task EncodeAndDecode_RandomTensorLists_AgreeWithViemByteForByte()
    {
        RepoPaths.EnsureNodeModules();
        var lists = Enumerable.Range(1, Cases).Select(i => TensorGenerator.List((ulong)i * 7919)).ToList();
        var input = new JsonObject
        {
            ["cases"] = new JsonArray([.. lists.Select(l => (JsonNode)new JsonObject
            {
                ["tensors"] = ToJson(l),
                ["encoded"] = Hex.Encode(l.Encode()),
            })]),
        };
        var inputPath = Path.Combine(Path.GetTempPath(), $"og-tensors-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(inputPath, input.ToJsonString());
        try
        {
            var script = Path.Combine(RepoPaths.Root, "tests", "OpenGradient.Inference.Tests", "Differential", "tensors.mjs");
            var run = await ProcessRunner.RunAsync(RepoPaths.NodeBinary, [script, inputPath], RepoPaths.Root, TimeSpan.FromMinutes(2));
            Assert.That(run.ExitCode, Is.Zero, run.CombinedOutput);

            var results = JsonNode.Parse(run.StandardOutput)!.AsArray();
            Assert.That(results, Has.Count.EqualTo(Cases));
            for (var i = 0; i < Cases; i++)
            {
                var viemEncoded = results[i]!["viemEncoded"]!.GetValue<string>();
                Assert.That(viemEncoded, Is.EqualTo(Hex.Encode(lists[i].Encode())), $"case {i}: encoding differs from viem for {lists[i]}");
                Assert.That(TensorList.Decode(Hex.Decode(viemEncoded)), Is.EqualTo(lists[i]), $"case {i}: decoding viem's bytes");
                Assert.That(results[i]!["decodedFromCSharp"]!.ToJsonString(), Is.EqualTo(ToJson(lists[i]).ToJsonString()), $"case {i}: viem decoding C#'s bytes");
            }
        }
        finally
        {
            File.Delete(inputPath);
        }
    }

    private static JsonArray ToJson(TensorList list) =>
        new([.. list.Select(t => (JsonNode)new JsonObject
        {
            ["name"] = t.Name,
            ["elementType"] = (int)t.ElementType,
            ["decimals"] = t.Decimals,
            ["shape"] = new JsonArray([.. t.Shape.ToArray().Select(d => (JsonNode)JsonValue.Create(d))]),
            ["values"] = new JsonArray([.. t.Values.ToArray().Select(v => (JsonNode)JsonValue.Create(v.ToString()))]),
        })]);
}
