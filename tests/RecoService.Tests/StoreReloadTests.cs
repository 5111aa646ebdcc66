using Commerce.Reco.Domain;
using Commerce.Reco.Projection;
using Commerce.Reco.Storage;
using Commerce.ServiceDefaults.Storage;

namespace Commerce.Reco.Tests;

public sealed class StoreReloadTests
{
    [Test]
    public void A_restart_reloads_items_and_profiles_and_a_redelivered_event_changes_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("reco-store-").FullName;
        var path = Path.Combine(folder, "reco.db");
        var now = DateTimeOffset.UtcNow;
        var item = new CatalogItem
        {
            Id = "p1", Kind = ItemKind.Product, MerchantId = "m1", Title = "silk scarf", CategoryPath = ["accessories", "scarf"],
            Price = 50, Stock = 3, ListedAt = now, Attributes = new Dictionary<string, string> { ["material"] = "silk" },
        };
        var embedder = new ItemEmbedder(SharedModels.Encoder);
        var first = new RecoProjection(new RecoStore(new SqliteDatabase(path, RecoStore.Schema)), new RecoEngine(embedder), embedder);
        first.Item("evt-item", item);
        var applied = first.Interaction(new Interaction("evt-1", "u1", "p1", InteractionAction.Like, Scenario.ShortVideo, now));
        var redelivered = first.Interaction(new Interaction("evt-1", "u1", "p1", InteractionAction.Like, Scenario.ShortVideo, now));

        var engine = new RecoEngine(embedder);
        new RecoProjection(new RecoStore(new SqliteDatabase(path, RecoStore.Schema)), engine, embedder).Load();
        var interests = engine.Interests("u1", null, 10, now);

        Assert.That(applied, Is.True);
        Assert.That(redelivered, Is.False);
        Assert.That(engine.FindItem("p1"), Is.Not.Null);
        Assert.That(interests!.Tags.Single(t => t.Tag == "silk").Weight, Is.EqualTo(2).Within(1e-6), "one like, counted once");
    }
}
