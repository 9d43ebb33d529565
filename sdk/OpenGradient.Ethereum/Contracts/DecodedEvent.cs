using OpenGradient.Ethereum.Abi;
using OpenGradient.Ethereum.JsonRpc;

namespace OpenGradient.Ethereum.Contracts;

/// <summary>A log decoded against a contract's ABI: which event, its named values, and the log itself.</summary>
/// <param name="Event">The event's ABI entry.</param>
/// <param name="Values">The decoded fields in declaration order (indexed dynamic fields come back as their 32-byte hash).</param>
/// <param name="Log">The raw log (block, transaction, removed flag).</param>
public sealed record DecodedEvent(AbiEvent Event, AbiValues Values, Log Log)
{
    /// <summary>The event's name.</summary>
    public string Name => Event.Name;
}
