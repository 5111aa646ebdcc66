using Commerce.Gateway.Auth;
using Commerce.Protos.Asr.V1;
using Commerce.Protos.Bidding.V1;
using Commerce.Protos.Onboarding.V1;
using Commerce.Protos.Type.V1;
using Commerce.ServiceDefaults.Identity;
using Commerce.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;

namespace Commerce.LoadTests;

/// <summary>
/// A merchant of the load world, made through the gateway as a real one is: applied, verified, trial store open,
/// products listed from the distribution library, a live session planned (its live room is what viewers subscribe to
/// and what the host's audio streams into) and ad campaigns for the room and the products.
/// </summary>
public sealed record LoadMerchant(string MerchantId, string StoreId, string Token, IReadOnlyList<StoreProduct> Products,
    LiveSession Session, IReadOnlyList<string> CampaignIds)
{
    public Metadata Headers => new() { { "authorization", "Bearer " + Token } };
}

/// <summary>
/// What the traffic mix calls against, set up once through the gateway before the warm-up: the mix's calls then only
/// read or add to it, so every call of the mix can succeed. Names carry a run id, so a world can be set up again on a
/// long-running fleet (store names and licences are unique per fleet).
/// </summary>
public sealed record LoadWorld(string RunId, IReadOnlyList<LoadMerchant> Merchants, LoadMedia Media)
{
    public static readonly string[] LiveCategory = ["Women's Clothing"];
    private static readonly TimeSpan SagaTimeout = TimeSpan.FromSeconds(90);

    public IEnumerable<StoreProduct> Products => Merchants.SelectMany(m => m.Products);

    public static async Task<LoadWorld> SetUpAsync(GrpcChannel gateway, DevTokenIssuer tokens, int merchants, CancellationToken cancellationToken)
    {
        var runId = Guid.NewGuid().ToString("N")[..8];
        var made = await Task.WhenAll(Enumerable.Range(0, merchants).Select(i => MerchantAsync(gateway, tokens, runId, i, cancellationToken)));
        await WaitUntilAsrKnowsTheRoomsAsync(gateway, made, cancellationToken);
        return new LoadWorld(runId, made, LoadMedia.Load());
    }

    private static async Task<LoadMerchant> MerchantAsync(GrpcChannel gateway, DevTokenIssuer tokens, string runId, int index, CancellationToken ct)
    {
        var onboarding = new MerchantOnboardingService.MerchantOnboardingServiceClient(gateway);
        var storeName = $"Load Stall {runId} {index}";
        var (_, merchantId, storeId, token) = await MerchantSignUp.OpenTrialStoreAsync(onboarding, tokens, storeName, ct);
        var headers = new Metadata { { "authorization", "Bearer " + token } };

        var products = await ListLibraryProductsAsync(onboarding, headers, storeId, skip: index * 8, count: 6, ct);

        var category = Category(LiveCategory);
        var lineup = await onboarding.SuggestLineupAsync(new SuggestLineupRequest
        {
            StoreId = storeId, DurationMinutes = 60, Category = category, MaxProducts = products.Count,
            Products = { products.Select(p => new ProductRef { ProductId = p.ProductId }) },
        }, headers, cancellationToken: ct);
        var session = (await onboarding.PlanLiveSessionAsync(new PlanLiveSessionRequest
        {
            StoreId = storeId, RequestId = $"load-{runId}-{index}-live", DurationMinutes = 60, Category = category,
            Lineup = { lineup.Items.Select(i => new LineupEntry { Product = i.Product, Role = i.Role }) },
            ScheduledStartTime = Timestamp.FromDateTime(DateTime.UtcNow.AddMinutes(5)),
            ScriptOptions = new ScriptOptions { LanguageCode = "en" },
        }, headers, cancellationToken: ct)).Session;

        var bidding = new BiddingService.BiddingServiceClient(gateway);
        var targets = products.Take(2).Select(p => new PromotedTarget { Kind = TargetKind.Product, TargetId = p.ProductId })
            .Prepend(new PromotedTarget { Kind = TargetKind.LiveRoom, TargetId = session.LiveRoomId });
        var campaignIds = new List<string>();
        foreach (var (target, n) in targets.Select((t, n) => (t, n)))
        {
            var campaign = (await bidding.CreateCampaignAsync(new CreateCampaignRequest
            {
                RequestId = $"load-{runId}-{index}-campaign-{n}", Name = $"Load {runId} {index}/{n}", Target = target,
                // A large budget, so the run measures bidding, not a campaign spent out within the run.
                DailyBudget = new Money { CurrencyCode = "CNY", Units = 500_000 },
                Goal = new CampaignGoal { TargetCpa = new Money { CurrencyCode = "CNY", Units = 40 } },
            }, headers, cancellationToken: ct)).Campaign;
            campaignIds.Add(campaign.CampaignId);
        }

        return new LoadMerchant(merchantId, storeId, token, products, session, campaignIds);
    }

    private static async Task<IReadOnlyList<StoreProduct>> ListLibraryProductsAsync(MerchantOnboardingService.MerchantOnboardingServiceClient onboarding,
        Metadata headers, string storeId, int skip, int count, CancellationToken ct)
    {
        // The library is seeded on the fleet's first start; a fleet that was just started may still be seeding.
        var found = await Eventually.ThatAsync(async () =>
        {
            var page = await onboarding.SearchLibraryAsync(new SearchLibraryRequest { Category = Category(LiveCategory), PageSize = 100 }, headers, cancellationToken: ct);
            var sized = page.Products.Where(p => p.SizeChart is { Rows.Count: > 0 } && p.AvailableStock > 0).Skip(skip).Take(count).ToList();
            return sized.Count == count ? sized : null;
        }, SagaTimeout, "the distribution library has sized products to list");

        var listed = new List<StoreProduct>();
        foreach (var product in found)
        {
            var listing = (await onboarding.ListProductAsync(new ListProductRequest
            {
                StoreId = storeId, RequestId = $"list-{storeId}-{product.LibraryProductId}",
                Library = new LibraryListing { LibraryProductId = product.LibraryProductId, Stock = Math.Min(100, product.AvailableStock) },
            }, headers, cancellationToken: ct)).Product;
            // Size advice sends the product's chart inline (TryOnService keeps no catalogue); the library's is the listing's.
            listing.SizeChart ??= product.SizeChart.Clone();
            listed.Add(listing);
        }

        return listed;
    }

    /// <summary>A room exists in AsrCommentService once it has consumed LiveSessionPlanned from the broker.</summary>
    private static async Task WaitUntilAsrKnowsTheRoomsAsync(GrpcChannel gateway, IEnumerable<LoadMerchant> merchants, CancellationToken ct)
    {
        var asr = new AsrCommentService.AsrCommentServiceClient(gateway);
        foreach (var merchant in merchants)
        {
            await Eventually.ThatAsync(async () =>
            {
                try
                {
                    return await asr.GetSessionTranscriptAsync(new GetSessionTranscriptRequest { SessionId = merchant.Session.SessionId, PageSize = 1 }, merchant.Headers, cancellationToken: ct);
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
                {
                    return null;
                }
            }, SagaTimeout, $"AsrCommentService knows session {merchant.Session.SessionId}");
        }
    }

    public static CategoryPath Category(IEnumerable<string> levels)
    {
        var path = new CategoryPath();
        path.Levels.AddRange(levels);
        return path;
    }
}
