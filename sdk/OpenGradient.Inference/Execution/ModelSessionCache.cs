namespace OpenGradient.Inference.Execution;

/// <summary>
/// A bounded, thread-safe least-recently-used cache of loaded sessions keyed by model id. An evicted
/// session is disposed as soon as no run holds it.
/// </summary>
internal sealed class ModelSessionCache : IDisposable
{
    private readonly object _gate = new();
    private readonly int _capacity;
    private readonly Dictionary<ModelId, LinkedListNode<CachedSession>> _map = [];
    private readonly LinkedList<CachedSession> _order = new(); // most recently used first
    private bool _disposed;

    public ModelSessionCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _map.Count;
            }
        }
    }

    public bool Contains(ModelId id)
    {
        lock (_gate)
        {
            return _map.ContainsKey(id);
        }
    }

    /// <summary>A lease on the cached session of <paramref name="id"/>, or null.</summary>
    public SessionLease? TryAcquire(ModelId id)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_map.TryGetValue(id, out var node))
            {
                return null;
            }

            _order.Remove(node);
            _order.AddFirst(node);
            return new SessionLease(node.Value);
        }
    }

    /// <summary>
    /// Adds a freshly loaded session and returns a lease on the cached one. If another thread cached the
    /// same model meanwhile, the fresh session is disposed and the cached one is used.
    /// </summary>
    public SessionLease AddAndAcquire(CachedSession loaded)
    {
        CachedSession? evicted = null;
        SessionLease lease;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_map.TryGetValue(loaded.Id, out var existing))
            {
                _order.Remove(existing);
                _order.AddFirst(existing);
                lease = new SessionLease(existing.Value);
                evicted = loaded;
            }
            else
            {
                var node = _order.AddFirst(loaded);
                _map[loaded.Id] = node;
                lease = new SessionLease(loaded);
                if (_map.Count > _capacity)
                {
                    var last = _order.Last!;
                    _order.RemoveLast();
                    _map.Remove(last.Value.Id);
                    evicted = last.Value;
                }
            }
        }

        evicted?.MarkEvicted();
        return lease;
    }

    public void Dispose()
    {
        List<CachedSession> entries;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            entries = [.. _order];
            _order.Clear();
            _map.Clear();
        }

        foreach (var entry in entries)
        {
            entry.MarkEvicted();
        }
    }
}
