using Commerce.Inference.Domain;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Commerce.Inference.Hosting;

/// <summary>Not ready while models load; degraded (still serving the good ones) when a model failed, naming it and why.</summary>
public sealed class ModelsHealthCheck(ModelCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!catalog.LoadingComplete) return Task.FromResult(HealthCheckResult.Unhealthy("loading models"));
        var broken = catalog.All.Where(v => v.State != ModelState.Ready).Select(v => $"{v.Model}/{v.Version}: {v.Reason}").ToList();
        return Task.FromResult(broken.Count == 0
            ? HealthCheckResult.Healthy($"{catalog.All.Count()} model versions ready")
            : HealthCheckResult.Degraded("not ready: " + string.Join("; ", broken)));
    }
}
