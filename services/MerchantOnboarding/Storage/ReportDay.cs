namespace Commerce.Onboarding.Storage;

/// <summary>Business days are counted in the platform time zone, China Standard Time (UTC+8, no daylight saving).</summary>
public static class ReportDay
{
    public static readonly TimeSpan PlatformOffset = TimeSpan.FromHours(8);

    public static string Of(DateTimeOffset time) => DateOf(time).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static DateOnly DateOf(DateTimeOffset time) => DateOnly.FromDateTime(time.ToOffset(PlatformOffset).DateTime);
}
