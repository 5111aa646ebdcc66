namespace Commerce.Reco.Domain;

/// <summary>The k best (id, score) pairs of a stream, with a small min-heap.</summary>
public sealed class TopK(int k)
{
    private readonly PriorityQueue<int, float> _heap = new(k + 1);

    public float Threshold => _heap.Count < k ? float.NegativeInfinity : _heap.TryPeek(out _, out var s) ? s : float.NegativeInfinity;

    public void Offer(int id, float score)
    {
        if (_heap.Count < k) { _heap.Enqueue(id, score); return; }
        if (score > Threshold) _heap.EnqueueDequeue(id, score);
    }

    public List<(int Id, float Score)> Result()
    {
        var list = _heap.UnorderedItems.Select(e => (e.Element, e.Priority)).ToList();
        list.Sort((a, b) => b.Item2.CompareTo(a.Item2) is var c && c != 0 ? c : a.Item1.CompareTo(b.Item1));
        return list;
    }
}
