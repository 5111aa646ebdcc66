namespace Commerce.Reco.Domain;

/// <summary>
/// Content vector of an item: its category text plus its facet tags (style, material, occasion, colour), each embedded
/// once with the sentence encoder and cached by text. Embedding every title would cost ~4 minutes per 100k items on
/// this machine (about 400 texts/s); categories and tags are a few hundred texts in all.
/// </summary>
public sealed class ItemEmbedder(ITextEncoder encoder)
{
    private readonly Dictionary<string, float[]> _cache = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public int Dimensions => encoder.Dimensions;

    /// <summary>Texts already embedded (for persistence: a restart does not encode them again).</summary>
    public IReadOnlyDictionary<string, float[]> Cached { get { lock (_gate) return new Dictionary<string, float[]>(_cache); } }

    public void Seed(string text, float[] vector) { lock (_gate) _cache[text] = vector; }

    /// <summary>Embeds all texts not yet cached, in one batch; returns those newly embedded.</summary>
    public IReadOnlyList<(string Text, float[] Vector)> Prepare(IEnumerable<string> texts)
    {
        string[] missing;
        lock (_gate) missing = texts.Distinct(StringComparer.Ordinal).Where(t => !_cache.ContainsKey(t)).ToArray();
        if (missing.Length == 0) return [];
        var result = new List<(string, float[])>();
        foreach (var batch in missing.Chunk(32))
        {
            var vectors = encoder.Encode(batch);
            lock (_gate)
            {
                for (var i = 0; i < batch.Length; i++) { _cache[batch[i]] = vectors[i]; result.Add((batch[i], vectors[i])); }
            }
        }

        return result;
    }

    public static IEnumerable<string> TextsOf(CatalogItem item, IReadOnlyList<ItemTag> tags) =>
        new[] { CategoryKeys.Text(item.CategoryKey) }.Concat(tags.Where(t => t.Facet != TagFacet.Keyword).Select(t => t.Text));

    public float[] Vector(CatalogItem item, IReadOnlyList<ItemTag> tags)
    {
        var texts = TextsOf(item, tags).ToList();
        Prepare(texts);
        var v = new float[Dimensions];
        lock (_gate)
        {
            VectorMath.AddScaled(v, _cache[texts[0]], 1f);
            var n = texts.Count - 1;
            for (var i = 1; i < texts.Count; i++) VectorMath.AddScaled(v, _cache[texts[i]], 0.8f / n);
        }

        VectorMath.Normalize(v);
        return v;
    }

    public float[] CategoryVector(string categoryKey)
    {
        var text = CategoryKeys.Text(categoryKey);
        Prepare([text]);
        lock (_gate) return _cache[text];
    }
}
