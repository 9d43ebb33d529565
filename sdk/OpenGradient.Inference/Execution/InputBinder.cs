using System.Globalization;
using System.Numerics;
using Microsoft.ML.OnnxRuntime;
using OpenGradient.Inference.Tensors;
using OnnxType = Microsoft.ML.OnnxRuntime.Tensors.TensorElementType;

namespace OpenGradient.Inference.Execution;

/// <summary>
/// Checks canonical input tensors against the model's declared inputs (count, names, element types,
/// shapes with dynamic dimensions) before anything runs, then converts them to ONNX Runtime values:
/// Fixed → float/double by correctly rounded <c>q / 10^decimals</c>, Int → the declared integer type
/// (range-checked), Bool → bool.
/// </summary>
internal static class InputBinder
{
    public static ExecutionResult? Validate(ModelSignature signature, TensorList inputs, int maxElements)
    {
        long total = 0;
        foreach (var tensor in inputs)
        {
            var spec = Find(signature.Inputs, tensor.Name);
            if (spec is null)
            {
                return ExecutionResult.Failed(
                    FailureReason.UnknownInput,
                    $"Input tensor '{tensor.Name}' is not an input of the model; the model's inputs are {Describe(signature.Inputs)}. Rename the tensor to one of them.");
            }

            var typeFailure = CheckType(spec, tensor);
            if (typeFailure is not null)
            {
                return typeFailure;
            }

            if (!ShapeFits(spec, tensor.Shape))
            {
                return ExecutionResult.Failed(
                    FailureReason.BadInputShape,
                    $"Input '{tensor.Name}' has shape [{string.Join(',', tensor.Shape.ToArray())}] but the model declares {spec}; send a tensor of the declared shape (? marks a dimension of any size).");
            }

            total += tensor.ElementCount;
        }

        foreach (var spec in signature.Inputs)
        {
            if (inputs.Find(spec.Name) is null)
            {
                return ExecutionResult.Failed(
                    FailureReason.MissingInput,
                    $"The model's input {spec} has no tensor in the request; the request has {inputs.Count} tensors and the model needs {Describe(signature.Inputs)}.");
            }
        }

        if (total > maxElements)
        {
            return ExecutionResult.Failed(FailureReason.BadInput, $"The inputs hold {total} elements, more than the limit of {maxElements}; send a smaller input.");
        }

        return null;
    }

    /// <summary>Converts validated inputs in the model's declared input order.</summary>
    public static ExecutionResult? Bind(ModelSignature signature, TensorList inputs, List<string> names, List<OrtValue> values)
    {
        foreach (var spec in signature.Inputs)
        {
            var tensor = inputs.Find(spec.Name)!;
            var shape = new long[tensor.Shape.Length];
            for (var d = 0; d < shape.Length; d++)
            {
                shape[d] = tensor.Shape[d];
            }

            var value = Convert(spec, tensor, shape, out var failure);
            if (value is null)
            {
                return failure;
            }

            names.Add(spec.Name);
            values.Add(value);
        }

        return null;
    }

