namespace OpenGradient.Models.Tests.Samples;

/// <summary>Plain C# reference computations of the sample models, written independently of the ONNX graphs.</summary>
internal static class ReferenceMath
{
    public static double Linear(ReadOnlySpan<float> x, IReadOnlyList<float> w, float b)
    {
        double sum = b;
        for (var i = 0; i < x.Length; i++)
        {
            sum += (double)x[i] * w[i];
        }

        return sum;
    }

    // W is [inputs, outputs] row-major: out[j] = Σ_i x[i] · W[i, j] + b[j].
    public static double[] Dense(ReadOnlySpan<double> x, IReadOnlyList<float> w, IReadOnlyList<float> b)
    {
        var outputs = b.Count;
        var result = new double[outputs];
        for (var j = 0; j < outputs; j++)
        {
            double sum = b[j];
            for (var i = 0; i < x.Length; i++)
            {
                sum += x[i] * w[(i * outputs) + j];
            }

            result[j] = sum;
        }

        return result;
    }

    public static double[] Relu(double[] x) => [.. x.Select(v => Math.Max(0, v))];

    public static double[] Softmax(double[] logits)
    {
        var max = logits.Max();
        var exp = logits.Select(v => Math.Exp(v - max)).ToArray();
        var sum = exp.Sum();
        return [.. exp.Select(v => v / sum)];
    }
}
