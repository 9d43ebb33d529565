using OpenGradient.Inference.Tensors;

namespace OpenGradient.Oracle.Testing;

/// <summary>
/// Makes a lying executor for tests: shifts every Fixed value far beyond the tolerance and every Int/Bool value
/// off by one (Bool flips), keeping names, types and shapes so the output still decodes and only a value
/// comparison exposes it.
/// </summary>
internal static class ResultCorruptor
{
    public static TensorList Corrupt(TensorList outputs, ulong tolerance)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var shift = (Int128)tolerance * 1000 + 1_000_000;
        var corrupted = new NamedTensor[outputs.Count];
        for (var t = 0; t < outputs.Count; t++)
        {
            var tensor = outputs[t];
            var values = tensor.Values.ToArray();
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = tensor.ElementType switch
                {
                    TensorElementType.Fixed => values[i] + shift,
                    TensorElementType.Bool => 1 - values[i],
                    _ => values[i] + 1,
                };
            }

            corrupted[t] = new NamedTensor(tensor.Name, tensor.ElementType, tensor.Decimals, tensor.Shape, values);
        }

        return new TensorList(corrupted);
    }
}
