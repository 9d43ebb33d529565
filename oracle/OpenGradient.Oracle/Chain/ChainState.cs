namespace OpenGradient.Oracle.Chain;

/// <summary>
/// What the watcher last saw of the chain, for health checks and for features that need the chain's time: the head, the
/// confirmed head, the cursor and the latest block's timestamp with the local time it was seen at. Thread-safe.
/// </summary>
internal sealed class ChainState
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private ulong _head;
    private ulong _confirmedHead;
    private ulong _cursor;
    private ulong _headTimestamp;
    private long _headSeenAt;
    private DateTimeOffset? _lastSuccessfulPoll;
    private bool _chainVerified;

    public ChainState(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>The latest block number reported by the RPC node.</summary>
    public ulong Head
    {
        get
        {
            lock (_gate)
            {
                return _head;
            }
        }
    }

    /// <summary>The newest block treated as confirmed (head minus the confirmation depth).</summary>
    public ulong ConfirmedHead
    {
        get
        {
            lock (_gate)
            {
                return _confirmedHead;
            }
        }
    }

    /// <summary>The next block the watcher will read.</summary>
    public ulong Cursor
    {
        get
        {
            lock (_gate)
            {
                return _cursor;
            }
        }
    }

    /// <summary>Blocks the cursor trails the confirmed head by (0 when caught up).</summary>
    public ulong LagBlocks
    {
        get
        {
            lock (_gate)
            {
                return _confirmedHead + 1 > _cursor ? _confirmedHead + 1 - _cursor : 0;
            }
        }
    }

    /// <summary>When a poll last completed without an error; null before the first.</summary>
    public DateTimeOffset? LastSuccessfulPoll
    {
        get
        {
            lock (_gate)
            {
                return _lastSuccessfulPoll;
            }
        }
    }

    /// <summary>True once the RPC node's chain id was checked against the configuration.</summary>
    public bool ChainVerified
    {
        get
        {
            lock (_gate)
            {
                return _chainVerified;
            }
        }
    }

    /// <summary>
    /// A lower bound of the next block's timestamp: the head's timestamp plus the local time since it was seen
    /// (0 before the first poll).
    /// </summary>
    public ulong EstimatedChainTime
    {
        get
        {
            lock (_gate)
            {
                if (_headTimestamp == 0)
                {
                    return 0;
                }

                return _headTimestamp + (ulong)Math.Max(0, _time.GetElapsedTime(_headSeenAt).TotalSeconds);
            }
        }
    }

    internal void MarkChainVerified()
    {
        lock (_gate)
        {
            _chainVerified = true;
        }
    }

    internal void UpdateHead(ulong head, ulong confirmedHead, ulong headTimestamp)
    {
        lock (_gate)
        {
            _head = head;
            _confirmedHead = confirmedHead;
            if (headTimestamp != 0)
            {
                _headTimestamp = headTimestamp;
                _headSeenAt = _time.GetTimestamp();
            }
        }
    }

    internal void UpdateCursor(ulong cursor)
    {
        lock (_gate)
        {
            _cursor = cursor;
        }
    }

    internal void MarkPolled()
    {
        lock (_gate)
        {
            _lastSuccessfulPoll = _time.GetUtcNow();
        }
    }
}
