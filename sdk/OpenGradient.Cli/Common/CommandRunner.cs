using System.CommandLine;
using System.Text.Json.Nodes;
using OpenGradient.Contracts;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Inference.Tensors;
using OpenGradient.Sdk;

namespace OpenGradient.Cli.Common;

/// <summary>Runs a command body and turns every expected error into one clear line and its exit code.</summary>
internal static class CommandRunner
{
    public static void SetAction(Command command, Func<CliContext, CancellationToken, Task<int>> body) =>
        command.SetAction((parse, cancellationToken) => RunAsync(parse, body, cancellationToken));

    private static async Task<int> RunAsync(ParseResult parse, Func<CliContext, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        bool json = parse.GetValue(GlobalOptions.Json);
        try
        {
            return await body(new CliContext(parse), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(json, "interrupted.", ExitCodes.Interrupted);
        }
        catch (CliException e)
        {
            return Fail(json, e.Message, e.ExitCode);
        }
        catch (Exception e) when (Classify(e) is int code)
        {
            return Fail(json, e.Message, code);
        }
    }

    private static int? Classify(Exception e) => e switch
    {
        UnknownModelException or InvalidInputException or InvalidModelException or DeploymentFileException or JobNotFoundException => ExitCodes.UserError,
        TensorCodecException or ArgumentException or FormatException or System.Text.Json.JsonException => ExitCodes.UserError,
        JobWaitTimeoutException or TimeoutException => ExitCodes.Timeout,
        RpcUnavailableException or ChainMismatchException or RequestRevertedException or ContractErrorException or JsonRpcException or RpcTransportException or HttpRequestException => ExitCodes.ChainError,
        _ => null,
    };

    private static int Fail(bool json, string message, int code)
    {
        string line = message.ReplaceLineEndings(" ");
        Console.Error.WriteLine("og: error: " + line);
        if (json)
        {
            Console.Out.WriteLine(new JsonObject { ["ok"] = false, ["error"] = line, ["exitCode"] = code }.ToJsonString());
        }

        return code;
    }
}
