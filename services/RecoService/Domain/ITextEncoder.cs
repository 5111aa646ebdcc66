namespace Commerce.Reco.Domain;

/// <summary>Sentence embeddings of short texts (category paths, tags): unit vectors of <see cref="Dimensions"/>.</summary>
public interface ITextEncoder
{
    int Dimensions { get; }

    float[][] Encode(IReadOnlyList<string> texts);
}

/// <summary>Word splitting for Chinese titles, so BM25 and tags see words rather than characters.</summary>
public interface IChineseTokenizer
{
    IReadOnlyList<string> Cut(string text);
}
