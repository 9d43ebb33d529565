using OpenGradient.Inference.Tensors;

namespace OpenGradient.Inference.Execution;

/// <summary>
/// The outcome of one execution: canonical outputs, or a failure reason and a message that says what
/// was wrong and what to do. Expected failures (bad input, broken model) are results, not exceptions.
/// </summary>
public sealed class ExecutionResult
{
    private ExecutionResult(TensorList? outputs, FailureReason reason, string message)
    {
        Outputs = outputs;
        Reason = reason;
        Message = message;
    }

    /// <summary>True when the model ran and every output was encoded.</summary>
    public bool IsSuccess => Outputs is not null;

    /// <summary>The canonical outputs in the model's declared output order; null on failure.</summary>
    public TensorList? Outputs { get; }

    /// <summary><see cref="FailureReason.None"/> on success.</summary>
    public FailureReason Reason { get; }

    /// <summary>Empty on success; otherwise what went wrong and what to do.</summary>
    public string Message { get; }

    /// <summary>A successful result.</summary>
    public static ExecutionResult Success(TensorList outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        return new ExecutionResult(outputs, FailureReason.None, string.Empty);
    }

    /// <summary>A failed result.</summary>
    public static ExecutionResult Failed(FailureReason reason, string message)
    {
        if (reason == FailureReason.None)
        {
            throw new ArgumentException("A failure needs a reason other than None.", nameof(reason));
        }

        return new ExecutionResult(null, reason, message);
    }

    /// <summary>The canonical output bytes (docs/protocol.md section 1).</summary>
    /// <exception cref="InvalidOperationException">The execution failed.</exception>
    public byte[] EncodeOutputs() =>
        (Outputs ?? throw new InvalidOperationException($"The execution failed ({Reason}: {Message}); there are no outputs to encode.")).Encode();

    /// <inheritdoc />
    public override string ToString() => IsSuccess ? $"Success {Outputs}" : $"Failed {Reason} ({(int)Reason}): {Message}";
}
