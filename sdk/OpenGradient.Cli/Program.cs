using System.CommandLine;
using OpenGradient.Cli.Common;
using OpenGradient.Cli.Devnet;
using OpenGradient.Cli.Inference;
using OpenGradient.Cli.Jobs;
using OpenGradient.Cli.Keys;
using OpenGradient.Cli.Models;
using OpenGradient.Cli.Nodes;

var root = new RootCommand("og — the OpenGradient command line: devnet, models, inference, jobs, nodes and keys. Exit codes: 0 ok, 1 user error, 2 verification failed, 3 chain/RPC error, 4 timeout, 5 devnet process failed, 130 interrupted.");
GlobalOptions.AddTo(root);
root.Subcommands.Add(DevnetCommand.Create());
root.Subcommands.Add(ModelCommands.Create());
root.Subcommands.Add(InferCommand.Create());
root.Subcommands.Add(JobCommands.Create());
root.Subcommands.Add(NodeCommands.Create());
root.Subcommands.Add(KeyCommands.Create());
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) }).ConfigureAwait(false);
