using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenGradient.Ethereum;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Oracle.Configuration;
using OpenGradient.Oracle.Ops;

namespace OpenGradient.Oracle.Chain;

/// <summary>
/// Follows the chain behind <see cref="ChainOptions.Confirmations"/> blocks: reads the hub, staking and registry logs with
/// <c>eth_getLogs</c> in bounded ranges, hands them in order to <see cref="ObservedLogChannel"/>, and moves the durable cursor
/// past a block only once the consumer acknowledged all of its logs. Before each step it checks that the last handled
/// block is still canonical (stored hash vs the node's hash, and the next block's parent hash); on a mismatch it walks back
/// to the newest stored block that is still canonical and reads again from there.
/// </summary>
internal sealed class ChainWatcher : BackgroundService
{
    private readonly JsonRpcClient _rpc;
    private readonly ChainCursorStore _store;
    private readonly ObservedLogChannel _channel;
    private readonly ChainState _state;
    private readonly ChainOptions _options;
    private readonly ResilienceOptions _resilience;
    private readonly OracleMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly IHostApplicationLifetime? _lifetime;
    private readonly ILogger<ChainWatcher> _log;
    private readonly Address[] _addresses;
    private readonly string _addressList;

    public ChainWatcher(
        JsonRpcClient rpc,
        ChainCursorStore store,
        ObservedLogChannel channel,
        ChainState state,
        IOptions<ChainOptions> options,
        IOptions<ResilienceOptions> resilience,
        OracleMetrics metrics,
        TimeProvider time,
        ILogger<ChainWatcher> log,
        IHostApplicationLifetime? lifetime = null)
    {
        _rpc = rpc;
        _store = store;
        _channel = channel;
        _state = state;
        _options = options.Value;
        _resilience = resilience.Value;
        _metrics = metrics;
        _time = time;
        _log = log;
        _lifetime = lifetime;
        var addresses = new List<Address>(3);
        foreach (string? text in new[] { _options.HubAddress, _options.StakingAddress, _options.RegistryAddress })
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                addresses.Add(Address.Parse(text));
            }
        }

        _addresses = [.. addresses];
        _addressList = string.Join(", ", _addresses);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await VerifyChainAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        ulong cursor = EnsureCursor();
        ChainLog.Started(_log, _options.ChainId, cursor, _options.Confirmations, _addressList);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                PollResult result = await PollOnceAsync(stoppingToken).ConfigureAwait(false);
                if (result == PollResult.CaughtUp)
                {
                    await Task.Delay(_options.PollInterval, _time, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (EthereumException e)
            {
                _metrics.RpcErrorsTotal.WithLabels("chain").Inc();
                ChainLog.PollFailed(_log, e, _resilience.LoopBackoff);
                await DelayQuietly(_resilience.LoopBackoff, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sets the cursor to the start block on a fresh database and returns it.</summary>
    internal ulong EnsureCursor()
    {
        ulong? cursor = _store.GetCursor();
        if (cursor is null)
        {
            cursor = _options.StartBlock ?? 0;
            _store.Initialize(cursor.Value);
        }

        _state.UpdateCursor(cursor.Value);
        _metrics.CursorBlock.Set(cursor.Value);
        return cursor.Value;
    }

    /// <summary>
    /// One step: check the newest handled block is still canonical, then read and deliver at most
    /// <see cref="ChainOptions.MaxBlockRange"/> confirmed blocks.
    /// </summary>
    internal async Task<PollResult> PollOnceAsync(CancellationToken cancellationToken)
    {
        Block head = await _rpc.GetBlockAsync(BlockParameter.Latest, cancellationToken: cancellationToken).ConfigureAwait(false)
            ?? throw new RpcResponseFormatException("eth_getBlockByNumber", "the node returned no latest block.");
        ulong confirmations = (ulong)_options.Confirmations;
        ulong confirmedHead = head.Number >= confirmations ? head.Number - confirmations : 0;
        _state.UpdateHead(head.Number, confirmedHead, head.Timestamp);
        ulong cursor = EnsureCursor();
        UpdateLag(head.Number, cursor);

        IReadOnlyList<StoredBlock> recent = _store.GetRecentBlocks(1);
        if (recent.Count == 1)
        {
            StoredBlock last = recent[0];
            Block? canonical = await _rpc.GetBlockAsync(last.Number, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (canonical is null || !SameHash(canonical.Hash, last.Hash))
            {
                await RewindAsync(last, canonical?.Hash ?? "(none)", cancellationToken).ConfigureAwait(false);
                return PollResult.Rewound;
            }
        }

        if (head.Number < confirmations || cursor > confirmedHead)
        {
            _state.MarkPolled();
            return PollResult.CaughtUp;
        }

        ulong to = Math.Min(confirmedHead, cursor + (ulong)_options.MaxBlockRange - 1);
        JsonRpcBatch batch = _rpc.CreateBatch();
        Task<Block?> firstTask = batch.Add(EthRequests.GetBlock(cursor));
        Task<Block?> lastTask = batch.Add(EthRequests.GetBlock(to));
        Task<IReadOnlyList<Log>> logsTask = batch.Add(EthRequests.GetLogs(new LogFilter
        {
            Addresses = _addresses,
            FromBlock = cursor,
            ToBlock = to,
        }));
        await batch.SendAsync(cancellationToken).ConfigureAwait(false);
        Block first = await firstTask.ConfigureAwait(false) ?? throw Missing(cursor);
        Block last2 = await lastTask.ConfigureAwait(false) ?? throw Missing(to);
        IReadOnlyList<Log> logs = await logsTask.ConfigureAwait(false);

        // The first new block must extend the last handled one.
        if (recent.Count == 1 && recent[0].Number + 1 == cursor && !SameHash(first.ParentHash, recent[0].Hash))
        {
            await RewindAsync(recent[0], first.ParentHash, cancellationToken).ConfigureAwait(false);
            return PollResult.Rewound;
        }

        // Headers of every block that has logs, to check each log's block hash and to give the consumer the block time.
        var headers = new Dictionary<ulong, Block> { [first.Number] = first, [last2.Number] = last2 };
        var byBlock = new SortedDictionary<ulong, List<Log>>();
        foreach (Log log in logs)
        {
            if (log.Removed || log.BlockNumber is not { } number || number < cursor || number > to)
            {
                continue;
            }

            if (!byBlock.TryGetValue(number, out List<Log>? list))
            {
                list = [];
                byBlock[number] = list;
            }

            list.Add(log);
        }

        await FetchHeadersAsync(byBlock.Keys, headers, cancellationToken).ConfigureAwait(false);
        foreach ((ulong number, List<Log> blockLogs) in byBlock)
        {
            Block header = headers[number];
            foreach (Log log in blockLogs)
            {
                if (log.BlockHash is null || !SameHash(log.BlockHash, header.Hash))
                {
                    // Wait a poll interval before reading again rather than spinning on a node that is mid-reorg.
                    ChainLog.InconsistentRange(_log, number);
                    return PollResult.CaughtUp;
                }
            }

            blockLogs.Sort(static (a, b) => (a.LogIndex ?? 0).CompareTo(b.LogIndex ?? 0));
        }

        ChainLog.RangeRead(_log, cursor, to, logs.Count);
        foreach ((ulong number, List<Log> blockLogs) in byBlock)
        {
            Block header = headers[number];
            await DeliverAsync(header, blockLogs, cancellationToken).ConfigureAwait(false);
            _store.Advance(ToStored(header), _options.ReorgHistoryBlocks);
            _state.UpdateCursor(number + 1);
        }

        _store.Advance(ToStored(last2), _options.ReorgHistoryBlocks);
        _state.UpdateCursor(to + 1);
        _metrics.CursorBlock.Set(to + 1);
        UpdateLag(head.Number, to + 1);
        _state.MarkPolled();
        return to < confirmedHead ? PollResult.Progressed : PollResult.CaughtUp;
    }

    private async Task DeliverAsync(Block header, List<Log> blockLogs, CancellationToken cancellationToken)
    {
        var acknowledgement = new BlockAcknowledgement(blockLogs.Count);
        string hash = header.Hash.ToLowerInvariant();
        for (int i = 0; i < blockLogs.Count; i++)
        {
            var observed = new ObservedLog(blockLogs[i], header.Number, hash, header.Timestamp, i, acknowledgement);
            await _channel.Writer.WriteAsync(observed, cancellationToken).ConfigureAwait(false);
            _metrics.LogsObserved.Inc();
        }

        await acknowledgement.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task FetchHeadersAsync(IEnumerable<ulong> numbers, Dictionary<ulong, Block> headers, CancellationToken cancellationToken)
    {
        JsonRpcBatch batch = _rpc.CreateBatch();
        var pending = new List<(ulong Number, Task<Block?> Task)>();
        foreach (ulong number in numbers)
        {
            if (!headers.ContainsKey(number))
            {
                pending.Add((number, batch.Add(EthRequests.GetBlock(number))));
            }
        }

        if (pending.Count == 0)
        {
            return;
        }

        await batch.SendAsync(cancellationToken).ConfigureAwait(false);
        foreach ((ulong number, Task<Block?> task) in pending)
        {
            headers[number] = await task.ConfigureAwait(false) ?? throw Missing(number);
        }
    }

    private async Task RewindAsync(StoredBlock mismatched, string canonicalHash, CancellationToken cancellationToken)
    {
        _metrics.Reorgs.Inc();
        IReadOnlyList<StoredBlock> stored = _store.GetRecentBlocks(_options.ReorgHistoryBlocks);
        foreach (StoredBlock block in stored)
        {
            Block? canonical = await _rpc.GetBlockAsync(block.Number, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (canonical is not null && SameHash(canonical.Hash, block.Hash))
            {
                _store.Rewind(block.Number);
                _state.UpdateCursor(block.Number + 1);
                ChainLog.Reorg(_log, mismatched.Number, mismatched.Hash, canonicalHash, block.Number);
                return;
            }
        }

        // Nothing stored is canonical any more: start again just before the oldest block we know of.
        ulong oldest = stored.Count > 0 ? stored[^1].Number : mismatched.Number;
        ulong lastGood = oldest > 0 ? oldest - 1 : 0;
        _store.Rewind(lastGood);
        _state.UpdateCursor(lastGood + 1);
        ChainLog.DeepReorg(_log, _options.ReorgHistoryBlocks, lastGood);
    }

    private async Task<bool> VerifyChainAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                ulong chainId = await _rpc.GetChainIdAsync(cancellationToken).ConfigureAwait(false);
                if (chainId != _options.ChainId)
                {
                    ChainLog.WrongChain(_log, chainId, _options.ChainId);
                    Environment.ExitCode = OracleHost.ConfigurationErrorExitCode;
                    _lifetime?.StopApplication();
                    return false;
                }

                _state.MarkChainVerified();
                return true;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return false;
            }
            catch (EthereumException e)
            {
                _metrics.RpcErrorsTotal.WithLabels("chain").Inc();
                ChainLog.PollFailed(_log, e, _resilience.LoopBackoff);
                await DelayQuietly(_resilience.LoopBackoff, cancellationToken).ConfigureAwait(false);
            }
        }

        return false;
    }

    private void UpdateLag(ulong head, ulong cursor)
    {
        _metrics.ConfirmedHeadBlock.Set(_state.ConfirmedHead);
        _metrics.CursorLagBlocks.Set(head + 1 > cursor ? head + 1 - cursor : 0);
    }

    private async Task DelayQuietly(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private static StoredBlock ToStored(Block block) => new(block.Number, block.Hash.ToLowerInvariant(), block.ParentHash.ToLowerInvariant());

    private static bool SameHash(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static RpcResponseFormatException Missing(ulong number) =>
        new("eth_getBlockByNumber", $"the node has no block {number} although it reported a higher head; it may be syncing or behind a load balancer.");
}
