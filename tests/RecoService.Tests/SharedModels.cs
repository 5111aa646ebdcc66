using Commerce.Reco.Domain;
using Commerce.Reco.Text;

namespace Commerce.Reco.Tests;

/// <summary>One MiniLM encoder and one jieba segmenter for the whole test run: loading them costs about a second each.</summary>
public static class SharedModels
{
    public static readonly MiniLmTextEncoder Encoder = new();
    public static readonly JiebaTokenizer Chinese = new();

    public static RecoEngine NewEngine() => new(new ItemEmbedder(Encoder), Chinese);
}
