namespace Commerce.Asr.Tests.Evaluation;

/// <summary>Word-level Levenshtein distance over reference length, summed over a corpus (not averaged per utterance).</summary>
public static class WordErrorRate
{
    public static int Errors(IReadOnlyList<string> reference, IReadOnlyList<string> hypothesis)
    {
        var d = new int[reference.Count + 1, hypothesis.Count + 1];
        for (var i = 0; i <= reference.Count; i++) d[i, 0] = i;
        for (var j = 0; j <= hypothesis.Count; j++) d[0, j] = j;
        for (var i = 1; i <= reference.Count; i++)
        for (var j = 1; j <= hypothesis.Count; j++)
        {
            var sub = d[i - 1, j - 1] + (reference[i - 1] == hypothesis[j - 1] ? 0 : 1);
            d[i, j] = Math.Min(sub, Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1));
        }

        return d[reference.Count, hypothesis.Count];
    }
}
