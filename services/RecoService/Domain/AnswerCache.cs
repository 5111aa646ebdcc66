namespace Commerce.Reco.Domain;

public sealed record CachedAnswer(string Id, string UserId, DateTimeOffset At, IReadOnlyList<RankedItem> Items, IReadOnlySet<string> ServedSoFar);

/// <summary>
/// Recent answers, for ExplainRecommendation and for page tokens (a next page excludes everything served so far).
/// Kept in memory for 24 hours and at most <c>capacity</c> answers: an explanation is asked for soon after the answer,
/// and losing them on restart costs only a NotFound.
/// </summary>
public sealed class AnswerCache(int capacity = 20_000)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    private readonly Dictionary<string, CachedAnswer> _answers = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _gate = new();

    public void Add(CachedAnswer answer)
    {
        lock (_gate)
        {
            _answers[answer.Id] = answer;
            _order.Enqueue(answer.Id);
            while (_order.Count > capacity || (_order.TryPeek(out var oldest) && _answers.TryGetValue(oldest, out var a) && answer.At - a.At > Retention))
            {
                _answers.Remove(_order.Dequeue());
            }
        }
    }

    public CachedAnswer? Find(string id, DateTimeOffset now)
    {
        lock (_gate) return _answers.TryGetValue(id, out var a) && now - a.At <= Retention ? a : null;
    }
}
