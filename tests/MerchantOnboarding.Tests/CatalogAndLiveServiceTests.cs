using Commerce.IntegrationEvents.V1;
using Commerce.Onboarding.Domain.Live;
using Commerce.Onboarding.Grpc;
using Commerce.Onboarding.Workers;
using Commerce.Protos.Onboarding.V1;
using Commerce.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Onboarding.Tests;

public sealed class CatalogAndLiveServiceTests
{
    private static async Task<(ServiceHost<OnboardingGrpcService> Host, MerchantOnboardingService.MerchantOnboardingServiceClient Merchant, Application App)> StartAsync(string store, int licence)
    {
        var host = Fixtures.Host();
        var (merchant, app) = await Fixtures.OpenTrialStoreAsync(host, store, licence);
        var seeder = host.Services.GetRequiredService<LibrarySeeder>();
        await Fixtures.WaitUntil(() => seeder.IsReady);
        return (host, merchant, app);
    }

    [Test]
    public async Task Library_search_filters_by_category_and_text_and_pages()
    {
        var (host, merchant, _) = await StartAsync("Search Stall", 10);
        await using var _h = host;
        var dresses = await merchant.SearchLibraryAsync(new SearchLibraryRequest
        {
            Query = "连衣裙", Category = Fixtures.Category("Women's Clothing", "Dresses"), PageSize = 10, Sort = LibrarySort.Sales,
        });
        Assert.That(dresses.Products, Has.Count.EqualTo(10));
        Assert.That(dresses.TotalSize, Is.GreaterThan(10));
        Assert.That(dresses.Products.All(p => p.Category.Levels[1] == "Dresses"), Is.True);
        Assert.That(dresses.Products.Select(p => p.SalesCount), Is.Ordered.Descending);
        var next = await merchant.SearchLibraryAsync(new SearchLibraryRequest
        {
            Query = "连衣裙", Category = Fixtures.Category("Women's Clothing", "Dresses"), PageSize = 10, Sort = LibrarySort.Sales, PageToken = dresses.NextPageToken,
        });
        Assert.That(next.Products.Select(p => p.LibraryProductId), Is.Not.EquivalentTo(dresses.Products.Select(p => p.LibraryProductId)));
        var english = await merchant.SearchLibraryAsync(new SearchLibraryRequest { Query = "cotton", PageSize = 5 });
        Assert.That(english.Products.All(p => p.Texts.Any(t => t.LanguageCode == "en" && (t.Title + string.Join(" ", t.Attributes.Values)).Contains("cotton", StringComparison.OrdinalIgnoreCase))), Is.True);
        Assert.That(Fixtures.StatusOf(() => merchant.SearchLibraryAsync(new SearchLibraryRequest { Category = Fixtures.Category("Nope") }).ResponseAsync), Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(Fixtures.StatusOf(() => merchant.SearchLibraryAsync(new SearchLibraryRequest { PageSize = 500 }).ResponseAsync), Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(Fixtures.StatusOf(() => merchant.GetLibraryProductAsync(new GetLibraryProductRequest { LibraryProductId = "lib-999999" }).ResponseAsync), Is.EqualTo(StatusCode.NotFound));
    }

    [Test]
    public async Task Listing_from_the_library_and_a_draft_emit_product_listed_and_updates_emit_the_next_version()
    {
        var (host, merchant, app) = await StartAsync("List Stall", 11);
        await using var _h = host;
        var item = (await merchant.SearchLibraryAsync(new SearchLibraryRequest { Category = Fixtures.Category("Women's Clothing", "Dresses"), PageSize = 1 })).Products[0];
        var listing = new ListProductRequest { StoreId = app.StoreId, RequestId = "l1", Library = new LibraryListing { LibraryProductId = item.LibraryProductId, Stock = 20 } };
        var listed = (await merchant.ListProductAsync(listing)).Product;
        var again = (await merchant.ListProductAsync(listing)).Product;
        Assert.That(again.ProductId, Is.EqualTo(listed.ProductId), "idempotent per request_id");

        var draft = (await merchant.ListProductAsync(new ListProductRequest
        {
            StoreId = app.StoreId, RequestId = "l2",
            Draft = new ProductDraft
            {
                Title = "Hand-knitted wool scarf", Category = Fixtures.Category("Shoes & Bags", "Accessories", "Hats"), Price = ProtoMapper.Money(88m),
                Stock = 5, LanguageCode = "en", SellingPoints = { "Knitted by hand" }, Attributes = { ["material"] = "wool" },
            },
        })).Product;

        await Fixtures.WaitUntil(() => host.Harness.Published.Select<ProductListed>().Count() >= 2);
        var events = host.Harness.Published.Select<ProductListed>().Select(m => m.Context.Message.Product).ToList();
        Assert.That(events, Has.Count.EqualTo(2), "the retry emitted nothing");
        var fromLibrary = events.Single(e => e.ProductId == listed.ProductId);
        var en = item.Texts.Single(t => t.LanguageCode == "en");
        var zh = item.Texts.Single(t => t.LanguageCode == "zh-CN");
        Assert.That(fromLibrary.Title, Is.EqualTo(en.Title));
        Assert.That(fromLibrary.TitleZh, Is.EqualTo(zh.Title));
        Assert.That(fromLibrary.CategoryPath, Is.EqualTo(item.Category.Levels));
        Assert.That(fromLibrary.Attributes["material"], Is.EqualTo(en.Attributes["material"]));
        Assert.That(fromLibrary.SellingPoints, Is.SupersetOf(en.SellingPoints).And.SupersetOf(zh.SellingPoints));
        Assert.That(fromLibrary.SizeChart, Has.Count.EqualTo(5));
        Assert.That(fromLibrary.SizeChart[0].MeasurementsCm.Keys, Does.Contain("height_min"));
        Assert.That(fromLibrary.Price, Is.EqualTo(item.Price.Units + item.Price.Nanos / 1e9m));
        Assert.That(fromLibrary.LibraryProductId, Is.EqualTo(item.LibraryProductId));
        Assert.That(fromLibrary.MerchantId, Is.EqualTo(app.MerchantId));
        Assert.That(events.Single(e => e.ProductId == draft.ProductId).Title, Is.EqualTo("Hand-knitted wool scarf"));

        var updated = (await merchant.UpdateProductAsync(new UpdateProductRequest
        {
            Product = new StoreProduct { ProductId = listed.ProductId, Price = ProtoMapper.Money(66.6m) }, UpdateMask = new FieldMask { Paths = { "price" } },
        })).Product;
        Assert.That(updated.Price.Units, Is.EqualTo(66));
        await Fixtures.WaitUntil(() => host.Harness.Published.Select<ProductUpdated>().Any());
        var update = host.Harness.Published.Select<ProductUpdated>().Single().Context.Message;
        Assert.That(update.Version, Is.EqualTo(2));
        Assert.That(update.Product.Price, Is.EqualTo(66.6m));

        var stranger = Fixtures.Client(host, Callers.Merchant("mer_other"));
        Assert.That(Fixtures.StatusOf(() => stranger.UpdateProductAsync(new UpdateProductRequest
        {
            Product = new StoreProduct { ProductId = listed.ProductId, Stock = 1 }, UpdateMask = new FieldMask { Paths = { "stock" } },
        }).ResponseAsync), Is.EqualTo(StatusCode.PermissionDenied));
        Assert.That(Fixtures.StatusOf(() => merchant.UpdateProductAsync(new UpdateProductRequest
        {
            Product = new StoreProduct { ProductId = listed.ProductId }, UpdateMask = new FieldMask { Paths = { "merchant_id" } },
        }).ResponseAsync), Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(Fixtures.StatusOf(() => merchant.ListProductAsync(new ListProductRequest
        {
            StoreId = app.StoreId, RequestId = "l3", Library = new LibraryListing { LibraryProductId = "lib-999999" },
        }).ResponseAsync), Is.EqualTo(StatusCode.NotFound));
        Assert.That(Fixtures.StatusOf(() => merchant.ListProductAsync(new ListProductRequest
        {
            StoreId = app.StoreId, RequestId = "l4",
            Draft = new ProductDraft { Title = "x", Category = Fixtures.Category("Moon Rocks", "A", "B"), Price = ProtoMapper.Money(1m) },
        }).ResponseAsync), Is.EqualTo(StatusCode.InvalidArgument));
        var page = await merchant.ListStoreProductsAsync(new ListStoreProductsRequest { StoreId = app.StoreId });
        Assert.That(page.TotalSize, Is.EqualTo(2));
    }

    [Test]
    public async Task Smart_live_start_suggests_plans_emits_the_session_and_streams_the_teleprompter()
    {
        var (host, merchant, app) = await StartAsync("Live Stall", 12);
        await using var _h = host;
        var suggestion = await merchant.SuggestLineupAsync(new SuggestLineupRequest
        {
            StoreId = app.StoreId, DurationMinutes = 30, Category = Fixtures.Category("Women's Clothing", "Dresses"), MaxProducts = 4,
        });
        Assert.That(suggestion.Items.Select(i => i.Role), Is.EqualTo(new[] { LineupRole.TrafficDriver, LineupRole.Hero, LineupRole.Regular, LineupRole.Regular }));

        var plan = new PlanLiveSessionRequest
        {
            StoreId = app.StoreId, RequestId = "p1", DurationMinutes = 30, Category = Fixtures.Category("Women's Clothing", "Dresses"),
            ScriptOptions = new ScriptOptions { LanguageCode = "en" },
        };
        plan.Lineup.AddRange(suggestion.Items.Select(i => new Protos.Onboarding.V1.LineupEntry { Product = i.Product, Role = i.Role }));
        var session = (await merchant.PlanLiveSessionAsync(plan)).Session;
        Assert.That(session.PlannedDuration.ToTimeSpan().TotalMinutes, Is.EqualTo(30).Within(1.5));
        Assert.That(session.Script.Sections.Count(s => s.Kind == ScriptSectionKind.Product), Is.EqualTo(4));
        var text = string.Join("\n", session.Script.Sections.SelectMany(s => s.Lines).Select(l => l.Text));
        Assert.That(text, Does.Contain("back to the original price in 3 minutes").And.Contain("Comment 1"));
        Assert.That(BannedClaims.LoadDefault().FindIn(text), Is.Empty);

        await Fixtures.WaitUntil(() => host.Harness.Published.Select<LiveSessionPlanned>().Any());
        var planned = host.Harness.Published.Select<LiveSessionPlanned>().Single().Context.Message;
        Assert.That(planned.SessionId, Is.EqualTo(session.SessionId));
        Assert.That(planned.Language, Is.EqualTo("en"));
        Assert.That(planned.Lineup.Select(l => l.ProductId), Is.EqualTo(suggestion.Items.Select(i => i.Product.LibraryProductId)));
        Assert.That(planned.Script.Count, Is.EqualTo(session.Script.Sections.Sum(s => s.Lines.Count)));

        var zhPlan = new PlanLiveSessionRequest(plan) { RequestId = "p2", ScriptOptions = new ScriptOptions { LanguageCode = "zh-CN" } };
        var zhText = string.Join("", (await merchant.PlanLiveSessionAsync(zhPlan)).Session.Script.Sections.SelectMany(s => s.Lines).Select(l => l.Text));
        Assert.That(zhText, Does.Contain("3分钟后恢复原价").And.Contain("扣1"));

        // 30 minutes at 600x: about 3 s; resume from minute 25 to keep it short.
        using var stream = merchant.StreamTeleprompter(new StreamTeleprompterRequest
        {
            SessionId = session.SessionId, Mode = TeleprompterMode.TeachMe, TimeScale = 600, StartOffset = Duration.FromTimeSpan(TimeSpan.FromMinutes(25)),
        }, deadline: DateTime.UtcNow.AddSeconds(60));
        var cues = new List<TeleprompterCue>();
        await foreach (var message in stream.ResponseStream.ReadAllAsync()) cues.Add(message.Cue);
        var expectedLines = session.Script.Sections.SelectMany(s => s.Lines).Where(l => (l.StartOffset.ToTimeSpan() + l.Duration.ToTimeSpan()) > TimeSpan.FromMinutes(25)).ToList();
        Assert.That(cues.Select(c => c.LineId), Is.EqualTo(expectedLines.Select(l => l.LineId)));
        Assert.That(cues.Select(c => c.Text), Is.EqualTo(expectedLines.Select(l => l.Tip)), "teach me shows tips");
        Assert.That(cues.Select(c => c.AtOffset.ToTimeSpan()), Is.Ordered);

        Assert.That(Fixtures.StatusOf(() => merchant.PlanLiveSessionAsync(new PlanLiveSessionRequest(plan) { RequestId = "p3", DurationMinutes = 300 }).ResponseAsync), Is.EqualTo(StatusCode.InvalidArgument));
        var missing = new PlanLiveSessionRequest(plan) { RequestId = "p4" };
        missing.Lineup.Add(new Protos.Onboarding.V1.LineupEntry { Product = new ProductRef { LibraryProductId = "lib-999999" } });
        Assert.That(Fixtures.StatusOf(() => merchant.PlanLiveSessionAsync(missing).ResponseAsync), Is.EqualTo(StatusCode.NotFound));
        var stranger = Fixtures.Client(host, Callers.Merchant("mer_other"));
        Assert.That(Fixtures.StatusOf(() => stranger.GetLiveSessionAsync(new GetLiveSessionRequest { SessionId = session.SessionId }).ResponseAsync), Is.EqualTo(StatusCode.PermissionDenied));
        Assert.That(Fixtures.StatusOf(async () =>
        {
            using var s = merchant.StreamTeleprompter(new StreamTeleprompterRequest { SessionId = session.SessionId });
            await s.ResponseStream.MoveNext();
        }), Is.EqualTo(StatusCode.InvalidArgument));
    }
}
