using Commerce.Reco.Domain;

namespace Commerce.Reco.Tests;

public sealed class DomainTests
{
    [Test]
    public void Decaying_weight_halves_after_one_half_life()
    {
        var w = new DecayingWeight();
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        w.Add(4, t0, TimeSpan.FromDays(2));

        Assert.That(w.ValueAt(t0.AddDays(2), TimeSpan.FromDays(2)), Is.EqualTo(2).Within(1e-9));
    }

    [Test]
    public void Swing_ranks_the_pair_shared_by_otherwise_different_users_first()
    {
        // Users 0-2 share items 0 and 1 and nothing else; users 3-4 share 0, 2, 3, 4 (a broad overlap says less).
        int[][] users = [[0, 1], [0, 1, 5], [0, 1, 6], [0, 2, 3, 4], [0, 2, 3, 4]];
        var sim = Swing.Compute(users, 7);

        Assert.That(sim[0][0].Item, Is.EqualTo(1));
    }

    [Test]
    public void Ivf_index_finds_at_least_95_percent_of_the_exact_top_10_on_clustered_vectors()
    {
        const int dims = 32, n = 4000;
        var rng = new Random(3);
        var centres = Enumerable.Range(0, 40).Select(_ => Enumerable.Range(0, dims).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray()).ToArray();
        var rows = new float[n * dims];
        for (var i = 0; i < n; i++)
        {
            var c = centres[i % centres.Length];
            for (var d = 0; d < dims; d++) rows[i * dims + d] = c[d] + 0.15f * ((float)rng.NextDouble() - 0.5f);
            VectorMath.Normalize(rows.AsSpan(i * dims, dims));
        }

        var exact = new ExactVectorIndex(rows, dims);
        var ivf = new IvfVectorIndex(rows, dims, probes: 8);
        double found = 0;
        for (var q = 0; q < 50; q++)
        {
            var query = rows.AsSpan(rng.Next(n) * dims, dims).ToArray();
            var truth = exact.Search(query, 10).Select(p => p.Id).ToHashSet();
            found += ivf.Search(query, 10).Count(p => truth.Contains(p.Id)) / 10.0;
        }

        Assert.That(found / 50, Is.GreaterThanOrEqualTo(0.95));
    }

    [Test]
    public void Tags_come_from_attributes_by_facet_and_title_keywords()
    {
        var item = new CatalogItem
        {
            Id = "p1", Kind = ItemKind.Product, MerchantId = "m1", Title = "Minimalist linen midi dress", CategoryPath = ["women", "dress"],
            Attributes = new Dictionary<string, string> { ["material"] = "linen", ["occasion"] = "office" },
        };
        var tags = new TagExtractor(null).Extract(item);

        Assert.That(tags, Does.Contain(new ItemTag("linen", TagFacet.Material)));
        Assert.That(tags, Does.Contain(new ItemTag("office", TagFacet.Occasion)));
        Assert.That(tags.Select(t => t.Text), Does.Contain("minimalist").And.Not.Contain("dress"));
    }

    [Test]
    public void Engine_never_returns_out_of_stock_or_already_bought_items_and_never_an_empty_cold_start_list()
    {
        var engine = SharedModels.NewEngine();
        var now = DateTimeOffset.UtcNow;
        CatalogItem Product(string id, int stock) => new()
        {
            Id = id, Kind = ItemKind.Product, MerchantId = "m1", Title = "linen dress " + id, CategoryPath = ["women", "dress"],
            Price = 100, Stock = stock, ListedAt = now.AddDays(-10),
        };
        engine.Upsert(Product("a", 5));
        engine.Upsert(Product("b", 0));
        engine.Upsert(Product("c", 5));
        engine.Apply(new Interaction("e1", "u1", "a", InteractionAction.Purchase, Scenario.Live, now.AddHours(-1)));
        engine.Rebuild(now);

        var warm = engine.Recommend(new RecommendationRequest("u1", Scenario.Mall, 10, now)).Items.Select(i => i.Item.Id).ToList();
        var cold = engine.Recommend(new RecommendationRequest("nobody", Scenario.Mall, 10, now));

        Assert.That(warm, Does.Not.Contain("a").And.Not.Contain("b").And.Contain("c"));
        Assert.That(cold.ColdStart, Is.True);
        Assert.That(cold.Items, Is.Not.Empty);
    }
}
