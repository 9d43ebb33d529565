using BenchmarkDotNet.Running;

// Node overhead vs raw ONNX Runtime per model; see run.sh for the short run that prints the ratios.
BenchmarkSwitcher.FromAssembly(typeof(OpenGradient.Oracle.Benchmarks.NodeOverheadBenchmarks).Assembly).Run(args);
