namespace OpenGradient.Inference.Tensors;

/// <summary>One element where two outputs differ.</summary>
/// <param name="Tensor">The tensor's name.</param>
/// <param name="Index">The row-major index inside the tensor.</param>
/// <param name="Expected">The reference value (e.g. the local re-execution), quantized.</param>
/// <param name="Actual">The value under test (e.g. the on-chain result), quantized.</param>
/// <param name="Difference">|Expected − Actual| in quantized units.</param>
/// <param name="WithinTolerance">Whether the difference is allowed by the tolerance.</param>
public sealed record ElementDifference(
    string Tensor,
    int Index,
    Int128 Expected,
    Int128 Actual,
    UInt128 Difference,
    bool WithinTolerance);
