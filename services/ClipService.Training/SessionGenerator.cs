using Commerce.Clip.Domain;

namespace Commerce.Clip.Training;

/// <summary>
/// Generates labelled live sessions, deterministic from a seed: a host's transcript with planted product explanations
/// (title and selling points), hot moments (price talk with an order spike) and traffic drivers (giveaway hooks with a
/// like/comment burst and new viewers), among filler talk and distractor spikes that are not moments.
/// </summary>
public static class SessionGenerator
{
    public static readonly IReadOnlyList<(ProductInfo Product, int Price)> Catalog =
    [
        (new("p-belt", "Cowhide Leather Belt", ["genuine cowhide leather", "solid brass buckle", "hand stitched edges"]), 39),
        (new("p-earbuds", "Wireless Earbuds", ["thirty hours of battery", "active noise cancelling", "waterproof charging case"]), 59),
        (new("p-teapot", "Porcelain Teapot", ["hand painted porcelain", "built in steel strainer", "keeps tea warm longer"]), 45),
        (new("p-jacket", "Down Winter Jacket", ["white goose down filling", "windproof outer shell", "detachable fur hood"]), 129),
        (new("p-serum", "Vitamin Face Serum", ["pure vitamin extract", "absorbs within seconds", "gentle on sensitive skin"]), 25),
        (new("p-sneakers", "Running Sneakers", ["breathable mesh upper", "cushioned foam sole", "anti slip rubber grip"]), 79),
        (new("p-backpack", "Travel Backpack", ["fits a laptop", "hidden anti theft pocket", "padded shoulder straps"]), 49),
        (new("p-kettle", "Electric Kettle", ["boils water in three minutes", "automatic shut off", "stainless steel interior"]), 35),
        (new("p-scarf", "Silk Scarf", ["mulberry silk fabric", "hand rolled hems", "vivid printed pattern"]), 29),
        (new("p-lamp", "Desk Lamp", ["adjustable brightness levels", "eye care light", "foldable metal arm"]), 42),
    ];

    private static readonly string[] Filler =
    [
        "How is everyone doing tonight.", "Let me drink some water first.", "I will answer your questions in a moment.",
        "Thank you all for the kind words.", "Our studio is a bit warm today.", "Let me read the comments now.",
        "My assistant is bringing the next box.", "Tell me where you are watching from.", "We are live every evening at eight.",
        "I love chatting with you all.", "Give me one second to fix the camera.", "Price will be revealed later tonight.",
    ];

    private static readonly string[] ExplainIntro = ["Let me show you the {t}.", "Now look closely at the {t}.", "Next up is our {t}."];
    private static readonly string[] ExplainPoint = ["It has {s}.", "You get {s} with it.", "The best part is the {s}.", "Notice the {s} here.", "Feel the {s} yourself."];
    private static readonly string[] ExplainClose = ["That is why the {t} is so popular.", "The {t} really is well made."];
    private static readonly string[] ProductFiller = ["I am wearing the {t} myself.", "The {t} comes in three colours.", "Many of you asked about the {t}."];
    private static readonly string[] Hot =
    [
        "The {t} is only {p} dollars today.", "The link is up, grab it now.", "Only fifty units left in stock.",
        "Add it to your cart before it sells out.", "Orders are flying, so many sold already.", "This deal ends in one minute.",
        "Use the coupon to save ten dollars.", "Checkout now at the special price.",
    ];
    private static readonly string[] Traffic =
    [
        "Welcome everyone who just came in.", "Comment one to join the lucky draw.", "Share the room with friends for a free gift.",
        "Follow us, the prize draw starts now.", "Hello to all the newcomers, stay for the surprise.", "Invite your friends, everyone can win.",
    ];

