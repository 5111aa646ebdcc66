using System.Globalization;
using System.Text;
using Commerce.Gateway.Auth;
using Commerce.Protos.Bidding.V1;
using Commerce.Protos.Reco.V1;
using Commerce.Protos.Type.V1;
using Commerce.ServiceDefaults.Identity;
using Commerce.TestSupport;
using Grpc.Core;
using Grpc.Net.Client;

namespace Commerce.LoadTests;

/// <summary>
/// What the gateway adds: the same call made direct to the service (carrying the identity metadata the gateway would
/// set after verifying a token) and through the gateway (bearer token, JWT check, rate limiter, YARP hop), picked at
/// random in one run so both paths see the same machine load, the same warm caches and the same callers.
/// </summary>
public static class GatewayOverhead
{
    public const string ViaGateway = "gateway ";
    public const string Direct = "direct ";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public static IReadOnlyList<LoadCall> Create(GrpcChannel gateway, GrpcChannel recoDirect, GrpcChannel biddingDirect, DevTokenIssuer tokens, LoadWorld world,
        int buyers = 50, int auctionCallers = 8)
    {
        var buyerIds = Enumerable.Range(0, buyers).Select(i => $"load-overhead-buyer-{i}").ToArray();
        var buyerTokens = buyerIds.Select(id => tokens.Mint(id, CallerRole.Buyer, lifetime: TimeSpan.FromHours(8))).ToArray();
        // Several auction-service identities, as in the mix: one caller over the gateway's per-caller rate would be
        // answered ResourceExhausted at once, and those fast refusals would flatter the gateway's figures.
        var auctionIds = Enumerable.Range(0, auctionCallers).Select(i => $"load-overhead-auction-{i}").ToArray();
        var auctionTokens = auctionIds.Select(id => tokens.Mint(id, CallerRole.Operator, lifetime: TimeSpan.FromHours(8))).ToArray();
        var campaigns = world.Merchants.SelectMany(m => m.CampaignIds).ToArray();
        var rooms = world.Merchants.Select(m => m.Session.LiveRoomId).ToArray();
        long sequence = 0;
        string NextId() => $"opp-overhead-{world.RunId}-{Interlocked.Increment(ref sequence)}";

        static Metadata Bearer(string token) => new() { { "authorization", "Bearer " + token } };
        static Metadata Identity((string, string)[] headers)
        {
            var metadata = new Metadata();
            foreach (var (key, value) in headers) metadata.Add(key, value);
            return metadata;
        }

        LoadCall Recommendations(string path, RecoService.RecoServiceClient client, Func<int, Metadata> caller) => new(path + "reco.GetRecommendations/Mall", 1, async call =>
        {
            var buyer = call.Random.Next(buyers);
            await client.GetRecommendationsAsync(new GetRecommendationsRequest { Scenario = Scenario.Mall, Count = 20 }, caller(buyer),
                DateTime.UtcNow + Deadline, call.CancellationToken);
        });

        LoadCall Bid(string path, BiddingService.BiddingServiceClient client, Func<int, Metadata> caller) => new(path + "bidding.Bid", 1, async call =>
            await client.BidAsync(TrafficMix.NewBid(call.Random, NextId(), campaigns, rooms), caller(call.Random.Next(auctionCallers)),
                DateTime.UtcNow + Deadline, call.CancellationToken));

        return
        [
            Recommendations(ViaGateway, new RecoService.RecoServiceClient(gateway), b => Bearer(buyerTokens[b])),
            Recommendations(Direct, new RecoService.RecoServiceClient(recoDirect), b => Identity(Callers.Buyer(buyerIds[b]))),
            Bid(ViaGateway, new BiddingService.BiddingServiceClient(gateway), a => Bearer(auctionTokens[a])),
            Bid(Direct, new BiddingService.BiddingServiceClient(biddingDirect), a => Identity(Callers.Operator(auctionIds[a]))),
        ];
    }

    /// <summary>Gateway over direct, per RPC present on both paths.</summary>
    public static IReadOnlyList<OverheadRatio> Ratios(IReadOnlyList<RpcFigures> figures)
    {
        var direct = figures.Where(f => f.Rpc.StartsWith(Direct, StringComparison.Ordinal)).ToDictionary(f => f.Rpc[Direct.Length..]);
        return figures.Where(f => f.Rpc.StartsWith(ViaGateway, StringComparison.Ordinal))
            .Select(g => (Rpc: g.Rpc[ViaGateway.Length..], Gateway: g))
            .Where(x => direct.ContainsKey(x.Rpc))
            .Select(x =>
            {
                var d = direct[x.Rpc];
                return new OverheadRatio(x.Rpc, d.P50Ms, x.Gateway.P50Ms, x.Gateway.P50Ms / d.P50Ms, d.P99Ms, x.Gateway.P99Ms, x.Gateway.P99Ms / d.P99Ms);
            })
            .ToList();
    }

    public static string ToMarkdown(IReadOnlyList<OverheadRatio> ratios)
    {
        var md = new StringBuilder();
        md.AppendLine("| rpc | direct p50 ms | gateway p50 ms | p50 ratio | direct p99 ms | gateway p99 ms | p99 ratio |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in ratios)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Rpc} | {r.DirectP50Ms:0.00} | {r.GatewayP50Ms:0.00} | {r.P50Ratio:0.00} | {r.DirectP99Ms:0.00} | {r.GatewayP99Ms:0.00} | {r.P99Ratio:0.00} |");
        }

        return md.ToString();
    }
}

public sealed record OverheadRatio(string Rpc, double DirectP50Ms, double GatewayP50Ms, double P50Ratio, double DirectP99Ms, double GatewayP99Ms, double P99Ratio);
