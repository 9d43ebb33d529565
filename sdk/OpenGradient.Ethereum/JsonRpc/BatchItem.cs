using System.Text.Json;

namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>One call of a <see cref="JsonRpcBatch"/>, type-erased so the batch can hold calls of different result types.</summary>
internal abstract class BatchItem
{
    public long Id { get; set; }

    public abstract string Method { get; }

    public abstract bool IsIdempotent { get; }

    public abstract bool IsCompleted { get; }

    public abstract void WriteParams(Utf8JsonWriter writer);

    public abstract void Complete(JsonElement result);

    public abstract void Fail(Exception exception);
}

/// <summary>A batch call with result type <typeparamref name="T"/>.</summary>
internal sealed class BatchItem<T> : BatchItem
{
    private readonly RpcRequest<T> _request;
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public BatchItem(RpcRequest<T> request) => _request = request;

    public Task<T> Task => _completion.Task;

    public override string Method => _request.Method;

    public override bool IsIdempotent => _request.IsIdempotent;

    public override bool IsCompleted => _completion.Task.IsCompleted;

    public override void WriteParams(Utf8JsonWriter writer) => _request.WriteParams(writer);

    public override void Complete(JsonElement result)
    {
        T value;
        try
        {
            value = _request.Parse(result);
        }
        catch (EthereumException e)
        {
            _completion.TrySetException(e);
            return;
        }

        _completion.TrySetResult(value);
    }

    public override void Fail(Exception exception)
    {
        if (exception is OperationCanceledException canceled)
        {
            _completion.TrySetCanceled(canceled.CancellationToken);
        }
        else
        {
            _completion.TrySetException(exception);
        }
    }
}
