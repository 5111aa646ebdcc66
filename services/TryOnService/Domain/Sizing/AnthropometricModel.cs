namespace Commerce.TryOn.Domain.Sizing;

/// <summary>
/// Body girths from height and weight: ln(girth) = a + bH ln(height cm) + bW ln(weight kg), with Gaussian residuals in log
/// space. Coefficients, residual SDs and residual correlations were fitted by ordinary least squares (per sex, and pooled)
/// on the 507 adults (260 women, 247 men) of Heinz G., Peterson L.J., Johnson R.W., Kerk C.J. (2003), "Exploring
/// relationships in body dimensions", Journal of Statistics Education 11(2). Girths are that study's chest girth (che.gi:
/// nipple line in men, just above breast tissue in women, so a woman's bust is under-estimated), waist girth (wai.gi,
/// narrowest part of the torso), hip girth (hip.gi, at the level of the bitrochanteric diameter) and biacromial diameter
/// (bia.di, skeletal, used as shoulder width). The log-log form makes a girth scale like sqrt(weight / height) for
/// similar shapes; the fitted exponents are close to that. The data file is not redistributed (its licence forbids
/// republication); only these fitted numbers are.
/// </summary>
public sealed class AnthropometricModel
{
    // Order of the girth vector everywhere in this class.
    public static readonly BodyRegion[] Regions = [BodyRegion.Bust, BodyRegion.Waist, BodyRegion.Hip, BodyRegion.ShoulderWidth];

    private readonly double[,] _coefficients; // [region, {a, bH, bW}]
    private readonly double[] _residualSd;
    private readonly double[,] _residualCorrelation;

    private AnthropometricModel(double[,] coefficients, double[] residualSd, double[,] residualCorrelation)
    {
        _coefficients = coefficients;
        _residualSd = residualSd;
        _residualCorrelation = residualCorrelation;
    }

    public static AnthropometricModel For(Sex sex) => sex switch
    {
        Sex.Female => Female,
        Sex.Male => Male,
        _ => Pooled,
    };

    public static readonly AnthropometricModel Female = new(
        new[,] { { 4.7071, -0.4001, 0.4368 }, { 5.5464, -0.7984, 0.6767 }, { 3.9292, -0.2444, 0.4585 }, { 1.2162, 0.3692, 0.1211 } },
        [0.0363, 0.0475, 0.0289, 0.0398],
        new[,] { { 1, 0.389, -0.186, 0.101 }, { 0.389, 1, 0.074, 0.051 }, { -0.186, 0.074, 1, -0.129 }, { 0.101, 0.051, -0.129, 1 } });

    public static readonly AnthropometricModel Male = new(
        new[,] { { 4.8242, -0.4624, 0.5020 }, { 5.4008, -0.8097, 0.7415 }, { 4.0046, -0.2722, 0.4566 }, { 1.0694, 0.4355, 0.0903 } },
        [0.0408, 0.0535, 0.0287, 0.0440],
        new[,] { { 1, 0.05, -0.196, 0.039 }, { 0.05, 1, 0.238, -0.186 }, { -0.196, 0.238, 1, -0.033 }, { 0.039, -0.186, -0.033, 1 } });

    public static readonly AnthropometricModel Pooled = new(
        new[,] { { 3.0135, -0.1407, 0.5311 }, { 3.7647, -0.5205, 0.7693 }, { 5.7667, -0.5502, 0.3867 }, { -0.3658, 0.6437, 0.1689 } },
        [0.0460, 0.0561, 0.0388, 0.0473],
        new[,] { { 1, 0.394, -0.482, 0.299 }, { 0.394, 1, -0.186, 0.138 }, { -0.482, -0.186, 1, -0.366 }, { 0.299, 0.138, -0.366, 1 } });

    /// <summary>Mean of ln(girth) per region for this height and weight.</summary>
    public double[] LogMean(double heightCm, double weightKg)
    {
        var mean = new double[Regions.Length];
        for (var r = 0; r < mean.Length; r++)
        {
            mean[r] = _coefficients[r, 0] + _coefficients[r, 1] * Math.Log(heightCm) + _coefficients[r, 2] * Math.Log(weightKg);
        }

        return mean;
    }

    /// <summary>Residual covariance of ln(girth) given height and weight.</summary>
    public double[,] LogCovariance()
    {
        var n = Regions.Length;
        var cov = new double[n, n];
        for (var i = 0; i < n; i++)
        for (var j = 0; j < n; j++)
            cov[i, j] = _residualCorrelation[i, j] * _residualSd[i] * _residualSd[j];
        return cov;
    }
}
