namespace Commerce.Clip.Domain;

/// <summary>
/// How unusual each second is against the room's recent level: z = (x - mean) / (std + floor) over a trailing
/// window that stops <c>lag</c> seconds before the second, so a 30-second burst is judged against what came before it
/// rather than against its own beginning. A big room's normal traffic is not "hot"; a small room's burst still is.
/// </summary>
public static class RollingBaseline
{
    public static double[] ZScores(IReadOnlyList<double> values, int window = 120, int lag = 30, double floor = 0.5)
    {
        var sums = new double[values.Count + 1];
        var squares = new double[values.Count + 1];
        for (var i = 0; i < values.Count; i++)
        {
            sums[i + 1] = sums[i] + values[i];
            squares[i + 1] = squares[i] + values[i] * values[i];
        }

        var z = new double[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            var to = Math.Max(0, i - lag);
            var from = Math.Max(0, to - window);
            if (to - from < 10)
            {
                // Too little history before the lag: judge the first minutes against the first minutes.
                from = 0;
                to = Math.Min(values.Count, Math.Max(i, 60));
            }

            var n = to - from;
            var mean = (sums[to] - sums[from]) / n;
            var std = Math.Sqrt(Math.Max(0, (squares[to] - squares[from]) / n - mean * mean));
            z[i] = (values[i] - mean) / (std + floor);
        }

        return z;
    }
}
