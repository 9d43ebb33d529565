using System.Globalization;
using OpenGradient.Inference;
using OpenGradient.Inference.Execution;
using OpenGradient.Inference.Tensors;
using OnnxType = Microsoft.ML.OnnxRuntime.Tensors.TensorElementType;

namespace OpenGradient.Sdk;

/// <summary>Checks request tensors against a model's declared inputs before anything is sent.</summary>
internal static class InputValidator
{
    public static void Validate(ModelId modelId, ModelSignature signature, TensorList inputs)
    {
        string declared = string.Join("; ", signature.Inputs.Select(Describe));
        if (inputs.Count != signature.Inputs.Count)
        {
            throw new InvalidInputException(modelId, $"{inputs.Count} tensor(s) given but the model has {signature.Inputs.Count} input(s)", declared);
        }

        foreach (TensorSpec spec in signature.Inputs)
        {
            NamedTensor tensor = inputs.Find(spec.Name)
                ?? throw new InvalidInputException(modelId, $"no tensor is named '{spec.Name}' (given: {string.Join(", ", inputs.Select(t => t.Name))})", declared);
            TensorElementType expected = Canonical(spec.ElementType);
            if (tensor.ElementType != expected)
            {
                throw new InvalidInputException(modelId, $"tensor '{spec.Name}' is {tensor.ElementType} but the input is {spec.ElementType} ({expected})", declared);
            }

            ReadOnlySpan<int> shape = tensor.Shape;
            bool fits = shape.Length == spec.Dimensions.Count;
            for (int d = 0; fits && d < shape.Length; d++)
            {
                fits = spec.Dimensions[d] <= 0 || spec.Dimensions[d] == shape[d];
            }

            if (!fits)
            {
                throw new InvalidInputException(modelId, $"tensor '{spec.Name}' has shape [{string.Join(',', shape.ToArray())}] but the input is declared [{Dims(spec)}]", declared);
            }
        }
    }

    private static TensorElementType Canonical(OnnxType type) => type switch
    {
        OnnxType.Float or OnnxType.Double or OnnxType.Float16 or OnnxType.BFloat16 => TensorElementType.Fixed,
        OnnxType.Bool => TensorElementType.Bool,
        _ => TensorElementType.Int,
    };

    private static string Describe(TensorSpec spec) => $"{spec.Name}: {Canonical(spec.ElementType)} [{Dims(spec)}]";

    private static string Dims(TensorSpec spec) =>
        string.Join(',', spec.Dimensions.Select(d => d > 0 ? d.ToString(CultureInfo.InvariantCulture) : "?"));
}
