using Commerce.Gateway.Auth;
using Commerce.Protos.Asr.V1;
using Commerce.Protos.Bidding.V1;
using Commerce.Protos.CsAgent.V1;
using Commerce.Protos.Onboarding.V1;
using Commerce.Protos.Reco.V1;
using Commerce.Protos.TryOn.V1;
using Commerce.Protos.Type.V1;
using Commerce.ServiceDefaults.Identity;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;

namespace Commerce.LoadTests;

/// <summary>
/// The platform's traffic as its callers make it, through the gateway with real tokens. Buyers (a fixed population, so
/// profiles warm up as they would) make the bulk: recommendations in the three scenarios, interactions, questions to
/// the customer-service agent, quick-comment subscriptions in live rooms, size advice and, rarely, a try-on. The
/// auction service (operator role) bids for ad opportunities at a high rate. Merchants look at campaigns and their
/// daily report, plan lives and stream the host's audio. Weights are shares of all calls (per mille).
/// </summary>
public static class TrafficMix
{
    /// <summary>How long a viewer's quick-comment subscription is held open before the viewer leaves.</summary>
    public static readonly TimeSpan SubscriptionHold = TimeSpan.FromSeconds(1);

    /// <summary>Audio per StreamLiveAudio chunk: 250 ms, as a live-room encoder sends it (limit 64 KiB = 2 s).</summary>
    private const int ChunkBytes = LoadMedia.SampleRateHz / 4 * 2;

    private static readonly TimeSpan UnaryDeadline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan HeavyDeadline = TimeSpan.FromSeconds(60);

    private static readonly string[] BuyerQuestions =
    [
        "what is this dress made of?", "does it run large or small?", "is the colour the same as in the photo?",
        "how do I wash it?", "when will my order ship?", "can I return it if it does not fit?", "这件衣服是什么面料？", "偏大还是偏小？",
    ];

    private static readonly string[] MerchantQuestions =
    [
        "how much is the deposit to activate my store?", "what are the trial store limits?", "how do traffic rewards work?",
        "开店保证金是多少？",
    ];

