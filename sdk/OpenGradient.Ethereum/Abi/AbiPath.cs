using System.Text;

namespace OpenGradient.Ethereum.Abi;

/// <summary>
/// Builds the path of a bad element (e.g. <c>job.inputs[2].shape</c>) while an error unwinds: each level
/// prepends its segment, so the happy path allocates nothing for paths.
/// </summary>
internal sealed class AbiPath
{
    private readonly List<string> _segments = [];

    public void Prepend(AbiParameter parameter, int index) =>
        _segments.Add(parameter.Name ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void PrependIndex(int index) => _segments.Add("[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");

    public override string ToString()
    {
        if (_segments.Count == 0)
        {
            return "(root)";
        }

        var builder = new StringBuilder();
        for (int i = _segments.Count - 1; i >= 0; i--)
        {
            string segment = _segments[i];
            if (builder.Length > 0 && segment[0] != '[')
            {
                builder.Append('.');
            }

            builder.Append(segment);
        }

        return builder.ToString();
    }
}
