namespace OpenGradient.Oracle.EndToEnd.Tests.Infrastructure;

/// <summary>Bounded waits on a condition (never a fixed sleep): polls every 100 ms until true or the timeout.</summary>
public static class Eventually
{
    /// <summary>Waits until <paramref name="condition"/> is true.</summary>
    /// <exception cref="TimeoutException">It was still false after <paramref name="timeout"/>; the message comes from <paramref name="describe"/>.</exception>
    public static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describe, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(describe);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (true)
        {
            if (await condition().ConfigureAwait(false))
            {
                return;
            }

            try
            {
                await ticker.WaitForNextTickAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Condition not met within {timeout}: {describe()}");
            }
        }
    }
}