    public static IReadOnlyList<LoadCall> Create(GrpcChannel gateway, DevTokenIssuer tokens, LoadWorld world, int buyers = 200, int auctionCallers = 8)
    {
        var lifetime = TimeSpan.FromHours(8);
        var buyerTokens = Enumerable.Range(0, buyers).Select(i => tokens.Mint($"load-buyer-{i}", CallerRole.Buyer, lifetime: lifetime)).ToArray();
        // Several auction-service instances: the gateway limits each caller (token subject) to its own rate.
        var auctionTokens = Enumerable.Range(0, auctionCallers).Select(i => tokens.Mint($"load-auction-{i}", CallerRole.Operator, lifetime: lifetime)).ToArray();
        var products = world.Products.ToArray();
        var rooms = world.Merchants.Select(m => m.Session.LiveRoomId).ToArray();
        var campaigns = world.Merchants.SelectMany(m => m.CampaignIds).ToArray();
        long sequence = 0;
        string NextId(string kind) => $"{kind}-{world.RunId}-{Interlocked.Increment(ref sequence)}";

        var reco = new RecoService.RecoServiceClient(gateway);
        var csagent = new CsAgentService.CsAgentServiceClient(gateway);
        var asr = new AsrCommentService.AsrCommentServiceClient(gateway);
        var tryon = new TryOnService.TryOnServiceClient(gateway);
        var bidding = new BiddingService.BiddingServiceClient(gateway);
        var onboarding = new MerchantOnboardingService.MerchantOnboardingServiceClient(gateway);

        static Metadata Bearer(string token) => new() { { "authorization", "Bearer " + token } };
        Metadata Buyer(Random random) => Bearer(buyerTokens[random.Next(buyerTokens.Length)]);
        Metadata Auction(Random random) => Bearer(auctionTokens[random.Next(auctionTokens.Length)]);
        LoadMerchant Merchant(Random random) => world.Merchants[random.Next(world.Merchants.Count)];
        static T Pick<T>(Random random, IReadOnlyList<T> from) => from[random.Next(from.Count)];
        static DateTime Deadline(TimeSpan after) => DateTime.UtcNow + after;

        LoadCall Recommendations(Scenario scenario, double weight) => new($"reco.GetRecommendations/{scenario}", weight, async call =>
        {
            var request = new GetRecommendationsRequest { Scenario = scenario, Count = 20 };
            if (scenario == Scenario.Live) request.LiveRoomId = Pick(call.Random, rooms);
            await reco.GetRecommendationsAsync(request, Buyer(call.Random), Deadline(UnaryDeadline), call.CancellationToken);
        });

        return
        [
            Recommendations(Scenario.Mall, 280),
            Recommendations(Scenario.ShortVideo, 200),
            Recommendations(Scenario.Live, 140),

            new("reco.RecordInteraction", 60, async call =>
            {
                var product = Pick(call.Random, products);
                await reco.RecordInteractionAsync(new RecordInteractionRequest
                {
                    Interactions =
                    {
                        new Interaction
                        {
                            EventId = Guid.NewGuid().ToString(), ItemId = product.ProductId, ItemKind = ItemKind.Product,
                            Type = call.Random.NextDouble() < 0.8 ? InteractionType.Click : InteractionType.AddToCart,
                            Scenario = Scenario.Mall, OccurTime = Timestamp.FromDateTime(DateTime.UtcNow),
                        },
                    },
                }, Buyer(call.Random), Deadline(UnaryDeadline), call.CancellationToken);
            }),

            new("bidding.Bid", 220, async call =>
                await bidding.BidAsync(NewBid(call.Random, NextId("opp"), campaigns, rooms), Auction(call.Random), Deadline(UnaryDeadline), call.CancellationToken)),

            new("csagent.Ask", 40, async call =>
            {
                await csagent.AskAsync(new AskRequest
                {
                    Message = Pick(call.Random, BuyerQuestions), ProductId = Pick(call.Random, products).ProductId, RequestId = NextId("ask"),
                }, Buyer(call.Random), Deadline(UnaryDeadline), call.CancellationToken);
            }),

            new("asr.SubscribeQuickComments", 10, async call =>
            {
                // A viewer watches for a moment and leaves: the call ends by the viewer's cancel, which is its normal end.
                using var hold = CancellationTokenSource.CreateLinkedTokenSource(call.CancellationToken);
                hold.CancelAfter(SubscriptionHold);
                using var subscription = asr.SubscribeQuickComments(new SubscribeQuickCommentsRequest { LiveRoomId = Pick(call.Random, rooms) },
                    Buyer(call.Random), cancellationToken: hold.Token);
                try
                {
                    await foreach (var _ in subscription.ResponseStream.ReadAllAsync(hold.Token))
                    {
                    }
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && hold.IsCancellationRequested && !call.CancellationToken.IsCancellationRequested)
                {
                }
                catch (OperationCanceledException) when (hold.IsCancellationRequested && !call.CancellationToken.IsCancellationRequested)
                {
                }
            }),

            new("tryon.RecommendSize", 10, async call =>
            {
                var product = Pick(call.Random, products);
                await tryon.RecommendSizeAsync(new RecommendSizeRequest
                {
                    Body = new BodyProfile { HeightCm = 150 + call.Random.Next(35), WeightKg = 42 + call.Random.Next(40), Sex = Sex.Female },
                    SizeChart = product.SizeChart,
                }, Buyer(call.Random), Deadline(UnaryDeadline), call.CancellationToken);
            }),

            new("tryon.TryOn", 2, async call =>
            {
                await tryon.TryOnAsync(new TryOnRequest
                {
                    RequestId = NextId("tryon"), PersonImage = ByteString.CopyFrom(world.Media.PersonPhoto),
                    GarmentImage = ByteString.CopyFrom(world.Media.GarmentPhoto),
                    Options = new TryOnOptions { GarmentTypeHint = GarmentType.TShirtTop, MaxOutputSidePx = 512 },
                }, Buyer(call.Random), Deadline(HeavyDeadline), call.CancellationToken);
            }),

            new("bidding.ListCampaigns", 6, async call =>
                await bidding.ListCampaignsAsync(new ListCampaignsRequest { PageSize = 20 }, Merchant(call.Random).Headers, Deadline(UnaryDeadline), call.CancellationToken)),

            new("bidding.GetCampaign", 6, async call =>
            {
                var merchant = Merchant(call.Random);
                await bidding.GetCampaignAsync(new GetCampaignRequest { CampaignId = Pick(call.Random, merchant.CampaignIds) }, merchant.Headers,
                    Deadline(UnaryDeadline), call.CancellationToken);
            }),

            new("bidding.CreateCampaign", 1, async call =>
            {
                var merchant = Merchant(call.Random);
                await bidding.CreateCampaignAsync(new CreateCampaignRequest
                {
                    RequestId = NextId("campaign"), Name = "Load promotion " + NextId("c"),
                    Target = new PromotedTarget { Kind = TargetKind.Product, TargetId = Pick(call.Random, merchant.Products).ProductId },
                    DailyBudget = new Money { CurrencyCode = "CNY", Units = 1000 + call.Random.Next(5000) },
                    Goal = new CampaignGoal { TargetRoi = 2 + call.Random.NextDouble() * 2 },
                }, merchant.Headers, Deadline(UnaryDeadline), call.CancellationToken);
            }),

            new("onboarding.GetDailyReport", 4, async call =>
                await onboarding.GetDailyReportAsync(new GetDailyReportRequest(), Merchant(call.Random).Headers, Deadline(UnaryDeadline), call.CancellationToken)),

            new("onboarding.AskAdvisor", 3, async call =>
                await onboarding.AskAdvisorAsync(new AskAdvisorRequest { Question = Pick(call.Random, MerchantQuestions) }, Merchant(call.Random).Headers,
                    Deadline(UnaryDeadline), call.CancellationToken)),

            new("onboarding.SuggestLineup", 3, async call =>
            {
                var merchant = Merchant(call.Random);
                await onboarding.SuggestLineupAsync(new SuggestLineupRequest
                {
                    StoreId = merchant.StoreId, DurationMinutes = 30 + 30 * call.Random.Next(4), Category = LoadWorld.Category(LoadWorld.LiveCategory),
                    Products = { merchant.Products.Select(p => new ProductRef { ProductId = p.ProductId }) },
                }, merchant.Headers, Deadline(UnaryDeadline), call.CancellationToken);
            }),

            new("onboarding.PlanLiveSession", 1, async call =>
            {
                var merchant = Merchant(call.Random);
                var lineup = merchant.Products.OrderBy(_ => call.Random.Next()).Take(3 + call.Random.Next(3))
                    .Select(p => new LineupEntry { Product = new ProductRef { ProductId = p.ProductId } });
                await onboarding.PlanLiveSessionAsync(new PlanLiveSessionRequest
                {
                    StoreId = merchant.StoreId, RequestId = NextId("live"), DurationMinutes = 60, Category = LoadWorld.Category(LoadWorld.LiveCategory),
                    Lineup = { lineup }, ScriptOptions = new ScriptOptions { LanguageCode = call.Random.NextDouble() < 0.5 ? "en" : "zh-CN" },
                }, merchant.Headers, Deadline(UnaryDeadline), call.CancellationToken);
            }),

            new("asr.StreamLiveAudio", 2, async call =>
            {
                // The live-room encoder of one of the world's sessions sends a short stretch of the host's speech, as fast
                // as the stream takes it (not paced at real time, so the call measures recognition, not the clock).
                var merchant = Merchant(call.Random);
                using var stream = asr.StreamLiveAudio(merchant.Headers, Deadline(HeavyDeadline), call.CancellationToken);
                var reading = Task.Run(async () =>
                {
                    await foreach (var _ in stream.ResponseStream.ReadAllAsync(call.CancellationToken))
                    {
                    }
                });
                var pcm = world.Media.HostSpeechPcm;
                try
                {
                    for (long n = 0, at = 0; at < pcm.Length; n++, at += ChunkBytes)
                    {
                        await stream.RequestStream.WriteAsync(new StreamLiveAudioRequest
                        {
                            SessionId = merchant.Session.SessionId, SequenceNumber = n, SampleRateHz = LoadMedia.SampleRateHz,
                            Encoding = AudioEncoding.Linear16, LanguageCode = "en-US",
                            Pcm = ByteString.CopyFrom(pcm, (int)at, (int)Math.Min(ChunkBytes, pcm.Length - at)),
                        }, call.CancellationToken);
                    }

                    await stream.RequestStream.CompleteAsync();
                }
                catch (Exception)
                {
                    // The server ended the call while audio was still going out: its status says why.
                    await reading;
                    throw;
                }

                await reading;
            }),
        ];
    }

