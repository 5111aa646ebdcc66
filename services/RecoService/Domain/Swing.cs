namespace Commerce.Reco.Domain;

/// <summary>
/// Swing (Yang et al., "Large Scale Product Graph Construction for Recommendation in E-commerce", Alibaba 2020):
/// sim(i,j) = sum over user pairs u,v who both touched i and j of w_u * w_v / (alpha + |I_u ∩ I_v|), with
/// w_u = 1 / sqrt(|I_u|). Two users who share only i and j say more about i~j than two who share everything, which
/// is what makes Swing robust to the popular-item noise that plain co-occurrence suffers from.
/// </summary>
public static class Swing
{
    /// <param name="userItems">Per user, the distinct ids (0..itemCount-1) of the items they touched.</param>
    /// <param name="maxUsersPerItem">Users kept per item (the last ones): bounds the O(users²) pair loop on hot items.</param>
    public static List<(int Item, float Score)>[] Compute(IReadOnlyList<int[]> userItems, int itemCount, int topK = 30,
        double alpha = 1.0, int maxUsersPerItem = 64, int maxItemsPerUser = 64)
    {
        var items = new int[userItems.Count][];
        var weights = new double[userItems.Count];
        var itemUsers = new List<int>[itemCount];
        for (var u = 0; u < userItems.Count; u++)
        {
            var set = userItems[u].Distinct().ToArray();
            if (set.Length > maxItemsPerUser) set = set[^maxItemsPerUser..];
            Array.Sort(set);
            items[u] = set;
            weights[u] = 1.0 / Math.Sqrt(set.Length + 1);
            foreach (var i in set) (itemUsers[i] ??= []).Add(u);
        }

        var result = new List<(int, float)>[itemCount];
        var acc = new Dictionary<int, double>();
        var inter = new List<int>();
        for (var i = 0; i < itemCount; i++)
        {
            result[i] = [];
            var users = itemUsers[i];
            if (users is null || users.Count < 2) continue;
            if (users.Count > maxUsersPerItem) users = users.GetRange(users.Count - maxUsersPerItem, maxUsersPerItem);
            acc.Clear();
            for (var a = 0; a < users.Count; a++)
            {
                for (var b = a + 1; b < users.Count; b++)
                {
                    Intersect(items[users[a]], items[users[b]], inter);
                    if (inter.Count < 2) continue;
                    var w = weights[users[a]] * weights[users[b]] / (alpha + inter.Count);
                    foreach (var j in inter)
                    {
                        if (j == i) continue;
                        acc[j] = acc.GetValueOrDefault(j) + w;
                    }
                }
            }

            result[i] = acc.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(topK).Select(p => (p.Key, (float)p.Value)).ToList();
        }

        return result;
    }

    private static void Intersect(int[] x, int[] y, List<int> into)
    {
        into.Clear();
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i] == y[j]) { into.Add(x[i]); i++; j++; }
            else if (x[i] < y[j]) i++;
            else j++;
        }
    }
}
