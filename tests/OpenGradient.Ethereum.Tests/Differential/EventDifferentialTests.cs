using System.Text.Json.Nodes;
using NUnit.Framework;
using OpenGradient.Ethereum.Abi;
using OpenGradient.Ethereum.Encoding;

namespace OpenGradient.Ethereum.Tests.Differential;

/// <summary>Event topics and log decoding against viem's <c>encodeEventTopics</c> over random events.</summary>
[Category("Differential")]
public sealed class EventDifferentialTests
{
    [Test]
    public void DecodeLog_RandomEventsEncodedByViem_GivesTheValuesAndTheSameTopics()
    {
        var random = new Random(50);
        var events = new List<AbiEvent>();
        var values = new List<object?[]>();
        var json = new JsonArray();
        for (int i = 0; i < 1000; i++)
        {
            var inputs = new AbiParameter[random.Next(0, 6)];
            int indexed = 0;
            for (int j = 0; j < inputs.Length; j++)
            {
                // viem can only build topics for elementary, string and bytes fields; data fields may be anything.
                bool isIndexed = indexed < 3 && random.Next(2) == 0;
                AbiType type = RandomAbi.Type(random);
                while (isIndexed && type.Kind is AbiTypeKind.Array or AbiTypeKind.FixedArray or AbiTypeKind.Tuple)
                {
                    type = RandomAbi.Type(random, depth: 3);
                }

                indexed += isIndexed ? 1 : 0;
                inputs[j] = new AbiParameter(type, "f" + j, isIndexed);
            }

            var e = new AbiEvent("E" + i, inputs);
            object?[] v = RandomAbi.Values(random, inputs);
            events.Add(e);
            values.Add(v);
            var viemInputs = new JsonArray();
            foreach (AbiParameter p in inputs)
            {
                JsonObject parameter = RandomAbi.ViemParameter(p.Type);
                parameter["name"] = p.Name;
                parameter["indexed"] = p.Indexed;
                viemInputs.Add(parameter);
            }

            json.Add(new JsonObject
            {
                ["event"] = new JsonObject { ["type"] = "event", ["name"] = e.Name, ["inputs"] = viemInputs },
                ["values"] = RandomAbi.ViemValues(inputs, v),
            });
        }

        JsonArray viem = NodeScript.Run("events.mjs", json).AsArray();

        for (int i = 0; i < events.Count; i++)
        {
            AbiEvent e = events[i];
            string description = $"case #{i}: {e}";
            Assert.That(viem[i]!["error"], Is.Null, $"{description}: viem failed: {viem[i]!.ToJsonString()}");
            var topics = new List<byte[]>();
            foreach (JsonNode? topicJson in viem[i]!["topics"]!.AsArray())
            {
                topics.Add(Hex.Decode((string)topicJson!));
            }

            AbiValues decoded = e.DecodeLog(topics, Hex.Decode((string)viem[i]!["data"]!));

            Assert.That(Hex.Encode(topics[0]), Is.EqualTo(e.Topic0Hex), description);
            int topic = 1;
            for (int j = 0; j < e.Inputs.Count; j++)
            {
                AbiParameter p = e.Inputs[j];
                if (!p.Indexed)
                {
                    Assert.That(RandomAbi.ViemValue(p.Type, decoded[j])!.ToJsonString(), Is.EqualTo(RandomAbi.ViemValue(p.Type, values[i][j])!.ToJsonString()), description);
                    continue;
                }

                byte[] expectedTopic = AbiEvent.EncodeTopic(p.Type, values[i][j]);
                Assert.That(Hex.Encode(topics[topic++]), Is.EqualTo(Hex.Encode(expectedTopic)), $"{description}, field {p.Name}");
                object? expectedValue = p.Type.Kind is AbiTypeKind.String or AbiTypeKind.Bytes ? expectedTopic : values[i][j];
                Assert.That(RandomAbi.ViemValue(p.Type.Kind is AbiTypeKind.String ? AbiType.Bytes : p.Type, decoded[j])!.ToJsonString(),
                    Is.EqualTo(RandomAbi.ViemValue(p.Type.Kind is AbiTypeKind.String ? AbiType.Bytes : p.Type, expectedValue)!.ToJsonString()), description);
            }
        }
    }
}
