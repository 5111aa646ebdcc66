namespace Commerce.CsAgent.Domain.Knowledge;

/// <summary>One aspect a review states, e.g. fit = runs large, with its sentiment (-1, 0, +1).</summary>
public sealed record ReviewAspect(string Aspect, string ValueEn, string ValueZh, int Sentiment);

/// <summary>
/// Aspect and sentiment mining from review text by phrase patterns in both languages. Negated phrases are listed
/// before their positive forms and a matched span is consumed, so "not real leather" never also counts as "real
/// leather". Patterns, not a model: every mined fact can be traced to the words that produced it.
/// </summary>
public static class ReviewAspectMiner
{
    private static readonly (string Pattern, ReviewAspect Aspect)[] Patterns =
    [
        ("not real leather", new("material", "is not real leather", "不是真皮", -1)),
        ("fake leather", new("material", "is not real leather", "不是真皮", -1)),
        ("pu leather", new("material", "is not real leather", "不是真皮", -1)),
        ("不是真皮", new("material", "is not real leather", "不是真皮", -1)),
        ("假皮", new("material", "is not real leather", "不是真皮", -1)),
        ("人造革", new("material", "is not real leather", "不是真皮", -1)),
        ("real leather", new("material", "is real leather", "是真皮", 1)),
        ("genuine leather", new("material", "is real leather", "是真皮", 1)),
        ("真皮", new("material", "is real leather", "是真皮", 1)),
        ("runs large", new("fit", "runs large", "尺码偏大", 0)),
        ("runs big", new("fit", "runs large", "尺码偏大", 0)),
        ("size down", new("fit", "runs large", "尺码偏大", 0)),
        ("偏大", new("fit", "runs large", "尺码偏大", 0)),
        ("runs small", new("fit", "runs small", "尺码偏小", 0)),
        ("size up", new("fit", "runs small", "尺码偏小", 0)),
        ("偏小", new("fit", "runs small", "尺码偏小", 0)),
        ("true to size", new("fit", "is true to size", "尺码标准", 1)),
        ("正码", new("fit", "is true to size", "尺码标准", 1)),
        ("no smell", new("smell", "has no odour", "没有异味", 1)),
        ("doesn't smell", new("smell", "has no odour", "没有异味", 1)),
        ("没有异味", new("smell", "has no odour", "没有异味", 1)),
        ("无异味", new("smell", "has no odour", "没有异味", 1)),
        ("没味道", new("smell", "has no odour", "没有异味", 1)),
        ("smells", new("smell", "has a strong smell", "有异味", -1)),
        ("bad smell", new("smell", "has a strong smell", "有异味", -1)),
        ("chemical smell", new("smell", "has a strong smell", "有异味", -1)),
        ("有异味", new("smell", "has a strong smell", "有异味", -1)),
        ("味道大", new("smell", "has a strong smell", "有异味", -1)),
        ("color fades", new("colour", "fades after washing", "洗后掉色", -1)),
        ("colour fades", new("colour", "fades after washing", "洗后掉色", -1)),
        ("faded", new("colour", "fades after washing", "洗后掉色", -1)),
        ("掉色", new("colour", "fades after washing", "洗后掉色", -1)),
        ("褪色", new("colour", "fades after washing", "洗后掉色", -1)),
        ("sturdy", new("quality", "is sturdy", "做工结实", 1)),
        ("well made", new("quality", "is sturdy", "做工结实", 1)),
        ("结实", new("quality", "is sturdy", "做工结实", 1)),
        ("broke", new("quality", "broke quickly", "容易坏", -1)),
        ("坏了", new("quality", "broke quickly", "容易坏", -1)),
        ("battery lasts", new("battery", "has a long battery life", "续航持久", 1)),
        ("续航好", new("battery", "has a long battery life", "续航持久", 1)),
        ("续航久", new("battery", "has a long battery life", "续航持久", 1)),
        ("battery dies", new("battery", "has a short battery life", "续航短", -1)),
        ("续航短", new("battery", "has a short battery life", "续航短", -1)),
    ];

    public static IReadOnlyList<ReviewAspect> Mine(string text)
    {
        var lower = text.ToLowerInvariant();
        var consumed = new bool[lower.Length];
        var found = new List<ReviewAspect>();
        foreach (var (pattern, aspect) in Patterns)
        {
            for (var at = lower.IndexOf(pattern, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(pattern, at + 1, StringComparison.Ordinal))
            {
                if (consumed.AsSpan(at, pattern.Length).Contains(true)) continue;
                consumed.AsSpan(at, pattern.Length).Fill(true);
                if (!found.Contains(aspect)) found.Add(aspect);
            }
        }

        return found;
    }
}
