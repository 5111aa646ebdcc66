namespace Commerce.Reco.Domain;

/// <summary>
/// Trains the learned ranker on a log without looking at the future it will be judged on: the state is built from the
/// first 80% of the log (by time), candidates are recalled at that point, and each is labelled by whether the buyer
/// engaged with it in the remaining 20%.
/// </summary>
public static class RankerTraining
{
    /// <summary>
    /// (buyer, scenario) requests replayed for training rows, each giving up to 500 candidate rows: bounds the training
    /// set (about 1M rows) and its memory once the log has far more buyers than that.
    /// </summary>
    public const int MaxTrainingRequests = 2000;

    public static (LearnedRanker? Ranker, int Rows, double PositiveShare) Train(IReadOnlyList<CatalogItem> items,
        IReadOnlyList<Interaction> log, ItemEmbedder embedder, IChineseTokenizer? chinese, double split = 0.8, int maxRequests = MaxTrainingRequests)
    {
        if (log.Count < 200) return (null, 0, 0);
        var ordered = log.OrderBy(x => x.At).ToList();
        var cut = ordered[(int)(ordered.Count * split)].At;
        var engine = new RecoEngine(embedder, chinese);
        foreach (var item in items) engine.Upsert(item);
        foreach (var x in ordered.Where(x => x.At < cut)) engine.Apply(x);
        engine.Rebuild(cut);
        var rows = engine.TrainingRows(ordered.Where(x => x.At >= cut), cut, maxRequests);
        var positives = rows.Count(r => r.Label);
        return (LearnedRanker.Train(rows), rows.Count, rows.Count == 0 ? 0 : positives / (double)rows.Count);
    }
}
