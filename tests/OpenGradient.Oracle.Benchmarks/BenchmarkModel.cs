using OpenGradient.Models.Onnx;
using OpenGradient.Models.Samples;

namespace OpenGradient.Oracle.Benchmarks;

/// <summary>
/// A model the overhead benchmark runs: the two tiny samples (where any fixed per-job cost shows most) and two wider
/// MLPs of the size a scoring model on chain would have (256 → 1024 → 1024 → 10, about 1.3 M multiply-adds; and
/// 512 → 2048 → 2048 → 10, about 5.2 M; ReLU, softmax), built here with the project's ONNX builder from seeded weights.
/// </summary>
internal sealed record BenchmarkModel(string Name, byte[] Bytes, string InputName, int InputWidth, string OutputName, int Decimals, ulong Tolerance)
{
    public const string Wide = "mlp-256-1024-1024-10";
    public const string Wider = "mlp-512-2048-2048-10";

    public static BenchmarkModel Get(string name) => name switch
    {
        "linear-regressor" => FromSample(SampleModels.LinearRegressor()),
        "mlp-classifier" => FromSample(SampleModels.MlpClassifier()),
        Wide => WideMlp(Wide, 256, 1024),
        Wider => WideMlp(Wider, 512, 2048),
        _ => throw new ArgumentException($"Unknown benchmark model '{name}'.", nameof(name)),
    };

    private static BenchmarkModel FromSample(SampleModel sample) =>
        new(sample.Name, sample.ToArray(), sample.Inputs[0].Name, (int)sample.Inputs[0].Shape[^1], sample.Outputs[0].Name, sample.Decimals, (ulong)sample.Tolerance);

    private static BenchmarkModel WideMlp(string name, int inputs, int hidden)
    {
        const int Classes = 10;
        var random = new Random(0x4F47);
        float[] Draw(int count)
        {
            var values = new float[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = (float)((random.NextDouble() - 0.5) * 0.1);
            }

            return values;
        }

        var bytes = new OnnxModelBuilder("wide_mlp")
            .Input("features", OnnxElementType.Float, 1, inputs)
            .Output("probabilities", OnnxElementType.Float, 1, Classes)
            .Initializer("W1", [inputs, hidden], Draw(inputs * hidden))
            .Initializer("B1", [hidden], Draw(hidden))
            .Initializer("W2", [hidden, hidden], Draw(hidden * hidden))
            .Initializer("B2", [hidden], Draw(hidden))
            .Initializer("W3", [hidden, Classes], Draw(hidden * Classes))
            .Initializer("B3", [Classes], Draw(Classes))
            .Node("MatMul", ["features", "W1"], ["h1_mm"])
            .Node("Add", ["h1_mm", "B1"], ["h1_pre"])
            .Node("Relu", ["h1_pre"], ["h1"])
            .Node("MatMul", ["h1", "W2"], ["h2_mm"])
            .Node("Add", ["h2_mm", "B2"], ["h2_pre"])
            .Node("Relu", ["h2_pre"], ["h2"])
            .Node("MatMul", ["h2", "W3"], ["logits_mm"])
            .Node("Add", ["logits_mm", "B3"], ["logits"])
            .Node("Softmax", ["logits"], ["probabilities"], OnnxAttribute.Int("axis", -1))
            .Build(docString: "benchmark: " + name);
        return new BenchmarkModel(name, bytes, "features", inputs, "probabilities", 6, 10);
    }
}
