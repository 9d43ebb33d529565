namespace OpenGradient.Oracle.Chain;

/// <summary>Counts the acknowledgements of one block's logs; completes when all have arrived.</summary>
internal sealed class BlockAcknowledgement
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _remaining;

    public BlockAcknowledgement(int count)
    {
        Count = count;
        _remaining = count;
        if (count == 0)
        {
            _done.TrySetResult();
        }
    }

    public int Count { get; }

    public Task Completion => _done.Task;

    public void Signal()
    {
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            _done.TrySetResult();
        }
    }
}
