using Commerce.Asr.Domain.Sessions;

namespace Commerce.Asr.Domain.LanguageModel;

/// <summary>
/// The text a session's language model is trained on: the planned script, the line-up and product titles, attributes
/// and selling points, and the common host phrases every live uses. Product names are counted several times so the
/// decoder prefers "cowhide belt" over acoustically close generic words: the boost is a count weight, which keeps the
/// model a proper distribution.
/// </summary>
public static class SessionCorpus
{
    public const double ProductNameWeight = 4;

    public static ArpaModelBuilder Build(LiveSession session, IReadOnlyCollection<ProductFacts> products, IEnumerable<string> hostPhrases)
    {
        var builder = new ArpaModelBuilder();
        foreach (var line in session.Script) Add(builder, line.Text, 2);
        foreach (var entry in session.Lineup) Add(builder, entry.Title, ProductNameWeight);
        foreach (var product in products)
        {
            Add(builder, product.Title, ProductNameWeight);
            foreach (var point in product.SellingPoints) Add(builder, point, 1);
            foreach (var (name, value) in product.Attributes) Add(builder, $"{name} {value}", 1);
            foreach (var (_, value) in product.Attributes) Add(builder, value, 1);
        }

        foreach (var phrase in hostPhrases) Add(builder, phrase, 1);
        return builder;
    }

    private static void Add(ArpaModelBuilder builder, string text, double weight)
    {
        // The English engine cannot use Chinese text: a line without Latin words contributes nothing.
        var words = SpokenText.Words(text);
        if (words.Count > 0) builder.AddSentence(words, weight);
    }
}
