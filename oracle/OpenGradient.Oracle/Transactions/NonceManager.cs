using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Oracle.Transactions;

/// <summary>
/// Hands out the nonces of one key in order. The first reservation (and the first after <see cref="Reset"/>) starts from
/// the larger of the chain's pending transaction count and one past the highest nonce this node has recorded, so a restart
/// never reuses a nonce of a transaction it signed but the node has not seen yet.
/// </summary>
internal sealed class NonceManager : IDisposable
{
    private readonly Func<CancellationToken, Task<ulong>> _chainPendingCount;
    private readonly Func<ulong?> _highestRecorded;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ulong? _next;

    public NonceManager(Address sender, Func<CancellationToken, Task<ulong>> chainPendingCount, Func<ulong?> highestRecorded)
    {
        Sender = sender;
        _chainPendingCount = chainPendingCount;
        _highestRecorded = highestRecorded;
    }

    /// <summary>The key's address.</summary>
    public Address Sender { get; }

    /// <summary>
    /// Runs <paramref name="useNonce"/> with the next nonce while holding the key's lock, so nonces are signed and recorded in
    /// order. The nonce is consumed when <paramref name="useNonce"/> returns and given back when it throws.
    /// </summary>
    public async Task<T> WithNextNonceAsync<T>(Func<ulong, T> useNonce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(useNonce);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_next is null)
            {
                ulong chain = await _chainPendingCount(cancellationToken).ConfigureAwait(false);
                ulong? recorded = _highestRecorded();
                _next = recorded is { } highest ? Math.Max(chain, highest + 1) : chain;
            }

            ulong nonce = _next.Value;
            T result = useNonce(nonce);
            _next = nonce + 1;
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Gives back <paramref name="nonce"/> when it is the last one handed out and its transaction was refused for good, so the
    /// next intent fills the slot instead of leaving a gap that would block every later transaction.
    /// </summary>
    public async Task ReleaseAsync(ulong nonce)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_next == nonce + 1)
            {
                _next = nonce;
            }
            else
            {
                _next = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Forgets the local count (after "nonce too low"); the next reservation reads the chain again.</summary>
    public async Task ResetAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _next = null;
        }
        finally
        {
            _gate.Release();
        }
    }
}
