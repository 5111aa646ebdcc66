using System.Diagnostics;
using Commerce.Bidding.Grpc;
using Commerce.Protos.Bidding.V1;
using Commerce.Protos.Type.V1;
using Commerce.TestSupport;

namespace Commerce.Bidding.Benchmarks;

/// <summary>
/// Latency of one Bid call through gRPC: the service in-process (TestServer, the real gRPC pipeline with its
/// interceptors) and a client loop; prints p50, p99 and calls per second for 1 and 4 concurrent callers.
/// </summary>
public static class GrpcLatency
{
    public static async Task RunAsync(int calls)
    {
        // Outside a test project WebApplicationFactory needs to be told the service's content root.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_COMMERCE_BIDDINGSERVICE", Path.Combine(RepoPaths.Root, "services", "BiddingService"));
        await using var host = new ServiceHost<BiddingGrpcService>();
        var merchant = new BiddingService.BiddingServiceClient(host.CreateChannel(Callers.Merchant("m1")));
        var auction = new BiddingService.BiddingServiceClient(host.CreateChannel(Callers.Operator()));
        var id = (await merchant.CreateCampaignAsync(new CreateCampaignRequest
        {
            Name = "bench", Target = new PromotedTarget { Kind = TargetKind.Product, TargetId = "p1" },
            DailyBudget = new Money { CurrencyCode = "CNY", Units = 1_000_000 }, Goal = new CampaignGoal { TargetCpa = new Money { CurrencyCode = "CNY", Units = 20 } },
        })).Campaign.CampaignId;
        BidRequest Request(int i) => new()
        {
            Opportunity = new BidOpportunity
            {
                OpportunityId = "o" + i, FloorPrice = new Money { CurrencyCode = "CNY" },
                Candidates = { new BidCandidate { CampaignId = id, Pctr = 0.05, Pcvr = 0.1 } },
            },
        };

        for (var i = 0; i < 2000; i++) await auction.BidAsync(Request(-i - 1)); // warm-up
        foreach (var callers in new[] { 1, 4 })
        {
            var latencies = new double[calls];
            var total = Stopwatch.StartNew();
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < calls)
                {
                    var started = Stopwatch.GetTimestamp();
                    await auction.BidAsync(Request(i + callers * calls));
                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            }));
            total.Stop();
            Array.Sort(latencies);
            Console.WriteLine($"gRPC Bid, {callers} caller(s), {calls} calls: p50 {latencies[calls / 2]:F3} ms, p99 {latencies[(int)(calls * 0.99)]:F3} ms, " +
                              $"max {latencies[^1]:F3} ms, {calls / total.Elapsed.TotalSeconds:F0} calls/s");
        }
    }
}
