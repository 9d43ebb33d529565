using System.Numerics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenGradient.Contracts;
using OpenGradient.Ethereum.Contracts;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Oracle.Configuration;
using OpenGradient.Oracle.Keys;
using OpenGradient.Oracle.Transactions;

namespace OpenGradient.Oracle.Staking;

/// <summary>
/// Tops the node's active stake up to <see cref="StakingOptions.EnsureStakeOpg"/> at start, through the idempotent
/// transaction sender (keys name the target, the stake seen and the attempt, so a restart mid-way does not stake twice).
/// A failed attempt (e.g. a stake whose gas estimate went stale because other nodes took the cheaper slots of the
/// eligible set first) is retried a few times with a growing pause before the node gives up and says what to do.
/// </summary>
internal sealed partial class StakeOnStart : BackgroundService
{
    private const int MaxAttempts = 5;
    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);
    private readonly StakingOptions _options;
    private readonly TxSender _sender;
    private readonly JsonRpcClient _rpc;
    private readonly NodeKey _key;
    private readonly ChainOptions _chain;
    private readonly TimeProvider _time;
    private readonly ILogger<StakeOnStart> _log;

    public StakeOnStart(
        IOptions<StakingOptions> options,
        TxSender sender,
        JsonRpcClient rpc,
        NodeKey key,
        IOptions<ChainOptions> chain,
        TimeProvider time,
        ILogger<StakeOnStart> log)
    {
        _options = options.Value;
        _sender = sender;
        _rpc = rpc;
        _key = key;
        _chain = chain.Value;
        _time = time;
        _log = log;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.EnsureStakeOpg <= 0)
        {
            return;
        }

        var target = OpgAmount.ToWei(_options.EnsureStakeOpg);
        var stakingAddress = Address.Parse(_chain.StakingAddress!);
        var staking = new NodeStakingService(new Web3(_rpc), stakingAddress);
        var pause = FirstPause;
        for (var attempt = 0; ; attempt++)
        {
            var info = await staking.NodeInfoAsync(_key.Address, null, stoppingToken).ConfigureAwait(false);
            if (info.Stake >= target)
            {
                AlreadyStaked(_log, OpgAmount.Format(info.Stake));
                return;
            }

            var missing = target - info.Stake;
            var stake = await TopUpAsync(stakingAddress, missing, $"{target}:{info.Stake}:{attempt}", stoppingToken).ConfigureAwait(false);
            if (stake.Succeeded)
            {
                Staked(_log, OpgAmount.Format(missing), OpgAmount.Format(target));
                return;
            }

            if (attempt + 1 >= MaxAttempts)
            {
                StakeFailed(_log, MaxAttempts, stake.ErrorName ?? stake.Status.ToString(), stake.Detail);
                return;
            }

            StakeRetrying(_log, attempt + 1, stake.ErrorName ?? stake.Status.ToString(), stake.Detail, pause);
            await Task.Delay(pause, _time, stoppingToken).ConfigureAwait(false);
            pause *= 2;
        }
    }

    private async Task<TxOutcome> TopUpAsync(Address stakingAddress, BigInteger missing, string keySuffix, CancellationToken stoppingToken)
    {
        var approve = await _sender.SubmitAsync(
            new TxIntent($"stake-approve:{keySuffix}", Address.Parse(_chain.TokenAddress!), OPGTokenService.EncodeApprove(stakingAddress, missing)),
            stoppingToken).ConfigureAwait(false);
        return approve.Succeeded
            ? await _sender.SubmitAsync(new TxIntent($"stake:{keySuffix}", stakingAddress, NodeStakingService.EncodeStake(missing)), stoppingToken).ConfigureAwait(false)
            : approve;
    }

    [LoggerMessage(3200, LogLevel.Information, "Active stake is {Stake} OPG, at or above Staking:EnsureStakeOpg")]
    private static partial void AlreadyStaked(ILogger logger, string stake);

    [LoggerMessage(3201, LogLevel.Information, "Staked {Amount} OPG; active stake is now {Target} OPG")]
    private static partial void Staked(ILogger logger, string amount, string target);

    [LoggerMessage(3202, LogLevel.Error, "Could not stake to Staking:EnsureStakeOpg in {Attempts} attempts ({Error}: {Detail}); fund the node with OPG or stake by hand")]
    private static partial void StakeFailed(ILogger logger, int attempts, string error, string detail);

    [LoggerMessage(3203, LogLevel.Warning, "Staking attempt {Attempt} failed ({Error}: {Detail}); trying again in {Pause}")]
    private static partial void StakeRetrying(ILogger logger, int attempt, string error, string detail, TimeSpan pause);
}
