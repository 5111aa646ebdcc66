namespace Commerce.Clip.Domain;

/// <summary>
/// A session's signals as per-second series with prefix sums: transcript cues (attributed to the second a sentence
/// starts, since candidates never split a sentence), engagement z-scores against a rolling baseline, and per-product
/// mention and selling-point counts. Built once per session; every candidate's features are then O(1) lookups.
/// </summary>
public sealed class SignalTimeline
{
    public const double SpikeZ = 2.5;

    private readonly Dictionary<string, int> _productIndex = new(StringComparer.Ordinal);

    public SignalTimeline(SessionSignals session)
    {
        var n = Math.Max(1, session.DurationSeconds);
        Duration = n;
        var products = session.Products;
        for (var p = 0; p < products.Count; p++) _productIndex[products[p].ProductId] = p;
        Products = products;

        var titleWords = products.Select(p => TextCues.Keywords(p.Title).ToHashSet()).ToArray();
        var pointWords = products.Select((p, i) => p.SellingPoints.SelectMany(TextCues.Keywords)
            .Where(w => !titleWords[i].Contains(w)).ToHashSet()).ToArray();

        var lines = new double[n];
        var speech = new double[n];
        var price = new double[n];
        var hooks = new double[n];
        var mention = products.Select(_ => new double[n]).ToArray();
        var points = products.Select(_ => new double[n]).ToArray();
        var onAir = products.Select(_ => new double[n]).ToArray();
        var explained = products.Select(_ => new double[n]).ToArray();
        var switches = new bool[n + 1];

        string? previousProduct = null;
        foreach (var line in session.Transcript)
        {
            var s = Math.Clamp(line.StartMs / 1000, 0, n - 1);
            var e = Math.Clamp((line.EndMs + 999) / 1000, s + 1, n);
            for (var t = s; t < e; t++) speech[t] = 1;
            var words = TextCues.Words(line.Text);
            lines[s] += 1;
            price[s] += TextCues.PriceTalk(words);
            hooks[s] += TextCues.Hooks(words);
            for (var p = 0; p < products.Count; p++)
            {
                mention[p][s] += TextCues.Count(words, titleWords[p]);
                points[p][s] += TextCues.Count(words, pointWords[p]);
            }

            if (line.ProductId is { } pid && _productIndex.TryGetValue(pid, out var pi)) onAir[pi][s] += 1;
            if (!string.Equals(line.ProductId, previousProduct, StringComparison.Ordinal)) switches[s] = true;
            previousProduct = line.ProductId;
        }

        var orders = new double[n];
        var social = new double[n];
        var viewers = new double[n];
        string? previousExplained = null;
        foreach (var sample in session.Engagement)
        {
            if (sample.Offset < 0 || sample.Offset >= n) continue;
            orders[sample.Offset] = sample.Orders;
            social[sample.Offset] = sample.Comments + 0.2 * sample.Likes;
            viewers[sample.Offset] = sample.Viewers;
            if (sample.ProductExplainedId is { } eid && _productIndex.TryGetValue(eid, out var ei)) explained[ei][sample.Offset] = 1;
            if (sample.ProductOnShelfId is not null) switches[sample.Offset] = true;
            if (!string.Equals(sample.ProductExplainedId, previousExplained, StringComparison.Ordinal)) switches[sample.Offset] = true;
            previousExplained = sample.ProductExplainedId;
        }

        var orderZ = RollingBaseline.ZScores(orders);
        var socialZ = RollingBaseline.ZScores(social);
        var viewerZ = RollingBaseline.ZScores(viewers, floor: 5);

        Lines = new Prefix(lines);
        Speech = new Prefix(speech);
        Price = new Prefix(price);
        Hooks = new Prefix(hooks);
        Mentions = mention.Select(a => new Prefix(a)).ToArray();
        SellingPoints = points.Select(a => new Prefix(a)).ToArray();
        OnAir = onAir.Select(a => new Prefix(a)).ToArray();
        Explained = explained.Select(a => new Prefix(a)).ToArray();
        OrderZ = orderZ;
        OrderZSum = new Prefix(orderZ);
        OrderSpikes = new Prefix(orderZ.Select(z => z >= SpikeZ ? 1.0 : 0).ToArray());
        SocialZ = socialZ;
        SocialZSum = new Prefix(socialZ);
        SocialSpikes = new Prefix(socialZ.Select(z => z >= SpikeZ ? 1.0 : 0).ToArray());
        ViewerZ = viewerZ;
        ViewerZSum = new Prefix(viewerZ);
        Switches = switches;
        MentionSeries = mention;
        PointSeries = points;
    }

    public int Duration { get; }
    public IReadOnlyList<ProductInfo> Products { get; }
    public Prefix Lines { get; }
    public Prefix Speech { get; }
    public Prefix Price { get; }
    public Prefix Hooks { get; }
    public Prefix[] Mentions { get; }
    public Prefix[] SellingPoints { get; }
    public Prefix[] OnAir { get; }
    public Prefix[] Explained { get; }
    public double[] OrderZ { get; }
    public Prefix OrderZSum { get; }
    public Prefix OrderSpikes { get; }
    public double[] SocialZ { get; }
    public Prefix SocialZSum { get; }
    public Prefix SocialSpikes { get; }
    public double[] ViewerZ { get; }
    public Prefix ViewerZSum { get; }
    internal double[][] MentionSeries { get; }
    internal double[][] PointSeries { get; }

    /// <summary>True where the product on air changes (a sentence about another product, a new product on the shelf).</summary>
    public bool[] Switches { get; }

    public int ProductIndex(string? productId) =>
        productId is not null && _productIndex.TryGetValue(productId, out var i) ? i : -1;

    /// <summary>The product most talked about in [from, to): sentences on air first, then title mentions.</summary>
    public string? MainProduct(int from, int to)
    {
        var best = -1;
        var bestScore = 0.0;
        for (var p = 0; p < Products.Count; p++)
        {
            var score = OnAir[p].Sum(from, to) * 2 + Mentions[p].Sum(from, to) + Explained[p].Sum(from, to) * 0.05;
            if (score > bestScore)
            {
                bestScore = score;
                best = p;
            }
        }

        return best < 0 ? null : Products[best].ProductId;
    }
}
