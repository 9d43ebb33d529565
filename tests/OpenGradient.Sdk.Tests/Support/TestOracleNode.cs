using System.Numerics;
using OpenGradient.Contracts;
using OpenGradient.Ethereum.Contracts;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Inference;
using OpenGradient.Inference.Execution;
using OpenGradient.Inference.Tensors;

namespace OpenGradient.Sdk.Tests.Support;

/// <summary>
/// Plays the oracle node for a job: the staked dev account reads the job's InferenceRequested event, runs the model with
/// the shared execution core, and posts the canonical output with submitResult (optionally tampered), or reports a failure.
/// </summary>
internal sealed class TestOracleNode : IDisposable
{
    private readonly ModelExecutor _executor = new();
    private readonly InferenceHubService _hub;

    public TestOracleNode(Address hub)
    {
        _hub = new InferenceHubService(new Web3(new JsonRpcClient(Devnet.Node.RpcUrl), Devnet.NodeKey), hub);
    }

    /// <summary>Runs job <paramref name="jobId"/> and submits its output; <paramref name="tamper"/> may change it first.</summary>
    public async Task<TensorList> SubmitAsync(BigInteger jobId, Func<TensorList, TensorList>? tamper = null)
    {
        string topic = OpenGradient.Ethereum.Encoding.Hex.Encode(OpenGradient.Ethereum.Abi.AbiEvent.EncodeTopic(OpenGradient.Ethereum.Abi.AbiType.UInt256, jobId));
        IReadOnlyList<InferenceRequestedEvent> requests = await _hub.GetInferenceRequestedEventsAsync(
            BlockParameter.Earliest, BlockParameter.Latest, [LogFilter.AnyOf(topic)]);
        Assert.That(requests, Has.Count.EqualTo(1), $"job {jobId} has no InferenceRequested event");
        InferenceRequestedEvent request = requests[0];
        Assert.That(request.Executor, Is.EqualTo(Devnet.NodeKey.Address), "the test node is the only staked node, so it is assigned every job");

        ModelId modelId = ModelId.FromBytes(request.ModelId);
        var model = Devnet.Models.Values.Single(m => m.Id == modelId);
        ExecutionResult result = _executor.Execute(modelId, model.Sample.Bytes, TensorList.Decode(request.Input), model.Sample.Decimals);
        Assert.That(result.IsSuccess, Is.True, result.Message);
        TensorList output = tamper is null ? result.Outputs! : tamper(result.Outputs!);
        await _hub.SubmitResultAsync(jobId, output.Encode());
        return output;
    }

    /// <summary>Reports that job <paramref name="jobId"/> failed for <paramref name="reason"/> (reportFailure) instead of posting a result.</summary>
    public Task ReportFailureAsync(BigInteger jobId, OpenGradient.Contracts.FailureReason reason) => _hub.ReportFailureAsync(jobId, (byte)reason);

    public void Dispose() => _executor.Dispose();

    /// <summary>The list with element <paramref name="index"/> of tensor <paramref name="tensor"/> moved by <paramref name="delta"/>.</summary>
    public static TensorList Shift(TensorList list, int tensor, int index, Int128 delta)
    {
        var tensors = new List<NamedTensor>();
        for (int t = 0; t < list.Count; t++)
        {
            NamedTensor n = list[t];
            if (t != tensor)
            {
                tensors.Add(n);
                continue;
            }

            Int128[] values = n.Values.ToArray();
            values[index] += delta;
            tensors.Add(new NamedTensor(n.Name, n.ElementType, n.Decimals, n.Shape, values));
        }

        return new TensorList(tensors);
    }
}
