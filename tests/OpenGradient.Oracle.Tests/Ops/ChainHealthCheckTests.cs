using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using OpenGradient.Oracle.Chain;
using OpenGradient.Oracle.Configuration;
using OpenGradient.Oracle.Ops;

namespace OpenGradient.Oracle.Tests.Ops;

public sealed class ChainHealthCheckTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch.AddYears(56));

    [Test]
    public async Task Check_BeforeTheChainIdIsVerified_IsUnhealthy()
    {
        var state = new ChainState(_time);

        HealthCheckResult result = await Check(state);

        Assert.That(result.Status, Is.EqualTo(HealthStatus.Unhealthy));
        Assert.That(result.Description, Does.Contain("chain id"));
    }

    [Test]
    public async Task Check_FreshPollAndSmallLag_IsHealthy()
    {
        ChainState state = Verified(head: 100, confirmedHead: 98, cursor: 95);

        Assert.That((await Check(state)).Status, Is.EqualTo(HealthStatus.Healthy));
    }

    [Test]
    public async Task Check_NoPollForLongerThanTheStaleLimit_IsUnhealthy()
    {
        ChainState state = Verified(head: 100, confirmedHead: 98, cursor: 99);

        _time.Advance(TimeSpan.FromSeconds(31));

        Assert.That((await Check(state)).Description, Does.Contain("no successful chain poll"));
    }

    [Test]
    public async Task Check_CursorFarBehind_IsUnhealthyNamingTheSetting()
    {
        ChainState state = Verified(head: 1_000, confirmedHead: 998, cursor: 10);

        HealthCheckResult result = await Check(state);

        Assert.That(result.Status, Is.EqualTo(HealthStatus.Unhealthy));
        Assert.That(result.Description, Does.Contain("Http:MaxCursorLagBlocks"));
    }

    [Test]
    public void EstimatedChainTime_AdvancesWithLocalTimeSinceTheHeadWasSeen()
    {
        ChainState state = Verified(head: 5, confirmedHead: 5, cursor: 6);

        _time.Advance(TimeSpan.FromSeconds(7));

        Assert.That(state.EstimatedChainTime, Is.EqualTo(1_000UL + 7));
    }

    private ChainState Verified(ulong head, ulong confirmedHead, ulong cursor)
    {
        var state = new ChainState(_time);
        state.MarkChainVerified();
        state.UpdateHead(head, confirmedHead, 1_000);
        state.UpdateCursor(cursor);
        state.MarkPolled();
        return state;
    }

    private Task<HealthCheckResult> Check(ChainState state) =>
        new ChainHealthCheck(state, Options.Create(new HttpOptions { MaxCursorLagBlocks = 50 }), Options.Create(new ChainOptions { PollInterval = TimeSpan.FromSeconds(1) }), _time)
            .CheckHealthAsync(new HealthCheckContext());
}
