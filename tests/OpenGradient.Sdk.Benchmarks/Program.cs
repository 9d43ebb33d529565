using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(OpenGradient.Sdk.Benchmarks.SdkOverheadBenchmarks).Assembly).Run(args);
