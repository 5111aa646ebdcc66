using System.Security.Cryptography;

namespace Commerce.Bidding.Simulation;

/// <summary>
/// The logged opportunities of one day: for each, its interval, the evaluated campaign's conversion probability and
/// the competitors' highest bids (least-winning costs per slot, highest first). Column arrays, so the simulator loops
/// over contiguous memory.
/// </summary>
public sealed class TrafficLog
{
    public TrafficLog(int[] interval, double[] conversionRate, double[] competitorBids, int slots)
    {
        Interval = interval;
        ConversionRate = conversionRate;
        CompetitorBids = competitorBids;
        Slots = slots;
        IntervalStart = new int[Domain.PacingController.IntervalsPerDay + 1];
        foreach (var t in interval) IntervalStart[t + 1]++;
        for (var t = 0; t < Domain.PacingController.IntervalsPerDay; t++) IntervalStart[t + 1] += IntervalStart[t];
    }

    /// <summary>Interval of each opportunity, non-decreasing.</summary>
    public int[] Interval { get; }

    public double[] ConversionRate { get; }

    /// <summary>Row-major [opportunity, slot]: the highest competitor bids, descending.</summary>
    public double[] CompetitorBids { get; }

    public int Slots { get; }

    /// <summary>Index of the first opportunity of each interval; the last entry is the count.</summary>
    public int[] IntervalStart { get; }

    public int Count => Interval.Length;

    /// <summary>Least-winning cost of slot <paramref name="slot"/> (0-based): beat this bid to get that slot.</summary>
    public double Cost(int opportunity, int slot) => CompetitorBids[opportunity * Slots + slot];

    public static string Fingerprint(IEnumerable<TrafficLog> days)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var day in days)
        {
            for (var i = 0; i < day.Count; i++)
            {
                // Rounded so the fingerprint survives last-bit differences of math libraries.
                sha.AppendData(BitConverter.GetBytes(day.Interval[i]));
                sha.AppendData(BitConverter.GetBytes(Math.Round(day.ConversionRate[i], 9)));
                for (var s = 0; s < day.Slots; s++) sha.AppendData(BitConverter.GetBytes(Math.Round(day.Cost(i, s), 6)));
            }
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
