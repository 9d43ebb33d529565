using System.Collections.Concurrent;
using System.Numerics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenGradient.Contracts;
using OpenGradient.Ethereum;
using OpenGradient.Ethereum.Abi;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Transactions;
using OpenGradient.Oracle.Configuration;
using OpenGradient.Oracle.Keys;
using OpenGradient.Oracle.Ops;

namespace OpenGradient.Oracle.Transactions;

/// <summary>
/// Sends the node's transactions exactly once per idempotency key. An intent is stored before anything is signed, and each
/// signed transaction is stored before it is broadcast; so after a crash the sender knows every hash it may have sent and
/// reconciles with the chain (receipt by hash, nonce consumed or not) instead of sending blindly. EIP-1559 fees from the fee
/// history; a transaction without a receipt after <see cref="TransactionSenderOptions.StuckAfter"/> is replaced with the same
/// nonce and fees raised by <see cref="TransactionSenderOptions.FeeBumpPercent"/>; outcomes wait for
/// <see cref="TransactionSenderOptions.Confirmations"/>; a revert is reported with the contract's custom error name.
/// </summary>
internal sealed class TxSender : IHostedService, IDisposable
{
    private const int MaxFreshSends = 8;
    private readonly JsonRpcClient _rpc;
    private readonly TxStore _store;
    private readonly FeeEstimator _fees;
    private readonly NodeKey _key;
    private readonly TransactionSenderOptions _options;
    private readonly ResilienceOptions _resilience;
    private readonly OracleMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<TxSender> _log;
    private readonly NonceManager _nonces;
    private readonly TxBroadcaster _wire;
    private readonly ConcurrentDictionary<string, Task<TxOutcome>> _inflight = new(StringComparer.Ordinal);
    private readonly Lock _submitGate = new();
    private readonly CancellationTokenSource _stopping = new();

    public TxSender(
        JsonRpcClient rpc,
        TxStore store,
        FeeEstimator fees,
        NodeKey key,
        IOptions<TransactionSenderOptions> options,
        IOptions<ChainOptions> chain,
        IOptions<ResilienceOptions> resilience,
        OracleMetrics metrics,
        TimeProvider time,
        ILogger<TxSender> log)
    {
        _rpc = rpc;
        _store = store;
        _fees = fees;
        _key = key;
        _options = options.Value;
        _resilience = resilience.Value;
        _metrics = metrics;
        _time = time;
        _log = log;
        _wire = new TxBroadcaster(rpc, key, _options, chain.Value, metrics, time, log);
        _nonces = new NonceManager(
            key.Address,
            ct => _rpc.GetTransactionCountAsync(key.Address, BlockParameter.Pending, ct),
            () => _store.MaxNonce(key.Address));
    }

    /// <summary>How many intents this process is driving now.</summary>
    public int InFlight => _inflight.Count;

    /// <summary>
    /// Gets <paramref name="intent"/> on chain once and returns its outcome. The same key again (now or after a restart)
    /// returns the same outcome without a second transaction. Cancelling <paramref name="cancellationToken"/> stops waiting,
    /// not the transaction.
    /// </summary>
    /// <exception cref="TxSendException">The key was used before for a different call.</exception>
    public Task<TxOutcome> SubmitAsync(TxIntent intent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intent);
        if (string.IsNullOrWhiteSpace(intent.Key) || intent.Key.Length > 200)
        {
            throw new TxSendException($"The idempotency key '{intent.Key}' must be 1..200 characters; name the action and its subject, e.g. submit:42.");
        }

        Task<TxOutcome> task;
        lock (_submitGate)
        {
            if (!_inflight.TryGetValue(intent.Key, out task!))
            {
                StoredIntent? stored = _store.Get(intent.Key);
                if (stored?.Outcome is { } done)
                {
                    return Task.FromResult(done);
                }

                if (stored is not null && (stored.Intent.To != intent.To || !stored.Intent.Data.AsSpan().SequenceEqual(intent.Data)))
                {
                    throw new TxSendException(
                        $"The idempotency key '{intent.Key}' was already used for a different call to {stored.Intent.To}; use a new key (e.g. add an attempt number) for a different transaction.");
                }

                if (stored is null)
                {
                    _store.TryInsert(intent, _key.Address);
                }

                task = Start(intent.Key);
            }
        }

