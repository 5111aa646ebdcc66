using System.Diagnostics;
using Commerce.CsAgent.Application;
using Commerce.CsAgent.Domain.Knowledge;
using Commerce.CsAgent.Tests.Evaluation;

// Usage: dotnet run -c Release --project tests/Benchmarks/CsAgentService.Benchmarks [-- --catalog 50000]
// The committed evaluation set (its products, reviews, dialogs and orders) plus copies of its products under new ids
// and titles up to --catalog listings, all in the knowledge base's BM25 statistics; MiniLM for English retrieval; no
// language model. Every task's first message is asked twice: the first pass embeds each product's facts on first use
// (cold), the second is the steady state. Reply time = AgentDesk.AskAsync, with its SQLite conversation store.
var catalog = args.SkipWhile(a => a != "--catalog").Skip(1).Select(int.Parse).DefaultIfEmpty(50_000).First();
var set = EvaluationSetFile.Load();
using var embedder = new MiniLmTextEmbedder();
using var env = new AgentEnvironment(set.Now, embedder);
env.Load(set);
var load = Stopwatch.StartNew();
for (var i = set.Products.Count; i < catalog; i++)
{
    var source = set.Products[i % set.Products.Count];
    env.Knowledge.UpsertProduct(source with { ProductId = $"{source.ProductId}-copy{i}", Title = $"{source.Title} edition {i}" }, 0);
}

Console.WriteLine($"catalog {env.Knowledge.ProductCount} products ({catalog - set.Products.Count} copies added in {load.Elapsed.TotalSeconds:F1} s); " +
                  $"{set.Tasks.Count} tasks; {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
foreach (var pass in new[] { "first pass (facts embedded on first use)", "second pass (steady state)" })
{
    var times = new List<double>();
    foreach (var task in set.Tasks)
    {
        var clock = Stopwatch.StartNew();
        await env.Desk.AskAsync(task.BuyerId, new AskInput(null, task.Messages[0], task.ProductId, null, null, null), CancellationToken.None);
        times.Add(clock.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    Console.WriteLine($"{pass}: {times.Count} replies, p50 {times[times.Count / 2]:F1} ms, p95 {times[(int)(times.Count * 0.95)]:F1} ms, max {times[^1]:F1} ms (target p95 < 50 ms)");
}
