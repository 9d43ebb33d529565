namespace OpenGradient.Models.Onnx;

/// <summary>ONNX tensor element types (the values of <c>TensorProto.DataType</c> in onnx.proto).</summary>
public enum OnnxElementType
{
    Float = 1,
    UInt8 = 2,
    Int8 = 3,
    UInt16 = 4,
    Int16 = 5,
    Int32 = 6,
    Int64 = 7,
    Bool = 9,
    Double = 11,
    UInt32 = 12,
}