        return task.WaitAsync(cancellationToken);
    }

    /// <summary>Resumes every unfinished intent recorded by an earlier run.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> pending = _store.PendingKeys();
        if (pending.Count > 0)
        {
            TxLog.Resuming(_log, pending.Count);
        }

        lock (_submitGate)
        {
            // Re-broadcast the recorded transactions in nonce order before the drives run concurrently: a node that does not
            // queue future nonces (Hardhat under automine) refuses nonce n+1 while n is not in yet.
            Task resent = Task.Run(() => RebroadcastInNonceOrderAsync(pending, _stopping.Token), CancellationToken.None);
            foreach (string key in pending)
            {
                if (!_inflight.ContainsKey(key))
                {
                    Start(key, resent);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Stops driving intents; they stay recorded and resume at the next start.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task[] running = [.. _inflight.Values];
        try
        {
            await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Expected: the drives end by cancellation; their intents stay pending in the database.
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _nonces.Dispose();
    }

    private async Task RebroadcastInNonceOrderAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var newest = new List<StoredAttempt>();
        foreach (string key in keys)
        {
            IReadOnlyList<StoredAttempt> attempts = _store.Attempts(key);
            if (attempts.Count > 0)
            {
                newest.Add(attempts[^1]);
            }
        }

        newest.Sort((a, b) => a.Nonce.CompareTo(b.Nonce));
        foreach (StoredAttempt attempt in newest)
        {
            // Outcomes do not matter here: each drive re-sends and reconciles its own intent afterwards.
            try
            {
                await _wire.BroadcastAsync(attempt.Raw, cancellationToken).ConfigureAwait(false);
            }
            catch (EthereumException e) when (e is RpcResponseFormatException)
            {
                TxLog.RpcTrouble(_log, e, attempt.TransactionHash);
            }
        }
    }

    private Task<TxOutcome> Start(string key, Task? after = null)
    {
        Task<TxOutcome> task = Task.Run(async () =>
        {
            if (after is not null)
            {
                // Only stopping ends the ordered re-broadcast early, and then the drive ends by cancellation too.
                await after.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            return await DriveAsync(key, _stopping.Token).ConfigureAwait(false);
        });
        _inflight[key] = task;
        _metrics.PendingTransactions.Set(_inflight.Count);
        _ = task.ContinueWith(
            _ =>
            {
                _inflight.TryRemove(key, out Task<TxOutcome>? _);
                _metrics.PendingTransactions.Set(_inflight.Count);
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return task;
    }

    private async Task<TxOutcome> DriveAsync(string key, CancellationToken cancellationToken)
    {
        StoredIntent stored = _store.Get(key) ?? throw new InvalidOperationException($"Intent {key} vanished from the database.");
        if (stored.Outcome is { } done)
        {
            return done;
        }

        var attempts = new List<StoredAttempt>(_store.Attempts(key));
        TxLog.Resumed(_log, key, attempts.Count);
        int freshSends = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (attempts.Count == 0)
                {
                    if (++freshSends > MaxFreshSends)
                    {
                        return Finish(Rejected(key, $"gave up after {MaxFreshSends} sends whose nonces were taken by other transactions; check nothing else signs with this node's key."));
                    }

                    TxOutcome? early = await SendFreshAsync(stored.Intent, attempts, cancellationToken).ConfigureAwait(false);
                    if (early is not null)
                    {
                        return Finish(early);
                    }
                }
                else
                {
                    // Re-entry after a restart or a lost answer: the newest recorded bytes go out again (same hash, harmless if known).
                    BroadcastResult again = await _wire.BroadcastAsync(attempts[^1].Raw, cancellationToken).ConfigureAwait(false);
                    if (again == BroadcastResult.NonceGap)
                    {
                        // A lower nonce of ours is not in yet (its drive sends it); these bytes stay valid, so wait and resend.
                        await Task.Delay(_resilience.LoopBackoff, _time, cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    if (again == BroadcastResult.Rejected)
                    {
                        TransactionReceipt? mined = await _wire.FindReceiptAsync(attempts, cancellationToken).ConfigureAwait(false);
                        if (mined is null)
                        {
                            await _nonces.ResetAsync().ConfigureAwait(false);
                            return Finish(Rejected(key, "the node refused the recorded transaction for good; see the node log."));
                        }
                    }
                }

                TxOutcome? outcome = await MonitorAsync(stored.Intent, attempts, cancellationToken).ConfigureAwait(false);
                if (outcome is not null)
                {
                    return Finish(outcome);
                }

                // The nonce was consumed by something that is not ours: send afresh with a new nonce.
                attempts.Clear();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (EthereumException e) when (e is RpcTransportException or RpcResponseFormatException or JsonRpcException)
            {
                _metrics.RpcErrorsTotal.WithLabels("transactions").Inc();
                TxLog.RpcTrouble(_log, e, key);
                await Task.Delay(_resilience.LoopBackoff, _time, cancellationToken).ConfigureAwait(false);
                attempts = [.. _store.Attempts(key)];
            }
        }
    }

    /// <summary>Estimates, prices, signs, records and broadcasts a new transaction; returns an outcome only when it ends early.</summary>
    private async Task<TxOutcome?> SendFreshAsync(TxIntent intent, List<StoredAttempt> attempts, CancellationToken cancellationToken)
    {
        ulong gasLimit;
        if (intent.GasLimit is { } fixedGas)
        {
            gasLimit = fixedGas;
        }
        else
        {
            try
            {
                ulong estimate = await _rpc.EstimateGasAsync(
                    new CallRequest { From = _key.Address, To = intent.To, Data = intent.Data, Value = intent.Value },
                    BlockParameter.Pending,
                    cancellationToken).ConfigureAwait(false);
                gasLimit = estimate + (estimate * (ulong)_options.GasEstimateMarginPercent / 100);
            }
            catch (ContractRevertedException revert)
            {
                string name = TxBroadcaster.ErrorName(revert);
                TxLog.WouldRevert(_log, intent.Key, name);
                return new TxOutcome(intent.Key, TxStatus.Reverted, null, null, 0, BigInteger.Zero, name, revert.Message, Sent: false);
            }
        }

        Fees fees = await _fees.SuggestAsync(cancellationToken).ConfigureAwait(false);
        StoredAttempt attempt = await _nonces.WithNextNonceAsync(
            nonce =>
            {
                StoredAttempt signed = _wire.Sign(intent, nonce, fees, gasLimit);
                _store.RecordAttempt(intent.Key, signed);
                return signed;
            },
            cancellationToken).ConfigureAwait(false);
        attempts.Add(attempt);
        TxLog.Sent(_log, intent.Key, attempt.TransactionHash, attempt.Nonce, fees.MaxFeePerGas, fees.MaxPriorityFeePerGas, gasLimit);

        for (int tries = 0; ; tries++)
        {
            BroadcastResult result = await _wire.BroadcastAsync(attempt.Raw, cancellationToken).ConfigureAwait(false);
            switch (result)
            {
                case BroadcastResult.Accepted or BroadcastResult.Uncertain:
                    return null;
                case BroadcastResult.Unreachable or BroadcastResult.NonceGap:
                    await Task.Delay(_resilience.LoopBackoff, _time, cancellationToken).ConfigureAwait(false);
                    continue;
                case BroadcastResult.NonceTooLow:
                    // That nonce can never be mined for this transaction: it is safe to start over with a fresh one.
                    await _nonces.ResetAsync().ConfigureAwait(false);
                    attempts.Clear();
                    return await SendFreshAsync(intent, attempts, cancellationToken).ConfigureAwait(false);
                case BroadcastResult.Underpriced when tries < 10:
                    Fees bumped = FeeEstimator.Bump(attempt.Fees, await _fees.SuggestAsync(cancellationToken).ConfigureAwait(false), _options);
                    attempt = _wire.Sign(intent, attempt.Nonce, bumped, gasLimit);
                    _store.RecordAttempt(intent.Key, attempt);
                    attempts.Add(attempt);
                    continue;
                default:
                    // Hardhat under automine mines a transaction that fails (reverts, runs out of gas) and answers its
                    // broadcast with an error: when it was mined, the receipt decides the outcome and the nonce is spent.
                    if (await _wire.FindReceiptAsync(attempts, cancellationToken).ConfigureAwait(false) is not null)
                    {
                        return null;
                    }

                    await _nonces.ReleaseAsync(attempt.Nonce).ConfigureAwait(false);
                    return Rejected(intent.Key, $"the node refused transaction {attempt.TransactionHash} ({result}); check the node's balance and the log.");
            }
        }
    }

    /// <summary>Waits for a receipt of any attempt, replacing the transaction when stuck. Null: the nonce went to another transaction.</summary>
    private async Task<TxOutcome?> MonitorAsync(TxIntent intent, List<StoredAttempt> attempts, CancellationToken cancellationToken)
    {
        long lastSent = _time.GetTimestamp();
        int nonceTakenStrikes = 0;
        while (true)
        {
            TransactionReceipt? receipt = await _wire.FindReceiptAsync(attempts, cancellationToken).ConfigureAwait(false);
            if (receipt is not null)
            {
                TxOutcome? outcome = await _wire.ConfirmAsync(intent, receipt, cancellationToken).ConfigureAwait(false);
                if (outcome is not null)
                {
                    return outcome;
                }
            }
            else
            {
                StoredAttempt newest = attempts[^1];
                ulong mined = await _rpc.GetTransactionCountAsync(_key.Address, BlockParameter.Latest, cancellationToken).ConfigureAwait(false);
                if (mined > newest.Nonce)
                {
                    // Our nonce is used but no receipt of ours: give a receipt lookup that raced the block a few polls first.
                    if (++nonceTakenStrikes >= 3)
                    {
                        TxLog.NonceTaken(_log, intent.Key, newest.Nonce);
                        return null;
                    }
                }
                else
                {
                    nonceTakenStrikes = 0;
                    TimeSpan waited = _time.GetElapsedTime(lastSent);
                    if (waited >= _options.StuckAfter)
                    {
                        Fees bumped = FeeEstimator.Bump(newest.Fees, await _fees.SuggestAsync(cancellationToken).ConfigureAwait(false), _options);
                        if (FeeEstimator.IsValidReplacement(newest.Fees, bumped))
                        {
                            StoredAttempt replacement = _wire.Sign(intent, newest.Nonce, bumped, newest.GasLimit);
                            _store.RecordAttempt(intent.Key, replacement);
                            attempts.Add(replacement);
                            _metrics.TransactionReplacements.Inc();
                            TxLog.Replacing(_log, intent.Key, newest.TransactionHash, waited, bumped.MaxFeePerGas, bumped.MaxPriorityFeePerGas);
                            await _wire.BroadcastAsync(replacement.Raw, cancellationToken).ConfigureAwait(false);
                        }
                        else
                        {
                            // At the fee cap: keep the transaction in the pool by sending the same bytes again.
                            await _wire.BroadcastAsync(newest.Raw, cancellationToken).ConfigureAwait(false);
                        }

                        lastSent = _time.GetTimestamp();
                    }
                }
            }

            await Task.Delay(_options.ReceiptPollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private TxOutcome Finish(TxOutcome outcome)
    {
        _store.Complete(outcome);
        _metrics.TransactionsTotal.WithLabels(outcome.Status.ToString().ToLowerInvariant()).Inc();
        TxLog.Completed(_log, outcome.Key, outcome.Status, outcome.TransactionHash, outcome.BlockNumber, outcome.GasUsed, outcome.ErrorName);
        return outcome;
    }

    private static TxOutcome Rejected(string key, string detail) =>
        new(key, TxStatus.Rejected, null, null, 0, BigInteger.Zero, null, detail, Sent: false);
}