    /// <summary>Generates one session of about <paramref name="durationSeconds"/> with <paramref name="productCount"/> products.</summary>
    public static LabelledSession Generate(int seed, int durationSeconds, int productCount = 3)
    {
        var rng = new Random(seed);
        var products = Catalog.OrderBy(_ => rng.Next()).Take(Math.Clamp(productCount, 1, Catalog.Count)).ToList();
        var lines = new List<TranscriptLine>();
        var moments = new List<PlantedMoment>();
        var hotSpans = new List<(int S, int E)>();
        var trafficSpans = new List<(int S, int E)>();
        var explained = new string?[durationSeconds];
        var onShelf = new Dictionary<int, string>();
        var t = 0;

        void Say(string text, string? productId)
        {
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            var seconds = Math.Max(3, (int)Math.Ceiling(words / 2.6)) + rng.Next(0, 2);
            lines.Add(new TranscriptLine(t * 1000, (t + seconds) * 1000 - 200, text, productId));
            t += seconds;
        }

        void Talk(int seconds, Func<string> next, string? productId)
        {
            var until = t + seconds;
            while (t < until) Say(next(), productId);
        }

        string Pick(string[] options) => options[rng.Next(options.Length)];

        Talk(rng.Next(10, 25), () => Pick(Filler), null);
        var block = 0;
        var hotPlanted = false;
        const int blockBudget = 190;
        while (t + blockBudget < durationSeconds || block == 0)
        {
            var (product, price) = products[block % products.Count];
            var title = product.Title;
            var blockStart = t;
            onShelf[t] = product.ProductId;
            if (rng.NextDouble() < 0.6) Talk(rng.Next(3, 9), () => Pick(ProductFiller).Replace("{t}", title), product.ProductId);

            var start = t;
            Say(Pick(ExplainIntro).Replace("{t}", title), product.ProductId);
            var explainUntil = start + rng.Next(25, 55);
            var point = rng.Next(product.SellingPoints.Count);
            while (t < explainUntil)
            {
                Say(Pick(ExplainPoint).Replace("{s}", product.SellingPoints[point++ % product.SellingPoints.Count]), product.ProductId);
            }

            Say(Pick(ExplainClose).Replace("{t}", title), product.ProductId);
            moments.Add(new PlantedMoment(ClipKind.ProductExplanation, start, t, product.ProductId));
            Talk(rng.Next(5, 15), () => Pick(ProductFiller).Replace("{t}", title), product.ProductId);

            if (rng.NextDouble() < 0.75 || (!hotPlanted && block % products.Count == products.Count - 1))
            {
                start = t;
                Say(Hot[0].Replace("{t}", title).Replace("{p}", price.ToString(System.Globalization.CultureInfo.InvariantCulture)), product.ProductId);
                Talk(rng.Next(12, 26), () => Pick(Hot[1..]), product.ProductId);
                moments.Add(new PlantedMoment(ClipKind.HotItem, start, t, product.ProductId));
                hotSpans.Add((start, t));
                hotPlanted = true;
                Talk(rng.Next(5, 15), () => Pick(ProductFiller).Replace("{t}", title), product.ProductId);
            }

            for (var s = blockStart; s < Math.Min(t, durationSeconds); s++) explained[s] = product.ProductId;

            if (block % 3 == 0)
            {
                Talk(rng.Next(5, 12), () => Pick(Filler), null);
                start = t;
                Talk(rng.Next(15, 30), () => Pick(Traffic), null);
                moments.Add(new PlantedMoment(ClipKind.TrafficDriver, start, t, null));
                trafficSpans.Add((start, t));
            }

            Talk(rng.Next(5, 20), () => Pick(Filler), null);
            block++;
        }

        while (t < durationSeconds - 6) Say(Pick(Filler), null);
        var duration = Math.Max(durationSeconds, t);
        var engagement = Engagement(rng, duration, hotSpans, trafficSpans, explained, onShelf);
        return new LabelledSession(seed,
            new SessionSignals($"gen-{seed}", duration, lines, engagement, products.Select(p => p.Product).ToList()), moments);
    }

    private static List<EngagementSecond> Engagement(Random rng, int duration, List<(int S, int E)> hot, List<(int S, int E)> traffic,
        string?[] explained, Dictionary<int, string> onShelf)
    {
        var samples = new List<EngagementSecond>(duration);
        double viewers = rng.Next(100, 400);
        var bonus = 0.0;
        var distractorUntil = -1;
        for (var s = 0; s < duration; s++)
        {
            var inHot = hot.Any(h => s >= h.S + 1 && s < h.E);
            var inTraffic = traffic.Any(h => s >= h.S + 1 && s < h.E);
            if (!inHot && !inTraffic && distractorUntil < s && rng.NextDouble() < 0.01) distractorUntil = s + rng.Next(3, 7);
            var distractor = s <= distractorUntil;
            viewers = Math.Max(20, viewers + rng.Next(-3, 4));
            bonus = inTraffic ? bonus + viewers * 0.02 : bonus * 0.98;
            var orders = Poisson(rng, inHot ? 3.5 : (rng.NextDouble() < 0.005 ? 3 : 0.1));
            var comments = Poisson(rng, inTraffic ? 5 : inHot ? 2 : distractor ? 3 : 0.6);
            var likes = Poisson(rng, inTraffic ? 18 : distractor ? 12 : 3);
            samples.Add(new EngagementSecond(s, (int)(viewers + bonus), comments, likes, orders,
                onShelf.GetValueOrDefault(s), s < explained.Length ? explained[s] : null));
        }

        return samples;
    }

    private static int Poisson(Random rng, double lambda)
    {
        var l = Math.Exp(-lambda);
        var k = 0;
        var p = 1.0;
        do { k++; p *= rng.NextDouble(); } while (p > l);
        return k - 1;
    }
}
