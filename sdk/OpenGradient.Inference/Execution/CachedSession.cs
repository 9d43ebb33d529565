using Microsoft.ML.OnnxRuntime;

namespace OpenGradient.Inference.Execution;

/// <summary>
/// A loaded session with a reference count: the cache can evict it while a run still uses it, and
/// the session is disposed only when the last user releases it.
/// </summary>
internal sealed class CachedSession
{
    private readonly object _gate = new();
    private int _users;
    private bool _evicted;
    private bool _disposed;

    public CachedSession(ModelId id, InferenceSession session, ModelSignature signature)
    {
        Id = id;
        Session = session;
        Signature = signature;
        OutputNames = new string[signature.Outputs.Count];
        for (var i = 0; i < OutputNames.Length; i++)
        {
            OutputNames[i] = signature.Outputs[i].Name;
        }
    }

    public ModelId Id { get; }

    public InferenceSession Session { get; }

    public ModelSignature Signature { get; }

    /// <summary>The declared output names in order, built once (every run asks for all of them).</summary>
    public string[] OutputNames { get; }

    public bool IsDisposed
    {
        get
        {
            lock (_gate)
            {
                return _disposed;
            }
        }
    }

    public void AddUser()
    {
        lock (_gate)
        {
            _users++;
        }
    }

    public void ReleaseUser()
    {
        lock (_gate)
        {
            _users--;
            DisposeIfUnused();
        }
    }

    public void MarkEvicted()
    {
        lock (_gate)
        {
            _evicted = true;
            DisposeIfUnused();
        }
    }

    private void DisposeIfUnused()
    {
        if (_evicted && _users == 0 && !_disposed)
        {
            _disposed = true;
            Session.Dispose();
        }
    }
}
