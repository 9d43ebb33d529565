using NUnit.Framework;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Oracle.Transactions;

namespace OpenGradient.Oracle.Tests.Transactions;

public sealed class NonceManagerTests
{
    private static readonly Address Sender = Address.Parse("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");

    [Test]
    public async Task WithNextNonce_FreshStart_StartsAtTheChainCountAndIncrements()
    {
        using var nonces = new NonceManager(Sender, _ => Task.FromResult(5UL), () => null);

        ulong first = await nonces.WithNextNonceAsync(n => n, CancellationToken.None);
        ulong second = await nonces.WithNextNonceAsync(n => n, CancellationToken.None);

        Assert.That((first, second), Is.EqualTo((5UL, 6UL)));
    }

    [Test]
    public async Task WithNextNonce_RecordedAheadOfTheChain_ContinuesAfterTheRecordedNonce()
    {
        // A restart: the node signed nonce 9 but the RPC node has not seen it (count still 7).
        using var nonces = new NonceManager(Sender, _ => Task.FromResult(7UL), () => 9UL);

        ulong next = await nonces.WithNextNonceAsync(n => n, CancellationToken.None);

        Assert.That(next, Is.EqualTo(10UL));
    }

    [Test]
    public async Task WithNextNonce_ChainAheadOfRecords_UsesTheChainCount()
    {
        using var nonces = new NonceManager(Sender, _ => Task.FromResult(12UL), () => 3UL);

        Assert.That(await nonces.WithNextNonceAsync(n => n, CancellationToken.None), Is.EqualTo(12UL));
    }

    [Test]
    public async Task WithNextNonce_CallbackThrows_DoesNotConsumeTheNonce()
    {
        using var nonces = new NonceManager(Sender, _ => Task.FromResult(0UL), () => null);

        Assert.ThrowsAsync<InvalidOperationException>(() => nonces.WithNextNonceAsync<ulong>(_ => throw new InvalidOperationException("disk full"), CancellationToken.None));
        ulong next = await nonces.WithNextNonceAsync(n => n, CancellationToken.None);

        Assert.That(next, Is.EqualTo(0UL));
    }

    [Test]
    public async Task Release_OfTheLastNonce_HandsItOutAgain()
    {
        using var nonces = new NonceManager(Sender, _ => Task.FromResult(3UL), () => null);
        ulong refused = await nonces.WithNextNonceAsync(n => n, CancellationToken.None);

        await nonces.ReleaseAsync(refused);

        Assert.That(await nonces.WithNextNonceAsync(n => n, CancellationToken.None), Is.EqualTo(refused));
    }

    [Test]
    public async Task Reset_ReadsTheChainAgain()
    {
        ulong chainCount = 1;
        using var nonces = new NonceManager(Sender, _ => Task.FromResult(chainCount), () => null);
        await nonces.WithNextNonceAsync(n => n, CancellationToken.None);
        chainCount = 40;

        await nonces.ResetAsync();

        Assert.That(await nonces.WithNextNonceAsync(n => n, CancellationToken.None), Is.EqualTo(40UL));
    }

    [Test]
    public async Task WithNextNonce_ConcurrentCallers_GetDistinctConsecutiveNonces()
    {
        using var nonces = new NonceManager(Sender, _ => Task.FromResult(100UL), () => null);

        ulong[] handedOut = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => nonces.WithNextNonceAsync(n => n, CancellationToken.None))));

        Assert.That(handedOut.Order(), Is.EqualTo(Enumerable.Range(100, 50).Select(i => (ulong)i)));
    }
}
