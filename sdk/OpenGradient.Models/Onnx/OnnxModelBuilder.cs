using System.Buffers.Binary;

namespace OpenGradient.Models.Onnx;

/// <summary>
/// Builds an ONNX model file (a serialized <c>ModelProto</c>) from a graph description. The output is
/// a pure function of the calls made: fields are written in one fixed order, initializers as
/// little-endian <c>raw_data</c>, and nothing time- or machine-dependent (no timestamps, no version
/// of the builder's assembly) goes into the file, so the same code gives the same bytes and so the
/// same sha256 model id on every machine.
/// </summary>
/// <remarks>
/// Field numbers follow the official onnx.proto (checked against the <c>onnx-proto</c> npm package):
/// ModelProto{ir_version=1, producer_name=2, producer_version=3, doc_string=6, graph=7, opset_import=8},
/// GraphProto{node=1, name=2, initializer=5, input=11, output=12},
/// NodeProto{input=1, output=2, name=3, op_type=4, attribute=5},
/// TensorProto{dims=1, data_type=2, name=8, raw_data=9}, ValueInfoProto{name=1, type=2},
/// TypeProto{tensor_type=1}, TypeProto.Tensor{elem_type=1, shape=2}, TensorShapeProto{dim=1},
/// Dimension{dim_value=1, dim_param=2}, OperatorSetIdProto{domain=1, version=2}.
/// </remarks>
public sealed class OnnxModelBuilder
{
    /// <summary>ONNX IR version written into every model (IR 8 = ONNX 1.10+, read by every current runtime).</summary>
    public const long IrVersion = 8;

    private readonly string _graphName;
    private readonly List<ProtoWriter> _nodes = [];
    private readonly List<ProtoWriter> _initializers = [];
    private readonly List<ProtoWriter> _inputs = [];
    private readonly List<ProtoWriter> _outputs = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>Starts a graph named <paramref name="graphName"/>.</summary>
    public OnnxModelBuilder(string graphName)
    {
        ArgumentException.ThrowIfNullOrEmpty(graphName);
        _graphName = graphName;
    }

    /// <summary>Declares a graph input.</summary>
    public OnnxModelBuilder Input(string name, OnnxElementType type, params OnnxDimension[] shape)
    {
        _inputs.Add(ValueInfo(name, type, shape));
        return this;
    }

    /// <summary>Declares a graph output.</summary>
    public OnnxModelBuilder Output(string name, OnnxElementType type, params OnnxDimension[] shape)
    {
        _outputs.Add(ValueInfo(name, type, shape));
        return this;
    }

    /// <summary>Adds a float32 constant (weights, biases).</summary>
    public OnnxModelBuilder Initializer(string name, long[] dims, ReadOnlySpan<float> values)
    {
        CheckCount(name, dims, values.Length);
        var raw = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * sizeof(float)), values[i]);
        }

        _initializers.Add(Tensor(name, dims, OnnxElementType.Float, raw));
        return this;
    }

    /// <summary>Adds an int64 constant (axes, shapes).</summary>
    public OnnxModelBuilder Initializer(string name, long[] dims, ReadOnlySpan<long> values)
    {
        CheckCount(name, dims, values.Length);
        var raw = new byte[values.Length * sizeof(long)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(raw.AsSpan(i * sizeof(long)), values[i]);
        }

        _initializers.Add(Tensor(name, dims, OnnxElementType.Int64, raw));
        return this;
    }

    /// <summary>Adds a node of operator <paramref name="opType"/> (default ONNX domain).</summary>
    public OnnxModelBuilder Node(string opType, string[] inputs, string[] outputs, params OnnxAttribute[] attributes)
    {
        ArgumentException.ThrowIfNullOrEmpty(opType);
        var w = new ProtoWriter();
        foreach (var input in inputs)
        {
            w.WriteString(1, input);
        }

        foreach (var output in outputs)
        {
            w.WriteString(2, output);
        }

        w.WriteString(3, $"{opType.ToLowerInvariant()}_{_nodes.Count}");
        w.WriteString(4, opType);
        foreach (var attribute in attributes)
        {
            w.WriteMessage(5, attribute.Write());
        }

        _nodes.Add(w);
        return this;
    }

    /// <summary>Serializes the model with the default ONNX opset <paramref name="opsetVersion"/>.</summary>
    public byte[] Build(long opsetVersion = 13, string docString = "")
    {
        var graph = new ProtoWriter();
        foreach (var node in _nodes)
        {
            graph.WriteMessage(1, node);
        }

        graph.WriteString(2, _graphName);
        foreach (var initializer in _initializers)
        {
            graph.WriteMessage(5, initializer);
        }

        foreach (var input in _inputs)
        {
            graph.WriteMessage(11, input);
        }

        foreach (var output in _outputs)
        {
            graph.WriteMessage(12, output);
        }

        var opset = new ProtoWriter();
        opset.WriteString(1, string.Empty);
        opset.WriteInt64(2, opsetVersion);

        var model = new ProtoWriter();
        model.WriteInt64(1, IrVersion);
        model.WriteString(2, "opengradient-models");
        model.WriteString(3, "1");
        if (docString.Length > 0)
        {
            model.WriteString(6, docString);
        }

        model.WriteMessage(7, graph);
        model.WriteMessage(8, opset);
        return model.ToArray();
    }

    private static void CheckCount(string name, long[] dims, int count)
    {
        long product = 1;
        foreach (var d in dims)
        {
            product *= d;
        }

        if (product != count)
        {
            throw new ArgumentException($"Initializer '{name}' has {count} values but its dims multiply to {product}.", nameof(dims));
        }
    }

    private ProtoWriter Tensor(string name, long[] dims, OnnxElementType type, byte[] raw)
    {
        Claim(name);
        var w = new ProtoWriter();
        w.WritePackedInt64(1, dims);
        w.WriteInt32(2, (int)type);
        w.WriteString(8, name);
        w.WriteBytes(9, raw);
        return w;
    }

    private ProtoWriter ValueInfo(string name, OnnxElementType type, OnnxDimension[] shape)
    {
        Claim(name);
        var shapeProto = new ProtoWriter();
        foreach (var dim in shape)
        {
            var d = new ProtoWriter();
            if (dim.Parameter is null)
            {
                d.WriteInt64(1, dim.Value);
            }
            else
            {
                d.WriteString(2, dim.Parameter);
            }

            shapeProto.WriteMessage(1, d);
        }

        var tensorType = new ProtoWriter();
        tensorType.WriteInt32(1, (int)type);
        tensorType.WriteMessage(2, shapeProto);

        var typeProto = new ProtoWriter();
        typeProto.WriteMessage(1, tensorType);

        var w = new ProtoWriter();
        w.WriteString(1, name);
        w.WriteMessage(2, typeProto);
        return w;
    }

    private void Claim(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_names.Add(name))
        {
            throw new ArgumentException($"The name '{name}' is already used by another input, output or initializer.", nameof(name));
        }
    }
}
