using BenchmarkDotNet.Running;

// Run in Release: dotnet run -c Release --project tests/Corridors.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Corridors.Benchmarks.RoutingBenchmarks).Assembly).Run(args);
