using System.ComponentModel.DataAnnotations;

namespace OpenGradient.Inference.Execution;

/// <summary>
/// Settings of the execution core. Everything that could change output bits across machines is
/// fixed in code (see docs/models.md); only the thread count and the cache size are options, and the
/// sample models give identical bytes for 1 and 2 intra-op threads (a test pins this).
/// </summary>
public sealed class ExecutionOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Execution";

    /// <summary>ONNX Runtime intra-op threads. 1 (the default) is the reference setting.</summary>
    [Range(1, 64)]
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>How many loaded models (sessions) to keep; the least recently used is disposed beyond it.</summary>
    [Range(1, 1024)]
    public int SessionCacheCapacity { get; set; } = 8;

    /// <summary>Largest number of elements over all outputs of one run; more gives <see cref="FailureReason.OutputTooLarge"/>.</summary>
    [Range(1, 100_000_000)]
    public int MaxOutputElements { get; set; } = 1_000_000;

    /// <summary>Largest number of elements over all inputs of one run; more gives <see cref="FailureReason.BadInput"/>.</summary>
    [Range(1, 100_000_000)]
    public int MaxInputElements { get; set; } = 1_000_000;
}
