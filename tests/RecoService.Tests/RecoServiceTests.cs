using Commerce.IntegrationEvents.V1;
using Commerce.Protos.Reco.V1;
using Commerce.Reco.Grpc;
using Commerce.Reco.Projection;
using Commerce.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Scenario = Commerce.Protos.Type.V1.Scenario;

namespace Commerce.Reco.Tests;

public sealed class RecoServiceTests
{
    private static ProductListed Listing(string id, string title, string[] category) => new()
    {
        Product = new ProductSnapshot
        {
            ProductId = id, MerchantId = "m1", StoreId = "s1", Title = title, CategoryPath = category, Price = 199m, Stock = 10,
            Attributes = new Dictionary<string, string> { ["material"] = "linen", ["style"] = "minimalist" },
        },
    };

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("condition not met within 20 s");
            await Task.Yield();
            await Task.Delay(20); // polling a condition with a deadline, not a sleep standing in for synchronisation
        }
    }

    [Test]
    public async Task A_freshly_listed_product_appears_in_a_cold_start_buyers_mall_feed_with_the_fresh_reason()
    {
        await using var host = new ServiceHost<RecoGrpcService>();
        var engine = host.Services.GetRequiredService<RecoProjection>().Engine;
        await host.Harness.Start();
        await host.Harness.Bus.Publish(Listing("p-new", "Minimalist linen dress", ["women", "dress"]));
        await WaitUntil(() => engine.FindItem("p-new") is not null);

        var client = new RecoService.RecoServiceClient(host.CreateChannel(Callers.Buyer("new-buyer")));
        var answer = await client.GetRecommendationsAsync(new GetRecommendationsRequest { Scenario = Scenario.Mall, Count = 20 });

        Assert.That(answer.ColdStart, Is.True);
        var item = answer.Items.Single(i => i.ItemId == "p-new");
        Assert.That(item.Reasons.Select(r => r.Channel), Does.Contain(Protos.Reco.V1.RecallChannel.FreshContent));
    }

    [Test]
    public async Task Bad_input_answers_invalid_argument()
    {
        await using var host = new ServiceHost<RecoGrpcService>();
        var client = new RecoService.RecoServiceClient(host.CreateChannel(Callers.Buyer("u1")));

        async Task<StatusCode> Code(GetRecommendationsRequest r)
        {
            try { await client.GetRecommendationsAsync(r); return StatusCode.OK; }
            catch (RpcException ex) { return ex.StatusCode; }
        }

        Assert.That(await Code(new GetRecommendationsRequest { Scenario = Scenario.Mall, Count = 0 }), Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(await Code(new GetRecommendationsRequest { Scenario = Scenario.Mall, Count = 101 }), Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(await Code(new GetRecommendationsRequest { Scenario = Scenario.Unspecified, Count = 5 }), Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(await Code(new GetRecommendationsRequest { Scenario = (Scenario)42, Count = 5 }), Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(await Code(new GetRecommendationsRequest { Scenario = Scenario.Mall, Count = 5, ContextItemId = "bad id!" }), Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(await Code(new GetRecommendationsRequest { Scenario = Scenario.Mall, Count = 5 }), Is.EqualTo(StatusCode.OK), "unknown user: cold start");
    }

    [Test]
    public async Task A_recorded_interaction_shows_in_the_next_interests_call_and_a_retry_is_a_duplicate()
    {
        await using var host = new ServiceHost<RecoGrpcService>();
        var engine = host.Services.GetRequiredService<RecoProjection>().Engine;
        await host.Harness.Start();
        await host.Harness.Bus.Publish(Listing("p1", "Minimalist linen dress", ["women", "dress"]));
        await WaitUntil(() => engine.FindItem("p1") is not null);
        var client = new RecoService.RecoServiceClient(host.CreateChannel(Callers.Buyer("u7")));
        var request = new RecordInteractionRequest();
        request.Interactions.Add(new Protos.Reco.V1.Interaction
        {
            EventId = "evt-1", ItemId = "p1", ItemKind = Protos.Reco.V1.ItemKind.Product, Type = InteractionType.Purchase,
            Scenario = Scenario.Live, OccurTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
        });

        var first = await client.RecordInteractionAsync(request);
        var interests = await client.GetUserInterestsAsync(new GetUserInterestsRequest());
        var again = await client.RecordInteractionAsync(request);

        Assert.That(first.AcceptedCount, Is.EqualTo(1));
        Assert.That(again.DuplicateCount, Is.EqualTo(1));
        Assert.That(interests.Tags.Select(t => t.Tag), Does.Contain("linen"));
        Assert.That(interests.Categories[0].Category.Levels, Is.EqualTo(new[] { "women", "dress" }));
    }

    [Test]
    public async Task Explanations_belong_to_the_buyer_who_got_the_answer_and_a_buyer_cannot_read_another_profile()
    {
        await using var host = new ServiceHost<RecoGrpcService>();
        var engine = host.Services.GetRequiredService<RecoProjection>().Engine;
        await host.Harness.Start();
        await host.Harness.Bus.Publish(Listing("p2", "Vintage leather belt", ["accessories", "belt"]));
        await WaitUntil(() => engine.FindItem("p2") is not null);
        var buyer = new RecoService.RecoServiceClient(host.CreateChannel(Callers.Buyer("u1")));
        var other = new RecoService.RecoServiceClient(host.CreateChannel(Callers.Buyer("u2")));
        var answer = await buyer.GetRecommendationsAsync(new GetRecommendationsRequest { Scenario = Scenario.Mall, Count = 5 });
        var explain = new ExplainRecommendationRequest { RecommendationId = answer.RecommendationId, ItemId = answer.Items[0].ItemId };

        var explanation = await buyer.ExplainRecommendationAsync(explain);
        var stranger = Assert.ThrowsAsync<RpcException>(async () => await other.ExplainRecommendationAsync(explain));
        var snoop = Assert.ThrowsAsync<RpcException>(async () => await other.GetUserInterestsAsync(new GetUserInterestsRequest { UserId = "u1" }));

        Assert.That(explanation.Reasons, Is.Not.Empty);
        Assert.That(explanation.Features, Is.Not.Empty);
        Assert.That(stranger!.StatusCode, Is.EqualTo(StatusCode.NotFound));
        Assert.That(snoop!.StatusCode, Is.EqualTo(StatusCode.PermissionDenied));
    }
}
