using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Benchmarks/MerchantOnboarding.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Commerce.Onboarding.Benchmarks.ScriptGenerationBenchmarks).Assembly).Run(args);
