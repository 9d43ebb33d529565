using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenGradient.Testing;

[JsonSerializable(typeof(object[]))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(int))]
internal sealed partial class TestingJsonContext : JsonSerializerContext
{
}
