using System.Diagnostics;
using Commerce.Clip.Domain;
using Commerce.Clip.Inference;
using Commerce.Clip.Training;

namespace Commerce.Clip.Tests;

/// <summary>
/// Visual signals through the real frame_embedder on InferenceHost: the fixture session's video shows a coloured panel
/// while each product is on air, and each product's own picture is that colour on white.
/// </summary>
public sealed class FrameEmbedderVisualSourceTests
{
    [Test]
    public async Task A_product_looks_more_like_its_picture_in_the_seconds_it_is_on_screen_than_elsewhere()
    {
        var (session, video) = await Fixtures.SessionWithVideoAsync();
        var pictures = new PictureFolder();
        foreach (var p in session.Signals.Products) await pictures.AddAsync(p.ProductId, SessionVideo.ProductColor(session, p.ProductId));
        var source = new FrameEmbedderVisualSource(new FrameEmbedder(new InferenceClient.InferenceClient(InferenceHostFixture.Client)), pictures);

        var watch = Stopwatch.StartNew();
        var visual = await source.ExtractAsync(video, session.Signals.Products, session.Signals.DurationSeconds, CancellationToken.None);
        watch.Stop();
        TestContext.Out.WriteLine($"{session.Signals.DurationSeconds} s of video sampled and embedded in {watch.Elapsed.TotalSeconds:F1} s " +
                                  $"({session.Signals.DurationSeconds / watch.Elapsed.TotalSeconds:F1} frames/s, ffmpeg decoding included)");

        Assert.That(visual.SceneStability, Has.Length.EqualTo(session.Signals.DurationSeconds));
        var shown = session.Signals.Products.Where(p => OnScreenSeconds(session, p.ProductId).Count > 0).ToList();
        Assert.That(shown, Is.Not.Empty, "the fixture puts a product on air");
        foreach (var other in session.Signals.Products.Except(shown))
        {
            var series = visual.ProductSimilarity[other.ProductId];
            var onScreen = OnScreenSeconds(session, shown[0].ProductId);
            TestContext.Out.WriteLine($"{other.ProductId} ({SessionVideo.ProductColor(session, other.ProductId)}, never on air): similarity " +
                                      $"{onScreen.Average(s => series[s]):F3} while {shown[0].ProductId} shows vs " +
                                      $"{Enumerable.Range(0, series.Length).Where(s => !onScreen.Contains(s)).Average(s => series[s]):F3} elsewhere");
        }

        foreach (var product in shown)
        {
            var onScreen = OnScreenSeconds(session, product.ProductId);
            var series = visual.ProductSimilarity[product.ProductId];
            var inside = onScreen.Average(s => series[s]);
            var outside = Enumerable.Range(0, series.Length).Where(s => !onScreen.Contains(s)).Average(s => series[s]);
            TestContext.Out.WriteLine($"{product.ProductId} ({SessionVideo.ProductColor(session, product.ProductId)}): on screen {onScreen.Count} s, " +
                                      $"similarity {inside:F3} on screen vs {outside:F3} elsewhere");
            Assert.That(inside, Is.GreaterThan(outside), $"{product.ProductId}'s similarity is higher while its panel shows");
        }

        var stability = visual.SceneStability;
        var switches = shown.SelectMany(p => OnScreenSeconds(session, p.ProductId) is var on ? new[] { on.Min(), on.Max() + 1 } : []).ToList();
        var leastStable = Enumerable.Range(1, stability.Length - 1).OrderBy(s => stability[s]).Take(4).ToList();
        TestContext.Out.WriteLine($"scene stability: mean {stability.Average():F3}, least stable seconds {string.Join(", ", leastStable.Select(s => $"{s} ({stability[s]:F3})"))}; " +
                                  $"panel switches at {string.Join(", ", switches)}");
        Assert.That(stability.All(v => v is > 0 and <= 1.0001), Is.True, "cosine of consecutive frames of one scene");
    }

    [Test]
    public async Task Frame_embedding_throughput_through_InferenceHost_is_reported()
    {
        var (_, video) = await Fixtures.SessionWithVideoAsync();
        var frames = new List<byte[]>();
        await foreach (var f in Media.FrameSampler.SampleAsync(video, InferenceClient.FrameEmbedderTensors.Side, 1, CancellationToken.None))
        {
            frames.Add(f);
            if (frames.Count == 96) break;
        }

        var embedder = new FrameEmbedder(new InferenceClient.InferenceClient(InferenceHostFixture.Client));
        await embedder.EmbedAsync(frames.Take(FrameEmbedder.BatchSize).ToList(), CancellationToken.None); // warm-up
        var watch = Stopwatch.StartNew();
        var embedded = await embedder.EmbedAsync(frames, CancellationToken.None);
        watch.Stop();

        TestContext.Out.WriteLine($"frame_embedder through InferenceHost: {frames.Count} frames in batches of {FrameEmbedder.BatchSize}, " +
                                  $"{watch.Elapsed.TotalSeconds:F2} s = {frames.Count / watch.Elapsed.TotalSeconds:F1} images/s");
        Assert.That(embedded, Has.Length.EqualTo(frames.Count));
        Assert.That(embedded.All(e => e.Length == InferenceClient.FrameEmbedderTensors.FeatureCount && e.Any(v => v != 0)), Is.True);
    }

    private static HashSet<int> OnScreenSeconds(LabelledSession session, string productId)
    {
        // As SessionVideo paints it: from the first to the last second the product is explained.
        var explained = session.Signals.Engagement.Where(e => e.ProductExplainedId == productId).Select(e => e.Offset).ToList();
        return explained.Count == 0 ? [] : Enumerable.Range(explained.Min(), explained.Max() - explained.Min() + 1).ToHashSet();
    }

    private sealed class PictureFolder : IProductImageSource
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("clip-products-").FullName;
        private readonly Dictionary<string, string> _pictures = new(StringComparer.Ordinal);

        public async Task AddAsync(string productId, string color)
        {
            var path = Path.Combine(_dir, productId + ".png");
            await SessionVideo.RenderProductImageAsync(color, path);
            _pictures[productId] = path;
        }

        public Task<IReadOnlyList<string>> ImagePathsAsync(ProductInfo product, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>(_pictures.TryGetValue(product.ProductId, out var p) ? [p] : []);
    }
}
