using BenchmarkDotNet.Running;
using Commerce.Bidding.Benchmarks;

// dotnet run -c Release -- decisions   (BenchmarkDotNet, in-process bid decisions)
// dotnet run -c Release -- grpc [calls] (p50/p99 of a Bid call through gRPC)
if (args.Length > 0 && args[0] == "grpc")
{
    await GrpcLatency.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000);
    return;
}

BenchmarkRunner.Run<BidDecisionBenchmarks>(args: args.Skip(1).ToArray());
