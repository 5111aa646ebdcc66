using Commerce.Bidding.Grpc;
using Commerce.IntegrationEvents.V1;
using Commerce.Protos.Bidding.V1;
using Commerce.TestSupport;
using Grpc.Core;
using static Commerce.Bidding.Tests.Service.BiddingClient;

namespace Commerce.Bidding.Tests.Service;

/// <summary>
/// The traffic-reward cap holds exactly under concurrency and across replicas: three service instances share ONE
/// SQLite file (as replicas share a volume) and hammer the same live room from parallel callers; exactly 10,000
/// exposures are granted, never one more.
/// </summary>
public sealed class RewardCapReplicaTests
{
    [Test]
    public async Task Three_replicas_on_one_store_grant_exactly_10000_reward_exposures_to_one_live_room()
    {
        var folder = Directory.CreateTempSubdirectory("bidding-replicas-").FullName;
        var settings = new Dictionary<string, string?> { ["Bidding:DatabasePath"] = Path.Combine(folder, "bidding.db") };
        var replicas = Enumerable.Range(0, 3).Select(_ => new ServiceHost<BiddingGrpcService>(settings)).ToArray();
        try
        {
            var first = replicas[0];
            await first.Harness.Start();
            await first.Harness.Bus.Publish(new MerchantProgrammeGranted
            {
                MerchantId = "m1", Programme = "PROGRAMME_TRAFFIC_REWARDS", ValidUntil = DateTimeOffset.UtcNow.AddDays(30), DailyRewardExposures = 10_000,
            });
            await first.Harness.Bus.Publish(new LiveSessionPlanned
            {
                SessionId = "s1", MerchantId = "m1", StoreId = "st1", RoomId = "room-7", DurationMinutes = 60, Language = "zh", Lineup = [], Script = [],
            });
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (first.Harness.Consumed.Select<LiveSessionPlanned>().Count() + first.Harness.Consumed.Select<MerchantProgrammeGranted>().Count() < 2
                   && DateTime.UtcNow < deadline) await Task.Delay(20);

            var clients = replicas.Select(r => For(r, Callers.Operator())).ToArray();
            const int batches = 60, perBatch = 200; // 12,000 requests for 10,000 exposures
            var granted = 0;
            long highest = 0;
            await Parallel.ForEachAsync(Enumerable.Range(0, batches), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (b, ct) =>
            {
                var request = new BidBatchRequest();
                for (var i = 0; i < perBatch; i++)
                {
                    request.Opportunities.Add(new BidOpportunity
                    {
                        OpportunityId = $"b{b}-{i}", FloorPrice = Yuan(0),
                        RewardCandidates = { new RewardCandidate { Target = new PromotedTarget { Kind = TargetKind.LiveRoom, TargetId = "room-7" }, Pctr = 0.1 } },
                    });
                }

                var response = await clients[b % clients.Length].BidBatchAsync(request, cancellationToken: ct);
                foreach (var r in response.Results.Where(r => r.RewardGrant is not null))
                {
                    Interlocked.Increment(ref granted);
                    InterlockedMax(ref highest, r.RewardGrant.ExposuresUsed);
                }
            });
            var usage = await For(first, Callers.Merchant("m1")).GetRewardUsageAsync(new GetRewardUsageRequest());

            Assert.That(granted, Is.EqualTo(10_000));
            Assert.That(highest, Is.EqualTo(10_000));
            Assert.That(usage.Usages.Single().ExposuresUsed, Is.EqualTo(10_000));
            Assert.That(usage.Usages.Single().Remaining, Is.Zero);
        }
        finally
        {
            foreach (var r in replicas) await r.DisposeAsync();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* a pooled connection still closing */ }
        }
    }

    [Test]
    public async Task Rewards_need_the_programme_and_only_live_rooms_and_videos_get_them()
    {
        await using var host = new ServiceHost<BiddingGrpcService>();
        var merchant = For(host, Callers.Merchant("m9"));
        var auction = For(host, Callers.Operator());

        var noProgramme = Assert.ThrowsAsync<RpcException>(async () => await merchant.EnableTrafficRewardsAsync(new EnableTrafficRewardsRequest { Enabled = true }));
        var product = Assert.ThrowsAsync<RpcException>(async () => await auction.BidAsync(new BidRequest
        {
            Opportunity = new BidOpportunity
            {
                OpportunityId = "o1",
                RewardCandidates = { new RewardCandidate { Target = new PromotedTarget { Kind = TargetKind.Product, TargetId = "p1" }, Pctr = 0.1 } },
            },
        }));

        Assert.That(noProgramme!.StatusCode, Is.EqualTo(StatusCode.FailedPrecondition));
        Assert.That(product!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long seen;
        while ((seen = Interlocked.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
