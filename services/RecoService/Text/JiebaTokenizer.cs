using Commerce.Reco.Domain;
using JiebaNet.Segmenter;

namespace Commerce.Reco.Text;

/// <summary>jieba.NET word splitting; its dictionary loads on first use (about 1 s), then ~80 µs a call.</summary>
public sealed class JiebaTokenizer : IChineseTokenizer
{
    private readonly Lazy<JiebaSegmenter> _segmenter = new(() => new JiebaSegmenter());
    private readonly Lock _gate = new();

    public IReadOnlyList<string> Cut(string text)
    {
        // JiebaSegmenter keeps per-call state in fields: one call at a time.
        lock (_gate) return _segmenter.Value.Cut(text).Where(w => !string.IsNullOrWhiteSpace(w)).ToList();
    }
}
