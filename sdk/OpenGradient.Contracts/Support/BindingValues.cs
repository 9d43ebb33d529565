namespace OpenGradient.Contracts;

/// <summary>Converts lists between the bindings' typed form and the ABI codec's value model (<c>object?[]</c>).</summary>
internal static class BindingValues
{
    public static object?[] ToAbiList<T>(IReadOnlyList<T> items, Func<T, object?> convert)
    {
        ArgumentNullException.ThrowIfNull(items);
        var result = new object?[items.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = convert(items[i]);
        }

        return result;
    }

    public static IReadOnlyList<T> FromAbiList<T>(object? value, Func<object?, T> convert)
    {
        var items = (object?[])value!;
        var result = new T[items.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = convert(items[i]);
        }

        return result;
    }
}
