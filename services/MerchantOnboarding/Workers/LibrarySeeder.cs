using System.Diagnostics;
using Commerce.Onboarding.Domain.Library;
using Commerce.Onboarding.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Commerce.Onboarding.Workers;

/// <summary>Configuration section "Library".</summary>
public sealed class LibrarySettings
{
    public const string SectionName = "Library";

    public int Seed { get; set; } = 20261207;

    /// <summary>Products generated on first start; the issue asks for at least 50,000.</summary>
    public int ProductCount { get; set; } = 50_000;

    public int BatchSize { get; set; } = 5_000;
}

/// <summary>
/// Seeds the library on first start in the background, logging progress; until it is done the health check reports
/// Degraded (still serving: the saga and the advisor work without the library) rather than holding readiness back.
/// </summary>
public sealed class LibrarySeeder(LibraryStore library, IOptions<LibrarySettings> settings, ILogger<LibrarySeeder> logger)
    : BackgroundService, IHealthCheck
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_ready ? HealthCheckResult.Healthy("library seeded") : HealthCheckResult.Degraded("library seeding in progress"));

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() => Seed(stoppingToken), stoppingToken);

    private void Seed(CancellationToken stoppingToken)
    {
        var s = settings.Value;
        var marker = $"{s.Seed}:{s.ProductCount}";
        if (library.SeededWith() == marker)
        {
            _ready = true;
            logger.LogInformation("library already seeded ({Marker}, {Count} products)", marker, library.Count());
            return;
        }

        var clock = Stopwatch.StartNew();
        var generator = new LibraryGenerator(s.Seed);
        for (var start = 0; start < s.ProductCount && !stoppingToken.IsCancellationRequested; start += s.BatchSize)
        {
            var n = Math.Min(s.BatchSize, s.ProductCount - start);
            library.Insert(Enumerable.Range(start, n).Select(generator.Product));
            logger.LogInformation("library seeding: {Done}/{Total} products, {Seconds:0.0} s", start + n, s.ProductCount, clock.Elapsed.TotalSeconds);
        }

        if (stoppingToken.IsCancellationRequested) return;
        library.MarkSeeded(marker, s.ProductCount);
        _ready = true;
        logger.LogInformation("library seeded: {Count} products in {Seconds:0.0} s", s.ProductCount, clock.Elapsed.TotalSeconds);
    }
}
