using OpenGradient.Models.Onnx;

namespace OpenGradient.Inference.Tests.Support;

/// <summary>Small models built for the executor's edge cases.</summary>
internal static class TestModels
{
    /// <summary>"x" float[batch, 4] → "y" = x · 2 (dynamic first dimension).</summary>
    public static byte[] DynamicBatchDoubler() =>
        new OnnxModelBuilder("doubler")
            .Input("x", OnnxElementType.Float, OnnxDimension.Dynamic("batch"), 4)
            .Output("y", OnnxElementType.Float, OnnxDimension.Dynamic("batch"), 4)
            .Initializer("two", [1], [2f])
            .Node("Mul", ["x", "two"], ["y"])
            .Build();

    /// <summary>"x" float[2] → "y" = sqrt(x): a negative input gives NaN.</summary>
    public static byte[] Sqrt() =>
        new OnnxModelBuilder("sqrt")
            .Input("x", OnnxElementType.Float, 2)
            .Output("y", OnnxElementType.Float, 2)
            .Node("Sqrt", ["x"], ["y"])
            .Build();

    /// <summary>"x" float[1] → "y" = x · 1e30: too large for 18 decimals.</summary>
    public static byte[] Amplifier() =>
        new OnnxModelBuilder("amplifier")
            .Input("x", OnnxElementType.Float, 1)
            .Output("y", OnnxElementType.Float, 1)
            .Initializer("k", [1], [1e30f])
            .Node("Mul", ["x", "k"], ["y"])
            .Build();

    /// <summary>"i" int32[3] → "o" = i (Identity), and "flag" bool[2] → "notflag".</summary>
    public static byte[] IntAndBool() =>
        new OnnxModelBuilder("int_and_bool")
            .Input("i", OnnxElementType.Int32, 3)
            .Input("flag", OnnxElementType.Bool, 2)
            .Output("o", OnnxElementType.Int32, 3)
            .Output("notflag", OnnxElementType.Bool, 2)
            .Node("Identity", ["i"], ["o"])
            .Node("Not", ["flag"], ["notflag"])
            .Build();
}
