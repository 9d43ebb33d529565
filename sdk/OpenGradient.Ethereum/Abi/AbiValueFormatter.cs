using System.Collections;
using System.Text;
using OpenGradient.Ethereum.Encoding;

namespace OpenGradient.Ethereum.Abi;

/// <summary>Renders decoded values for messages: bytes as hex, lists in brackets, strings quoted.</summary>
internal static class AbiValueFormatter
{
    public static void Append(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case byte[] bytes:
                builder.Append(Hex.Encode(bytes));
                break;
            case string s:
                builder.Append('"').Append(s).Append('"');
                break;
            case bool b:
                builder.Append(b ? "true" : "false");
                break;
            case IList list:
                builder.Append('[');
                for (int i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    Append(builder, list[i]);
                }

                builder.Append(']');
                break;
            default:
                builder.Append(value);
                break;
        }
    }

    public static string Format(object? value)
    {
        var builder = new StringBuilder();
        Append(builder, value);
        return builder.ToString();
    }
}
