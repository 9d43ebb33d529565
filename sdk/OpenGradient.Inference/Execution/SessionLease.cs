namespace OpenGradient.Inference.Execution;

/// <summary>Use of a cached session for one run; disposing it releases the session.</summary>
internal sealed class SessionLease : IDisposable
{
    private CachedSession? _entry;

    public SessionLease(CachedSession entry)
    {
        entry.AddUser();
        _entry = entry;
    }

    public CachedSession Entry => _entry ?? throw new ObjectDisposedException(nameof(SessionLease));

    public void Dispose()
    {
        Interlocked.Exchange(ref _entry, null)?.ReleaseUser();
    }
}