    private static OrtValue? Convert(TensorSpec spec, NamedTensor tensor, long[] shape, out ExecutionResult? failure)
    {
        failure = null;
        var q = tensor.Values;
        switch (spec.ElementType)
        {
            case OnnxType.Float:
            {
                var data = new float[q.Length];
                for (var i = 0; i < q.Length; i++)
                {
                    data[i] = FixedPoint.ToSingle(q[i], tensor.Decimals);
                }

                return OrtValue.CreateTensorValueFromMemory(data, shape);
            }

            case OnnxType.Double:
            {
                var data = new double[q.Length];
                for (var i = 0; i < q.Length; i++)
                {
                    data[i] = FixedPoint.ToDouble(q[i], tensor.Decimals);
                }

                return OrtValue.CreateTensorValueFromMemory(data, shape);
            }

            case OnnxType.Bool:
            {
                var data = new bool[q.Length];
                for (var i = 0; i < q.Length; i++)
                {
                    data[i] = q[i] == Int128.One;
                }

                return OrtValue.CreateTensorValueFromMemory(data, shape);
            }

            case OnnxType.Int64:
                return Integers<long>(tensor, shape, long.MinValue, long.MaxValue, out failure);
            case OnnxType.Int32:
                return Integers<int>(tensor, shape, int.MinValue, int.MaxValue, out failure);
            case OnnxType.Int16:
                return Integers<short>(tensor, shape, short.MinValue, short.MaxValue, out failure);
            case OnnxType.Int8:
                return Integers<sbyte>(tensor, shape, sbyte.MinValue, sbyte.MaxValue, out failure);
            case OnnxType.UInt64:
                return Integers<ulong>(tensor, shape, ulong.MinValue, ulong.MaxValue, out failure);
            case OnnxType.UInt32:
                return Integers<uint>(tensor, shape, uint.MinValue, uint.MaxValue, out failure);
            case OnnxType.UInt16:
                return Integers<ushort>(tensor, shape, ushort.MinValue, ushort.MaxValue, out failure);
            case OnnxType.UInt8:
                return Integers<byte>(tensor, shape, byte.MinValue, byte.MaxValue, out failure);
            default:
                failure = Unsupported(spec);
                return null;
        }
    }

    private static OrtValue? Integers<T>(NamedTensor tensor, long[] shape, Int128 min, Int128 max, out ExecutionResult? failure)
        where T : unmanaged, IBinaryInteger<T>
    {
        failure = null;
        var q = tensor.Values;
        var data = new T[q.Length];
        for (var i = 0; i < q.Length; i++)
        {
            if (q[i] < min || q[i] > max)
            {
                failure = ExecutionResult.Failed(
                    FailureReason.BadInput,
                    $"Input '{tensor.Name}' value {i} is {q[i]}, outside the range of the model's {typeof(T).Name} input ({min}..{max}); send values in that range.");
                return null;
            }

            data[i] = T.CreateTruncating(q[i]);
        }

        return OrtValue.CreateTensorValueFromMemory(data, shape);
    }

    private static ExecutionResult? CheckType(TensorSpec spec, NamedTensor tensor)
    {
        var expected = spec.ElementType switch
        {
            OnnxType.Float or OnnxType.Double => TensorElementType.Fixed,
            OnnxType.Bool => TensorElementType.Bool,
            OnnxType.Int8 or OnnxType.Int16 or OnnxType.Int32 or OnnxType.Int64
                or OnnxType.UInt8 or OnnxType.UInt16 or OnnxType.UInt32 or OnnxType.UInt64 => TensorElementType.Int,
            _ => (TensorElementType?)null,
        };
        if (expected is null)
        {
            return Unsupported(spec);
        }

        return tensor.ElementType == expected
            ? null
            : ExecutionResult.Failed(
                FailureReason.TypeMismatch,
                $"Input '{tensor.Name}' is a {tensor.ElementType} tensor but the model declares {spec.ElementType}, which takes a {expected} tensor; encode the input as {expected}.");
    }

    private static ExecutionResult Unsupported(TensorSpec spec) =>
        ExecutionResult.Failed(
            FailureReason.TypeMismatch,
            $"The model's input {spec} has an element type that canonical tensors cannot feed (supported: float, double, int8..int64, uint8..uint64, bool); re-export the model with one of those.");

    private static bool ShapeFits(TensorSpec spec, ReadOnlySpan<int> shape)
    {
        if (spec.Dimensions.Count != shape.Length)
        {
            return false;
        }

        for (var d = 0; d < shape.Length; d++)
        {
            var declared = spec.Dimensions[d];
            if (declared > 0 && declared != shape[d])
            {
                return false;
            }
        }

        return true;
    }

    private static TensorSpec? Find(IReadOnlyList<TensorSpec> specs, string name)
    {
        foreach (var spec in specs)
        {
            if (string.Equals(spec.Name, name, StringComparison.Ordinal))
            {
                return spec;
            }
        }

        return null;
    }

    internal static string Describe(IReadOnlyList<TensorSpec> specs)
    {
        var parts = new string[specs.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = specs[i].ToString();
        }

        return string.Create(CultureInfo.InvariantCulture, $"[{string.Join("; ", parts)}]");
    }
}
