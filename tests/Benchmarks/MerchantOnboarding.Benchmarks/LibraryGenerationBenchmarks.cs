using BenchmarkDotNet.Attributes;
using Commerce.Onboarding.Domain.Library;

namespace Commerce.Onboarding.Benchmarks;

/// <summary>Generating the 50,000-product library in memory (the fleet's first-start seeding adds SQLite inserts).</summary>
[MemoryDiagnoser]
public class LibraryGenerationBenchmarks
{
    [Benchmark]
    public int Generate50k() => new LibraryGenerator(20261207).Generate(50_000).Count();
}
