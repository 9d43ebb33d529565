using Microsoft.Extensions.Time.Testing;

namespace OpenGradient.Ethereum.Tests.JsonRpc;

/// <summary>Runs fake time forward until an operation that waits on it completes.</summary>
internal static class FakeClock
{
    /// <summary>
    /// Advances <paramref name="time"/> in <paramref name="step"/>s, letting real I/O in between, until
    /// <paramref name="operation"/> completes; fails the test if it needs more than <paramref name="maxSteps"/>.
    /// </summary>
    public static Task RunAsync(FakeTimeProvider time, Task operation, TimeSpan step, int maxSteps = 2000) =>
        RunAsync(time, operation.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; }, TaskScheduler.Default), step, maxSteps);

    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Task<T> operation, TimeSpan step, int maxSteps = 2000)
    {
        for (int i = 0; i < maxSteps && !operation.IsCompleted; i++)
        {
            // Give real I/O (loopback sockets) a moment, then move the clock.
            await Task.WhenAny(operation, Task.Delay(5));
            if (!operation.IsCompleted)
            {
                time.Advance(step);
            }
        }

        if (!operation.IsCompleted)
        {
            throw new TimeoutException($"The operation did not complete after {maxSteps} steps of {step} of fake time.");
        }

        return await operation;
    }
}
