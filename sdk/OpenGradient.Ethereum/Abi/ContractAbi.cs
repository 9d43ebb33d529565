using System.Text.Json;

namespace OpenGradient.Ethereum.Abi;

/// <summary>
/// A contract's interface: its functions, events and custom errors, from Hardhat/solc ABI JSON
/// (<see cref="FromJson(string)"/>) or human-readable declarations (<see cref="Parse"/>), with look-ups by name,
/// selector and topic.
/// </summary>
public sealed class ContractAbi
{
    /// <summary>Creates an ABI from its parts.</summary>
    public ContractAbi(IEnumerable<AbiFunction> functions, IEnumerable<AbiEvent> events, IEnumerable<AbiError> errors)
    {
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(errors);
        Functions = [.. functions];
        Events = [.. events];
        Errors = [.. errors];
    }

    /// <summary>The functions (overloads appear once per signature).</summary>
    public IReadOnlyList<AbiFunction> Functions { get; }

    /// <summary>The events.</summary>
    public IReadOnlyList<AbiEvent> Events { get; }

    /// <summary>The custom errors.</summary>
    public IReadOnlyList<AbiError> Errors { get; }

    /// <summary>
    /// Reads ABI JSON: either the ABI array itself or a Hardhat/solc artifact object with an <c>abi</c> property.
    /// Constructors, fallback and receive entries are skipped.
    /// </summary>
    /// <exception cref="AbiFormatException">The JSON is not an ABI.</exception>
    public static ContractAbi FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            return AbiJsonReader.Read(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new AbiFormatException($"ABI JSON is not valid JSON ({e.Message}); pass the artifact file's text or its \"abi\" array.", e);
        }
    }

    /// <summary>Reads ABI JSON from an already parsed element (array or artifact object).</summary>
    public static ContractAbi FromJson(JsonElement element) => AbiJsonReader.Read(element);

    /// <summary>
    /// Builds an ABI from human-readable declarations (<c>function …</c>, <c>event …</c>, <c>error …</c>; a line
    /// without a keyword is a function).
    /// </summary>
    /// <exception cref="AbiFormatException">A declaration cannot be parsed.</exception>
    public static ContractAbi Parse(params string[] declarations)
    {
        ArgumentNullException.ThrowIfNull(declarations);
        var functions = new List<AbiFunction>();
        var events = new List<AbiEvent>();
        var errors = new List<AbiError>();
        foreach (string declaration in declarations)
        {
            switch (AbiSignatureParser.DetectKind(declaration))
            {
                case "event":
                    events.Add(AbiEvent.Parse(declaration));
                    break;
                case "error":
                    errors.Add(AbiError.Parse(declaration));
                    break;
                case "constructor":
                    break;
                default:
                    functions.Add(AbiFunction.Parse(declaration));
                    break;
            }
        }

        return new ContractAbi(functions, events, errors);
    }

    /// <summary>The function with this name (or canonical signature, for overloads).</summary>
    /// <exception cref="KeyNotFoundException">There is none, or the name is overloaded.</exception>
    public AbiFunction GetFunction(string nameOrSignature) =>
        FindOne(Functions, nameOrSignature, f => f.Name, f => f.Signature, "function");

    /// <summary>The event with this name (or canonical signature, for overloads).</summary>
    /// <exception cref="KeyNotFoundException">There is none, or the name is overloaded.</exception>
    public AbiEvent GetEvent(string nameOrSignature) =>
        FindOne(Events, nameOrSignature, e => e.Name, e => e.Signature, "event");

    /// <summary>The custom error with this name (or canonical signature).</summary>
    /// <exception cref="KeyNotFoundException">There is none, or the name is overloaded.</exception>
    public AbiError GetError(string nameOrSignature) =>
        FindOne(Errors, nameOrSignature, e => e.Name, e => e.Signature, "error");

    /// <summary>The function whose selector starts <paramref name="callData"/>, or null.</summary>
    public AbiFunction? FindFunction(ReadOnlySpan<byte> callData)
    {
        if (callData.Length >= 4)
        {
            foreach (AbiFunction f in Functions)
            {
                if (callData[..4].SequenceEqual(f.Selector))
                {
                    return f;
                }
            }
        }

        return null;
    }

    /// <summary>The non-anonymous event whose signature hash is <paramref name="topic0"/>, or null.</summary>
    public AbiEvent? FindEvent(ReadOnlySpan<byte> topic0)
    {
        foreach (AbiEvent e in Events)
        {
            if (!e.Anonymous && topic0.SequenceEqual(e.Topic0))
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>The custom error whose selector starts <paramref name="revertData"/>, or null.</summary>
    public AbiError? FindError(ReadOnlySpan<byte> revertData)
    {
        if (revertData.Length >= 4)
        {
            foreach (AbiError e in Errors)
            {
                if (revertData[..4].SequenceEqual(e.Selector))
                {
                    return e;
                }
            }
        }

        return null;
    }

    /// <summary>Decodes revert data: <c>Error(string)</c>, <c>Panic(uint256)</c> or one of this ABI's custom errors.</summary>
    public DecodedRevert DecodeRevert(ReadOnlySpan<byte> revertData) => DecodedRevert.Decode(revertData, Errors);

    /// <summary>Decodes a log of one of this ABI's (non-anonymous) events, found by its first topic.</summary>
    /// <exception cref="AbiDecodingException">No event has that topic, or the log does not match it.</exception>
    public (AbiEvent Event, AbiValues Values) DecodeLog(IReadOnlyList<byte[]> topics, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        AbiEvent? e = topics.Count > 0 ? FindEvent(topics[0]) : null;
        if (e is null)
        {
            throw new AbiDecodingException("the log's first topic matches no event of this ABI; it was emitted by another contract or event.");
        }

        return (e, e.DecodeLog(topics, data));
    }

    private static T FindOne<T>(IReadOnlyList<T> items, string key, Func<T, string> name, Func<T, string> signature, string what)
    {
        ArgumentNullException.ThrowIfNull(key);
        T? found = default;
        int matches = 0;
        foreach (T item in items)
        {
            if (signature(item) == key)
            {
                return item;
            }

            if (name(item) == key)
            {
                found = item;
                matches++;
            }
        }

        return matches switch
        {
            1 => found!,
            0 => throw new KeyNotFoundException($"The ABI has no {what} '{key}'."),
            _ => throw new KeyNotFoundException($"The {what} name '{key}' is overloaded; pass its canonical signature instead."),
        };
    }
}
