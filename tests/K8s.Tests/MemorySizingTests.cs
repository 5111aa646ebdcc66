using System.Globalization;
using Commerce.TestSupport;

namespace Commerce.K8s.Tests;

/// <summary>
/// The manifests' memory is sized from measurement (measured-memory.csv, written by eng/measure-memory.sh and the
/// benchmarks): a request covers the typical resident set with a margin, a limit leaves room for twice the highest
/// peak seen. Lowering either below what was measured fails here, before a pod is OOM-killed or starved in a cluster.
/// </summary>
public sealed class MemorySizingTests
{
    private const double RequestMargin = 1.2;
    private const double LimitHeadroom = 2.0;

    [TestCaseSource(typeof(ManifestTests), nameof(ManifestTests.Overlays))]
    public void Memory_requests_and_limits_cover_what_each_service_was_measured_to_use(string overlay)
    {
        var measured = Measurements();
        var rendered = RenderedOverlay.Load(overlay);
        Assert.That(measured.Keys, Is.EquivalentTo(rendered.FleetDeployments.Select(d => d.Metadata.Name)), "every deployment has a measurement");
        foreach (var deployment in rendered.FleetDeployments)
        {
            var name = deployment.Metadata.Name;
            var (median, peak) = measured[name];
            var resources = deployment.Spec.Template.Spec.Containers.Single().Resources;
            var requestMiB = (double)resources.Requests["memory"].ToDecimal() / (1024 * 1024);
            var limitMiB = (double)resources.Limits["memory"].ToDecimal() / (1024 * 1024);
            Assert.That(requestMiB, Is.GreaterThanOrEqualTo(RequestMargin * median), $"{overlay} {name}: request vs measured median {median} MiB");
            Assert.That(limitMiB, Is.GreaterThanOrEqualTo(LimitHeadroom * peak), $"{overlay} {name}: limit vs measured peak {peak} MiB");
        }
    }

    /// <summary>Per deployment, the largest median and the largest peak over all its measurement rows.</summary>
    private static Dictionary<string, (double Median, double Peak)> Measurements() =>
        File.ReadLines(Path.Combine(RepoPaths.Root, "tests", "K8s.Tests", "measured-memory.csv"))
            .Where(line => !line.StartsWith('#')).Skip(1)
            .Select(line => line.Split(','))
            .GroupBy(f => f[0])
            .ToDictionary(g => g.Key, g => (
                g.Max(f => double.Parse(f[1], CultureInfo.InvariantCulture)),
                g.Max(f => double.Parse(f[2], CultureInfo.InvariantCulture))));
}
