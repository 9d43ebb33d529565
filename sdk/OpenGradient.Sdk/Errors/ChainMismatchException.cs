namespace OpenGradient.Sdk;

/// <summary>The node serves another chain than the deployment (or the options) expect.</summary>
public sealed class ChainMismatchException : InferenceClientException
{
    public ChainMismatchException(ulong expected, ulong actual, string endpoint)
        : base($"The node at {endpoint} is on chain {actual} but the deployment is for chain {expected}. Point the client at the right RPC URL or pass the deployment file of chain {actual}.")
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The chain id expected.</summary>
    public ulong Expected { get; }

    /// <summary>The chain id the node reported.</summary>
    public ulong Actual { get; }
}
