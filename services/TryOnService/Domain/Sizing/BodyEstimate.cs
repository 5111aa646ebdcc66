namespace Commerce.TryOn.Domain.Sizing;

/// <summary>
/// The buyer's girths as a Gaussian in log space: the height/weight prior of <see cref="AnthropometricModel"/>
/// conditioned on whatever girths the buyer gave. A given girth is not taken as exact: people measuring themselves at
/// home err by a centimetre or two, so it carries <see cref="SelfMeasurementSdCm"/> of noise (an assumption of ours, not
/// a published figure); that also lets a given waist inform the bust through the residual correlation.
/// </summary>
public sealed class BodyEstimate
{
    public const double SelfMeasurementSdCm = 1.5;

    private readonly double[] _logMean;
    private readonly double[,] _logCov;
    private readonly bool[] _given;

    private BodyEstimate(double[] logMean, double[,] logCov, bool[] given)
    {
        _logMean = logMean;
        _logCov = logCov;
        _given = given;
    }

    public static BodyEstimate From(BodyProfile profile)
    {
        var model = AnthropometricModel.For(profile.Sex);
        var mean = model.LogMean(profile.HeightCm, profile.WeightKg);
        var cov = model.LogCovariance();
        double?[] observedCm = [profile.BustCm, profile.WaistCm, profile.HipCm, null];
        var observed = Enumerable.Range(0, observedCm.Length).Where(i => observedCm[i] is not null).ToArray();
        var given = observedCm.Select(v => v is not null).ToArray();
        if (observed.Length == 0) return new BodyEstimate(mean, cov, given);

        // Gaussian conditioning: mu + S_xo (S_oo + E)^-1 (y - mu_o), S - S_xo (S_oo + E)^-1 S_ox.
        var n = mean.Length;
        var k = observed.Length;
        var soo = new double[k, k];
        var residual = new double[k];
        for (var a = 0; a < k; a++)
        {
            var y = Math.Log(observedCm[observed[a]]!.Value);
            residual[a] = y - mean[observed[a]];
            var noise = SelfMeasurementSdCm / observedCm[observed[a]]!.Value;
            for (var b = 0; b < k; b++) soo[a, b] = cov[observed[a], observed[b]] + (a == b ? noise * noise : 0);
        }

        var inv = SmallMatrix.Inverse(soo);
        var gain = new double[n, k];
        for (var i = 0; i < n; i++)
        for (var b = 0; b < k; b++)
        {
            double s = 0;
            for (var a = 0; a < k; a++) s += cov[i, observed[a]] * inv[a, b];
            gain[i, b] = s;
        }

        var postMean = new double[n];
        var postCov = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            double s = 0;
            for (var b = 0; b < k; b++) s += gain[i, b] * residual[b];
            postMean[i] = mean[i] + s;
            for (var j = 0; j < n; j++)
            {
                double t = 0;
                for (var b = 0; b < k; b++) t += gain[i, b] * cov[observed[b], j];
                postCov[i, j] = cov[i, j] - t;
            }
        }

        return new BodyEstimate(postMean, postCov, given);
    }

    /// <summary>Posterior median of a girth, cm.</summary>
    public double MedianCm(int regionIndex) => Math.Exp(_logMean[regionIndex]);

    public bool IsGiven(int regionIndex) => _given[regionIndex];

    /// <summary>Deterministic draws of the girth vector (cm), for probabilities over a size chart's bins.</summary>
    public double[][] Sample(int count, int seed)
    {
        var n = _logMean.Length;
        var chol = SmallMatrix.Cholesky(_logCov);
        var random = new Random(seed);
        var samples = new double[count][];
        var z = new double[n];
        for (var s = 0; s < count; s++)
        {
            for (var i = 0; i < n; i++) z[i] = StandardNormal(random);
            var x = new double[n];
            for (var i = 0; i < n; i++)
            {
                double v = _logMean[i];
                for (var j = 0; j <= i; j++) v += chol[i, j] * z[j];
                x[i] = Math.Exp(v);
            }

            samples[s] = x;
        }

        return samples;
    }

    private static double StandardNormal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
