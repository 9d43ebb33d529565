using System.Numerics;
using Microsoft.ML.OnnxRuntime;
using OpenGradient.Inference.Tensors;
using OnnxType = Microsoft.ML.OnnxRuntime.Tensors.TensorElementType;

namespace OpenGradient.Inference.Execution;

/// <summary>
/// Turns ONNX Runtime outputs into canonical tensors: floats are quantized exactly with the model's
/// output decimals (a NaN or infinity fails the run), integers become Int tensors and bools Bool.
/// </summary>
internal static class OutputReader
{
    public static ExecutionResult Read(IReadOnlyList<string> names, IReadOnlyList<OrtValue> values, int decimals, int maxElements)
    {
        var tensors = new NamedTensor[names.Count];
        long total = 0;
        for (var t = 0; t < names.Count; t++)
        {
            var name = names[t];
            var value = values[t];
            if (!value.IsTensor)
            {
                return ExecutionResult.Failed(FailureReason.ExecutionError, $"Output '{name}' is not a tensor (a sequence or map); canonical outputs are tensors only, so the model cannot be served as is.");
            }

            var info = value.GetTensorTypeAndShape();
            total += info.ElementCount;
            if (total > maxElements)
            {
                return ExecutionResult.Failed(FailureReason.OutputTooLarge, $"The outputs hold more than {maxElements} elements; the model's outputs are too large to post on chain.");
            }

            var shape = new int[info.Shape.Length];
            for (var d = 0; d < shape.Length; d++)
            {
                if (info.Shape[d] < 1)
                {
                    return ExecutionResult.Failed(FailureReason.ExecutionError, $"Output '{name}' has a dimension of size {info.Shape[d]}; canonical tensors need every dimension >= 1, so this output cannot be encoded.");
                }

                shape[d] = (int)info.Shape[d];
            }

            try
            {
                NamedTensor.ValidateName(name);
            }
            catch (TensorCodecException e)
            {
                return ExecutionResult.Failed(FailureReason.ExecutionError, $"Output '{name}' cannot be encoded: {e.Message}");
            }

            var failure = ReadOne(name, value, info.ElementDataType, decimals, shape, out var tensor);
            if (failure is not null)
            {
                return failure;
            }

            tensors[t] = tensor!;
        }

        return ExecutionResult.Success(new TensorList(tensors));
    }

    private static ExecutionResult? ReadOne(string name, OrtValue value, OnnxType type, int decimals, int[] shape, out NamedTensor? tensor)
    {
        tensor = null;
        Int128[] q;
        var elementType = Tensors.TensorElementType.Int;
        var tensorDecimals = 0;
        switch (type)
        {
            case OnnxType.Float:
            {
                var data = value.GetTensorDataAsSpan<float>();
                q = new Int128[data.Length];
                for (var i = 0; i < data.Length; i++)
                {
                    var failure = Quantize(name, i, data[i], decimals, out q[i]);
                    if (failure is not null)
                    {
                        return failure;
                    }
                }

                elementType = Tensors.TensorElementType.Fixed;
                tensorDecimals = decimals;
                break;
            }

            case OnnxType.Double:
            {
                var data = value.GetTensorDataAsSpan<double>();
                q = new Int128[data.Length];
                for (var i = 0; i < data.Length; i++)
                {
                    var failure = Quantize(name, i, data[i], decimals, out q[i]);
                    if (failure is not null)
                    {
                        return failure;
                    }
                }

                elementType = Tensors.TensorElementType.Fixed;
                tensorDecimals = decimals;
                break;
            }

            case OnnxType.Bool:
            {
                var data = value.GetTensorDataAsSpan<bool>();
                q = new Int128[data.Length];
                for (var i = 0; i < data.Length; i++)
                {
                    q[i] = data[i] ? Int128.One : Int128.Zero;
                }

                elementType = Tensors.TensorElementType.Bool;
                break;
            }

            case OnnxType.Int64:
                q = Integers<long>(value);
                break;
            case OnnxType.Int32:
                q = Integers<int>(value);
                break;
            case OnnxType.Int16:
                q = Integers<short>(value);
                break;
            case OnnxType.Int8:
                q = Integers<sbyte>(value);
                break;
            case OnnxType.UInt64:
                q = Integers<ulong>(value);
                break;
            case OnnxType.UInt32:
                q = Integers<uint>(value);
                break;
            case OnnxType.UInt16:
                q = Integers<ushort>(value);
                break;
            case OnnxType.UInt8:
                q = Integers<byte>(value);
                break;
            default:
                return ExecutionResult.Failed(FailureReason.ExecutionError, $"Output '{name}' has element type {type}, which canonical tensors cannot carry (supported: float, double, integers, bool).");
        }

        tensor = new NamedTensor(name, elementType, tensorDecimals, shape, q, validateValues: false);
        return null;
    }

    private static ExecutionResult? Quantize(string name, int index, double x, int decimals, out Int128 q)
    {
        if (FixedPoint.TryQuantize(x, decimals, out q, out var error))
        {
            return null;
        }

        return error == TensorCodecError.NotFinite
            ? ExecutionResult.Failed(FailureReason.NonFiniteOutput, $"Output '{name}' element {index} is {x}; NaN and infinities have no fixed-point form. Check the input for values the model cannot handle.")
            : ExecutionResult.Failed(FailureReason.OutputTooLarge, $"Output '{name}' element {index} is {x}, which at {decimals} decimals exceeds |q| < 2^127; register the model with fewer decimals.");
    }

    private static Int128[] Integers<T>(OrtValue value)
        where T : unmanaged, IBinaryInteger<T>
    {
        var data = value.GetTensorDataAsSpan<T>();
        var q = new Int128[data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            q[i] = Int128.CreateTruncating(data[i]);
        }

        return q;
    }
}
