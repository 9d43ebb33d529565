using System.Numerics;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Inference;

namespace OpenGradient.Sdk;

/// <summary>A registered model as the registry holds it.</summary>
/// <param name="Id">sha256 of the ONNX file.</param>
/// <param name="Owner">Who registered it and earns its fee.</param>
/// <param name="FeePerJob">OPG wei per finalized job.</param>
/// <param name="Active">False once deactivated.</param>
/// <param name="OutputDecimals">Fixed-point decimals of its float outputs.</param>
/// <param name="Tolerance">Verification tolerance in quantized units.</param>
/// <param name="Uri">Where its bytes are fetched from.</param>
public sealed record ModelInfo(ModelId Id, Address Owner, BigInteger FeePerJob, bool Active, int OutputDecimals, ulong Tolerance, string Uri);
