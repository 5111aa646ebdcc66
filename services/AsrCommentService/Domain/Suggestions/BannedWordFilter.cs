namespace Commerce.Asr.Domain.Suggestions;

/// <summary>Rejects a suggestion containing a banned word: substring for Chinese, whole word for Latin script.</summary>
public sealed class BannedWordFilter(IEnumerable<string> words)
{
    private readonly string[] _words = words.Select(w => w.Trim().ToLowerInvariant()).Where(w => w.Length > 0).ToArray();

    public bool Allows(string comment)
    {
        var lower = comment.ToLowerInvariant();
        foreach (var w in _words)
        {
            var at = lower.IndexOf(w, StringComparison.Ordinal);
            while (at >= 0)
            {
                if (!char.IsAsciiLetter(w[0])) return false;
                var before = at == 0 || !char.IsAsciiLetter(lower[at - 1]);
                var after = at + w.Length >= lower.Length || !char.IsAsciiLetter(lower[at + w.Length]);
                if (before && after) return false;
                at = lower.IndexOf(w, at + 1, StringComparison.Ordinal);
            }
        }

        return true;
    }
}
