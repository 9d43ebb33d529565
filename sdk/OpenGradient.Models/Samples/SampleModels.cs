using OpenGradient.Models.Onnx;

namespace OpenGradient.Models.Samples;

/// <summary>
/// The sample models the project generates itself. Weights come from <see cref="SplitMix64"/> with
/// fixed seeds, so every build of this code produces byte-identical files (see samples.json).
/// </summary>
public static class SampleModels
{
    /// <summary>Seed of the linear regressor's weights.</summary>
    public const ulong LinearRegressorSeed = 0x4F47_0001;

    /// <summary>Seed of the MLP classifier's weights.</summary>
    public const ulong MlpClassifierSeed = 0x4F47_0002;

    /// <summary>Inputs of the MLP classifier.</summary>
    public const int MlpInputs = 8;

    /// <summary>Hidden units of the MLP classifier.</summary>
    public const int MlpHidden = 16;

    /// <summary>Classes of the MLP classifier.</summary>
    public const int MlpClasses = 3;

    private const int Decimals = 6;

    /// <summary>Every sample model, in manifest order.</summary>
    public static IReadOnlyList<SampleModel> All() => [LinearRegressor(), MlpClassifier(), MultiOutput()];

    /// <summary>The weights of <see cref="LinearRegressor"/>.</summary>
    public static LinearRegressorParameters LinearRegressorParameters()
    {
        var rng = new SplitMix64(LinearRegressorSeed);
        var w = Draw(rng, 4);
        return new LinearRegressorParameters(w, rng.NextWeight());
    }

    /// <summary>The weights of <see cref="MlpClassifier"/>.</summary>
    public static MlpClassifierParameters MlpClassifierParameters()
    {
        var rng = new SplitMix64(MlpClassifierSeed);
        var w1 = Draw(rng, MlpInputs * MlpHidden);
        var b1 = Draw(rng, MlpHidden);
        var w2 = Draw(rng, MlpHidden * MlpClasses);
        var b2 = Draw(rng, MlpClasses);
        return new MlpClassifierParameters(w1, b1, w2, b2);
    }

    /// <summary>
    /// Linear regressor: input "features" float32[1,4] → "score" float32[1,1] = features · W + b
    /// (MatMul + Add).
    /// </summary>
    public static SampleModel LinearRegressor()
    {
        var p = LinearRegressorParameters();
        var bytes = new OnnxModelBuilder("linear_regressor")
            .Input("features", OnnxElementType.Float, 1, 4)
            .Output("score", OnnxElementType.Float, 1, 1)
            .Initializer("W", [4, 1], [.. p.Weights])
            .Initializer("b", [1], [p.Bias])
            .Node("MatMul", ["features", "W"], ["xw"])
            .Node("Add", ["xw", "b"], ["score"])
            .Build(docString: "OpenGradient sample: linear regressor y = xW + b");
        return new SampleModel(
            "linear-regressor",
            "score = features · W + b with 4 seeded weights (SplitMix64 seed 0x4F470001)",
            bytes,
            [new("features", "float32", [1, 4])],
            [new("score", "float32", [1, 1])],
            Decimals,
            tolerance: 10);
    }

    /// <summary>
    /// MLP classifier: "features" float32[1,8] → Dense(16) → ReLU → Dense(3) → Softmax →
    /// "probabilities" float32[1,3].
    /// </summary>
    public static SampleModel MlpClassifier()
    {
        var p = MlpClassifierParameters();
        var bytes = new OnnxModelBuilder("mlp_classifier")
            .Input("features", OnnxElementType.Float, 1, MlpInputs)
            .Output("probabilities", OnnxElementType.Float, 1, MlpClasses)
            .Initializer("W1", [MlpInputs, MlpHidden], [.. p.W1])
            .Initializer("B1", [MlpHidden], [.. p.B1])
            .Initializer("W2", [MlpHidden, MlpClasses], [.. p.W2])
            .Initializer("B2", [MlpClasses], [.. p.B2])
            .Node("MatMul", ["features", "W1"], ["h_mm"])
            .Node("Add", ["h_mm", "B1"], ["h_pre"])
            .Node("Relu", ["h_pre"], ["h"])
            .Node("MatMul", ["h", "W2"], ["logits_mm"])
            .Node("Add", ["logits_mm", "B2"], ["logits"])
            .Node("Softmax", ["logits"], ["probabilities"], OnnxAttribute.Int("axis", -1))
            .Build(docString: "OpenGradient sample: MLP classifier 8-16-3 with ReLU and softmax");
        return new SampleModel(
            "mlp-classifier",
            "probabilities = softmax(relu(features · W1 + B1) · W2 + B2), 8-16-3, seeded weights (SplitMix64 seed 0x4F470002)",
            bytes,
            [new("features", "float32", [1, MlpInputs])],
            [new("probabilities", "float32", [1, MlpClasses])],
            Decimals,
            tolerance: 5);
    }

    /// <summary>
    /// Multi-input/multi-output model: inputs "a" and "b" float32[1,4] → "sum" float32[1,4] = a + b,
    /// "dot" float32[1,1] = Σ a·b, "label" int64[1,1] = argmax(sum) (first index on ties).
    /// </summary>
    public static SampleModel MultiOutput()
    {
        var bytes = new OnnxModelBuilder("sum_dot_argmax")
            .Input("a", OnnxElementType.Float, 1, 4)
            .Input("b", OnnxElementType.Float, 1, 4)
            .Output("sum", OnnxElementType.Float, 1, 4)
            .Output("dot", OnnxElementType.Float, 1, 1)
            .Output("label", OnnxElementType.Int64, 1, 1)
            .Initializer("reduce_axes", [1], [1L])
            .Node("Add", ["a", "b"], ["sum"])
            .Node("Mul", ["a", "b"], ["product"])
            .Node("ReduceSum", ["product", "reduce_axes"], ["dot"], OnnxAttribute.Int("keepdims", 1))
            .Node("ArgMax", ["sum"], ["label"], OnnxAttribute.Int("axis", 1), OnnxAttribute.Int("keepdims", 1))
            .Build(docString: "OpenGradient sample: sum, dot product and argmax of two vectors");
        return new SampleModel(
            "sum-dot-argmax",
            "sum = a + b, dot = Σ a·b, label = argmax(a + b) (int64); two inputs, three outputs",
            bytes,
            [new("a", "float32", [1, 4]), new("b", "float32", [1, 4])],
            [new("sum", "float32", [1, 4]), new("dot", "float32", [1, 1]), new("label", "int64", [1, 1])],
            Decimals,
            tolerance: 10);
    }

    private static float[] Draw(SplitMix64 rng, int count)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = rng.NextWeight();
        }

        return values;
    }
}
