using Microsoft.Extensions.DependencyInjection;
using Commerce.Asr.Grpc;
using Commerce.IntegrationEvents.V1;
using Commerce.TestSupport;
using MassTransit.Testing;

namespace Commerce.Asr.Tests.Service;

/// <summary>Plans a session (and lists its products) through the bus, as MerchantOnboarding would.</summary>
internal static class LiveRoomFixture
{
    public static ServiceHost<AsrCommentGrpcService> Host(Dictionary<string, string?>? settings = null) =>
        new(new Dictionary<string, string?>(settings ?? []) { ["Asr:MinSuggestionInterval"] = "00:00:00.100" });

    public static async Task<LiveSessionPlanned> PlanAsync(ServiceHost<AsrCommentGrpcService> host, string sessionId, string merchantId = "m1", string? roomId = null)
    {
        // A first call makes sure the host (and the bus's hosted service) has fully started before anything is published.
        using (var channel = host.CreateChannel()) await GrpcSurface.HealthAsync(channel);
        var harness = host.Harness;
        harness.TestInactivityTimeout = TimeSpan.FromSeconds(2);
        await harness.Start();
        var product = new ProductSnapshot
        {
            ProductId = sessionId + "-belt", MerchantId = merchantId, StoreId = "s1", Title = "Genuine Cowhide Leather Belt", TitleZh = "头层牛皮男士皮带",
            CategoryPath = ["accessories", "belts"], Price = 29, Attributes = new Dictionary<string, string> { ["colour"] = "brown" },
            SizeChart = [new SizeChartRow { Size = "M" }, new SizeChartRow { Size = "L" }],
        };
        var listed = new ProductListed { Product = product };
        var planned = new LiveSessionPlanned
        {
            SessionId = sessionId, MerchantId = merchantId, StoreId = "s1", RoomId = roomId ?? "room-" + sessionId, DurationMinutes = 60, Language = "en-US",
            Lineup = [new LineupEntry { ProductId = product.ProductId, Title = product.Title, Role = "main", StartSecond = 0, EndSecond = 600 }],
            Script = [new ScriptLine { AtSecond = 0, Kind = "intro", Text = "next up is the genuine cowhide leather belt", ProductId = product.ProductId }],
        };
        // The in-memory harness sometimes drops a publish made before its receive endpoint is bound (seen in cold
        // processes), so the plan is written through the consumers' store operations here; consumption over the bus is
        // covered by A_redelivered_plan_changes_nothing_twice.
        var store = host.Services.GetRequiredService<Commerce.Asr.Storage.AsrStore>();
        var facts = new Commerce.Asr.Domain.Sessions.ProductFacts
        {
            ProductId = product.ProductId, Title = product.Title, TitleZh = product.TitleZh, Attributes = product.Attributes,
            Sizes = product.SizeChart.Select(r => r.Size).ToList(),
        };
        var session = new Commerce.Asr.Domain.Sessions.LiveSession
        {
            SessionId = planned.SessionId, MerchantId = planned.MerchantId, RoomId = planned.RoomId, Language = planned.Language, Lineup = planned.Lineup, Script = planned.Script,
        };
        store.ApplyOnce(listed.EventId, (c, tx) => Commerce.Asr.Storage.AsrStore.UpsertProduct(c, tx, facts));
        store.ApplyOnce(planned.EventId, (c, tx) => Commerce.Asr.Storage.AsrStore.UpsertSession(c, tx, session));
        host.Services.GetRequiredService<Commerce.Asr.Live.SessionCatalog>().Invalidate();
        return planned;
    }
}
