using BenchmarkDotNet.Running;

namespace OpenGradient.Ethereum.Benchmarks;

/// <summary>Entry point: pass BenchmarkDotNet arguments, e.g. <c>--filter * --job short</c>; see run.sh.</summary>
internal static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
