namespace Commerce.Gateway.RateLimiting;

public sealed class RateLimitSettings
{
    public const string SectionName = "Gateway:RateLimit";

    /// <summary>Sustained calls per second one caller may make.</summary>
    public int PermitsPerSecond { get; set; } = 500;

    /// <summary>How many calls a caller may burst above the sustained rate.</summary>
    public int Burst { get; set; } = 1000;
}
