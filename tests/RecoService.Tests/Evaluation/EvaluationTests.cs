using System.Diagnostics;
using Commerce.Reco.Domain;

namespace Commerce.Reco.Tests.Evaluation;

public sealed class EvaluationTests
{
    private static SyntheticWorld.World LoadCommitted() => SyntheticWorld.Load(SyntheticWorld.DataFolder);

    [Test]
    public void Committed_data_files_are_what_the_generator_writes_from_its_seed()
    {
        if (Environment.GetEnvironmentVariable("RECO_WRITE_EVAL_DATA") is { Length: > 0 } folder) SyntheticWorld.WriteFiles(folder);
        var (items, log) = SyntheticWorld.ToCsv(SyntheticWorld.Generate());

        Assert.That(File.ReadAllText(Path.Combine(SyntheticWorld.DataFolder, "items.csv")), Is.EqualTo(items));
        Assert.That(File.ReadAllText(Path.Combine(SyntheticWorld.DataFolder, "interactions.csv")), Is.EqualTo(log));
    }

    [Test]
    public void Related_categories_recover_the_planted_pairs_and_the_full_system_wins_cross_scenario_hits()
    {
        var (itemCf, full, precisionAt10) = RunEvaluation();

        Assert.That(precisionAt10, Is.GreaterThanOrEqualTo(0.8), "precision@10 of mined complementary pairs");
        Assert.That(full.CrossScenarioHitRate, Is.GreaterThan(itemCf.CrossScenarioHitRate), "cross-scenario hit rate vs item-CF");
        Assert.That(full.NdcgAt20, Is.GreaterThan(itemCf.NdcgAt20), "full system NDCG@20 above item-CF");
    }

    // The issue's threshold. Measured on 2026-12-08: full (learned ranker) 0.2232 vs item-CF 0.1376 NDCG@20 (1.62x).
    [Test]
    public void Full_system_beats_item_cf_by_20_percent_ndcg()
    {
        var (itemCf, full, _) = RunEvaluation();

        Assert.That(full.NdcgAt20, Is.GreaterThanOrEqualTo(1.2 * itemCf.NdcgAt20), "full system NDCG@20 >= 1.2 x item-CF");
    }

    private static (Metrics ItemCf, Metrics Full, double PrecisionAt10) RunEvaluation()
    {
        var world = LoadCommitted();
        var cut = SyntheticWorld.Start.AddDays(SyntheticWorld.Days * 0.8);
        var train = world.Log.Where(x => x.At < cut).ToList();
        var watch = Stopwatch.StartNew();
        var embedder = new ItemEmbedder(SharedModels.Encoder);
        var (ranker, rows, share) = RankerTraining.Train(world.Items, train, embedder, SharedModels.Chinese);
        var trainSeconds = watch.Elapsed.TotalSeconds;

        var engine = new RecoEngine(embedder, SharedModels.Chinese);
        foreach (var item in world.Items) engine.Upsert(item);
        foreach (var x in train) engine.Apply(x);
        engine.Rebuild(cut);
        var requests = OfflineEvaluation.Requests(world, cut);
        var catalog = world.Items.Count;

        var heuristic = OfflineEvaluation.Score("full (heuristic ranker)", requests, Full(engine, cut), catalog);
        Assert.That(ranker, Is.Not.Null, "the ranker trains on the log");
        engine.Ranker = ranker!;
        var results = new[]
        {
            OfflineEvaluation.Score("popularity", requests, OfflineEvaluation.Popularity(world, cut), catalog),
            OfflineEvaluation.Score("item-CF", requests, OfflineEvaluation.ItemCf(world, cut), catalog),
            heuristic,
            OfflineEvaluation.Score("full (learned ranker)", requests, Full(engine, cut), catalog),
        };

        var planted = SyntheticWorld.ComplementaryPairs.SelectMany(p => new[] { (p.A, p.B), (p.B, p.A) }).ToHashSet();
        var graph = engine.Snapshot.Graph;
        var top10 = graph.Categories.SelectMany(c => graph.Related(c, CategoryRelation.Complementary).Select(e => (From: c, e.Category, e.Strength)))
            .Where(e => string.CompareOrdinal(e.From, e.Category) < 0 || !planted.Contains((e.Category, e.From)))
            .OrderByDescending(e => e.Strength).ThenBy(e => e.From, StringComparer.Ordinal).Take(10).ToList();
        var precisionAt10 = top10.Count(e => planted.Contains((e.From, e.Category))) / 10.0;
        var sources = planted.Select(p => p.Item1).Distinct().ToList();
        var perCategory = sources.Average(s =>
        {
            var want = planted.Where(p => p.Item1 == s).Select(p => p.Item2).ToHashSet();
            var got = graph.Related(s, CategoryRelation.Complementary).Take(want.Count).Select(e => e.Category);
            return got.Count(want.Contains) / (double)want.Count;
        });

        TestContext.Out.WriteLine($"synthetic log: {world.Items.Count} items, {world.Log.Count} events, {requests.Count} test requests " +
                                  $"({requests.Count(r => r.CrossScenario)} cross-scenario); ranker: {rows} rows, {share:P1} positive, trained in {trainSeconds:F1} s");
        TestContext.Out.WriteLine($"{"system",-24} {"Recall@20",10} {"NDCG@20",10} {"coverage",10} {"x-scen hit",10}");
        foreach (var m in results)
            TestContext.Out.WriteLine($"{m.System,-24} {m.RecallAt20,10:F4} {m.NdcgAt20,10:F4} {m.Coverage,10:F4} {m.CrossScenarioHitRate,10:F4}");
        TestContext.Out.WriteLine($"related categories: precision@10 of the top complementary pairs {precisionAt10:F2}; per-category precision@|planted| {perCategory:F2}");
        foreach (var e in top10) TestContext.Out.WriteLine($"  {e.From} -> {e.Category} {e.Strength:F3} {(planted.Contains((e.From, e.Category)) ? "planted" : "")}");

        return (results[1], results[3], precisionAt10);
    }

    private static Func<EvalRequest, IReadOnlyList<string>> Full(RecoEngine engine, DateTimeOffset now) => r =>
        engine.Recommend(new RecommendationRequest(r.UserId, r.Scenario, OfflineEvaluation.K, now, Exclude: r.Seen)).Items.Select(i => i.Item.Id).ToList();
}