    /// <summary>
    /// An ad opportunity as the auction service sends it: 1-3 of the world's campaigns with the platform's predictions;
    /// live-room feed slots also offer a traffic-reward exposure (a counter write in the reward ledger).
    /// </summary>
    public static BidRequest NewBid(Random random, string opportunityId, IReadOnlyList<string> campaigns, IReadOnlyList<string> rooms)
    {
        var opportunity = new BidOpportunity
        {
            OpportunityId = opportunityId,
            Slot = new AdSlot { SlotId = $"slot-{random.Next(20)}", Scenario = (Scenario)(1 + random.Next(3)), Position = 1 + random.Next(10) },
            FloorPrice = new Money { CurrencyCode = "CNY", Nanos = 10_000_000 },
            OccurTime = Timestamp.FromDateTime(DateTime.UtcNow),
            AuctionType = AuctionType.SecondPrice,
        };
        foreach (var campaign in campaigns.OrderBy(_ => random.Next()).Take(1 + random.Next(3)))
        {
            opportunity.Candidates.Add(new BidCandidate
            {
                CampaignId = campaign, Pctr = 0.01 + random.NextDouble() * 0.07, Pcvr = 0.02 + random.NextDouble() * 0.18,
                PredictedValue = new Money { CurrencyCode = "CNY", Units = 100 + random.Next(200) },
            });
        }

        if (opportunity.Slot.Scenario == Scenario.Live)
        {
            opportunity.RewardCandidates.Add(new RewardCandidate
            {
                Target = new PromotedTarget { Kind = TargetKind.LiveRoom, TargetId = rooms[random.Next(rooms.Count)] }, Pctr = 0.05,
            });
        }

        return new BidRequest { Opportunity = opportunity };
    }
}
