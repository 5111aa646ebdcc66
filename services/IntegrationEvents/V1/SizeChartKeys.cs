namespace Commerce.IntegrationEvents.V1;

/// <summary>
/// The keys of <see cref="SizeChartRow.MeasurementsCm"/>: the body range a size fits, as "<c>dimension</c>_min" and
/// "<c>dimension</c>_max" (height, bust, waist and hip in cm, weight in kg). Producers and consumers build them here, so
/// a chart written by MerchantOnboarding is the chart TryOn and CsAgent read.
/// </summary>
public static class SizeChartKeys
{
    public const string Height = "height";
    public const string Weight = "weight";
    public const string Bust = "bust";
    public const string Waist = "waist";
    public const string Hip = "hip";

    public static string Min(string dimension) => dimension + "_min";

    public static string Max(string dimension) => dimension + "_max";
}
