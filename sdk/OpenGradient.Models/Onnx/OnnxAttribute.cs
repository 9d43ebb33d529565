namespace OpenGradient.Models.Onnx;

/// <summary>A node attribute (the subset of <c>AttributeProto</c> the sample models need).</summary>
public sealed class OnnxAttribute
{
    // AttributeProto.AttributeType values from onnx.proto.
    private const int TypeFloat = 1;
    private const int TypeInt = 2;
    private const int TypeInts = 7;

    private readonly int _type;
    private readonly float _float;
    private readonly long _int;
    private readonly long[] _ints;

    private OnnxAttribute(string name, int type, float f, long i, long[] ints)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        _type = type;
        _float = f;
        _int = i;
        _ints = ints;
    }

    /// <summary>The attribute name, e.g. "axis".</summary>
    public string Name { get; }

    /// <summary>An integer attribute.</summary>
    public static OnnxAttribute Int(string name, long value) => new(name, TypeInt, 0, value, []);

    /// <summary>A float attribute.</summary>
    public static OnnxAttribute Float(string name, float value) => new(name, TypeFloat, value, 0, []);

    /// <summary>A list-of-integers attribute.</summary>
    public static OnnxAttribute Ints(string name, params long[] values) => new(name, TypeInts, 0, 0, [.. values]);

    internal ProtoWriter Write()
    {
        // AttributeProto: name = 1, f = 2, i = 3, ints = 8, type = 20.
        var w = new ProtoWriter();
        w.WriteString(1, Name);
        switch (_type)
        {
            case TypeFloat:
                w.WriteFloat(2, _float);
                break;
            case TypeInt:
                w.WriteInt64(3, _int);
                break;
            default:
                w.WritePackedInt64(8, _ints);
                break;
        }

        w.WriteInt32(20, _type);
        return w;
    }
}
