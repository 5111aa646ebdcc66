namespace Commerce.CsAgent.Domain.Knowledge;

/// <summary>Unit-length sentence vectors for English text (cosine = dot product).</summary>
public interface ITextEmbedder
{
    float[][] Embed(IReadOnlyList<string> texts);
}
