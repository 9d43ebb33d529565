using System.Text;
using OpenGradient.Inference.Tensors;
using OpenGradient.Models.Samples;

namespace OpenGradient.Inference.Tests.Support;

/// <summary>Seeded random tensor lists covering every element type, scalars, unicode names and extreme values.</summary>
internal static class TensorGenerator
{
    private static readonly string[] NameParts = ["x", "features", "Ω", "温度", "🙂", "a_b", "score", "naïve", "ß"];

    public static TensorList List(ulong seed)
    {
        var rng = new SplitMix64(seed);
        var count = (int)(rng.NextUInt64() % 5);
        var tensors = new List<NamedTensor>();
        for (var i = 0; i < count; i++)
        {
            tensors.Add(Tensor(rng, $"{i}"));
        }

        return new TensorList(tensors);
    }

    public static NamedTensor Tensor(SplitMix64 rng, string suffix)
    {
        var name = new StringBuilder();
        var parts = 1 + (int)(rng.NextUInt64() % 4);
        for (var p = 0; p < parts; p++)
        {
            name.Append(NameParts[rng.NextUInt64() % (ulong)NameParts.Length]);
        }

        name.Append(suffix);
        var type = (TensorElementType)(rng.NextUInt64() % 3);
        var decimals = type == TensorElementType.Fixed ? (int)(rng.NextUInt64() % 19) : 0;
        var rank = (int)(rng.NextUInt64() % 4);
        var shape = new int[rank];
        var count = 1;
        for (var d = 0; d < rank; d++)
        {
            shape[d] = 1 + (int)(rng.NextUInt64() % 3);
            count *= shape[d];
        }

        var values = new Int128[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = Value(rng, type);
        }

        return new NamedTensor(name.ToString(), type, decimals, shape, values);
    }

    private static Int128 Value(SplitMix64 rng, TensorElementType type)
    {
        if (type == TensorElementType.Bool)
        {
            return (Int128)(rng.NextUInt64() & 1);
        }

        var max = Int128.MaxValue;
        var min = type == TensorElementType.Fixed ? -Int128.MaxValue : Int128.MinValue;
        return (rng.NextUInt64() % 6) switch
        {
            0 => max,
            1 => min,
            2 => (Int128)(long)rng.NextUInt64(),
            3 => (long)(rng.NextUInt64() % 2001) - 1000,
            4 => Clamp(new Int128(rng.NextUInt64(), rng.NextUInt64()), min),
            _ => Int128.Zero,
        };
    }

    private static Int128 Clamp(Int128 value, Int128 min) => value < min ? min : value;
}
