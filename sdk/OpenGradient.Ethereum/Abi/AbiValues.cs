using System.Collections;

namespace OpenGradient.Ethereum.Abi;

/// <summary>
/// Decoded values with their parameter names, in declaration order: read them by position or by name.
/// Values follow the model of <see cref="AbiDecoder"/>.
/// </summary>
public sealed class AbiValues : IReadOnlyList<object?>
{
    private readonly IReadOnlyList<AbiParameter> _parameters;
    private readonly object?[] _values;

    /// <summary>Pairs decoded values with their parameters (same count).</summary>
    public AbiValues(IReadOnlyList<AbiParameter> parameters, object?[] values)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(values);
        if (parameters.Count != values.Length)
        {
            throw new ArgumentException($"{parameters.Count} parameters but {values.Length} values.", nameof(values));
        }

        _parameters = parameters;
        _values = values;
    }

    /// <summary>The parameters, in order.</summary>
    public IReadOnlyList<AbiParameter> Parameters => _parameters;

    /// <inheritdoc/>
    public int Count => _values.Length;

    /// <inheritdoc/>
    public object? this[int index] => _values[index];

    /// <summary>The value of the parameter called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No parameter has that name.</exception>
    public object? this[string name] => TryGetValue(name, out object? value)
        ? value
        : throw new KeyNotFoundException($"No parameter is named '{name}'; the names are: {string.Join(", ", Names())}.");

    /// <summary>Looks a value up by parameter name.</summary>
    public bool TryGetValue(string name, out object? value)
    {
        for (int i = 0; i < _parameters.Count; i++)
        {
            if (_parameters[i].Name == name)
            {
                value = _values[i];
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>The value of <paramref name="name"/> cast to <typeparamref name="T"/>.</summary>
    public T Get<T>(string name) => (T)this[name]!;

    /// <inheritdoc/>
    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Shows <c>name=value</c> pairs, e.g. <c>node=0x…, have=1, need=2</c>.</summary>
    public override string ToString()
    {
        var builder = new System.Text.StringBuilder();
        for (int i = 0; i < _values.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            if (_parameters[i].Name is { } n)
            {
                builder.Append(n).Append('=');
            }

            AbiValueFormatter.Append(builder, _values[i]);
        }

        return builder.ToString();
    }

    private IEnumerable<string> Names()
    {
        foreach (AbiParameter p in _parameters)
        {
            yield return p.Name ?? "(unnamed)";
        }
    }
}
