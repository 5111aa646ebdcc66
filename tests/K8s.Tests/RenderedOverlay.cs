using System.Diagnostics;
using Commerce.TestSupport;
using k8s;
using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace Commerce.K8s.Tests;

/// <summary>One kustomize overlay rendered by the real <c>kubectl kustomize</c>, split into typed objects.</summary>
public sealed class RenderedOverlay
{
    private static readonly Dictionary<string, RenderedOverlay> Cache = new();

    private RenderedOverlay(string name, IReadOnlyList<object> typed, IReadOnlyList<YamlMappingNode> custom)
    {
        Name = name;
        Objects = typed;
        CustomResources = custom;
    }

    public static IReadOnlyList<string> Overlays { get; } = ["base", "overlays/local", "overlays/gpu", "overlays/gpu-triton", "overlays/dapr"];

    public string Name { get; }

    public IReadOnlyList<object> Objects { get; }

    /// <summary>Kinds KubernetesClient has no type for (RabbitmqCluster, Dapr components), as YAML trees.</summary>
    public IReadOnlyList<YamlMappingNode> CustomResources { get; }

    public IEnumerable<T> OfKind<T>() => Objects.OfType<T>();

    public IEnumerable<V1Deployment> Deployments => OfKind<V1Deployment>();

    public IEnumerable<V1Deployment> FleetDeployments =>
        Deployments.Where(d => d.Spec.Template.Metadata.Labels.TryGetValue("app.kubernetes.io/component", out var c) && c is "service" or "edge");

    public static RenderedOverlay Load(string overlay)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(overlay, out var cached)) return cached;
            var yaml = Kustomize(Path.Combine(RepoPaths.Root, "k8s", overlay));
            var typed = new List<object>();
            var custom = new List<YamlMappingNode>();
            foreach (var document in yaml.Split("\n---\n", StringSplitOptions.RemoveEmptyEntries))
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(document));
                var root = (YamlMappingNode)stream.Documents[0].RootNode;
                var apiVersion = root["apiVersion"].ToString();
                if (apiVersion.Contains("rabbitmq.com", StringComparison.Ordinal) || apiVersion.Contains("dapr.io", StringComparison.Ordinal))
                {
                    custom.Add(root);
                    continue;
                }

                typed.AddRange(KubernetesYaml.LoadAllFromString(document));
            }

            return Cache[overlay] = new RenderedOverlay(overlay, typed, custom);
        }
    }

    private static string Kustomize(string folder)
    {
        using var kubectl = Process.Start(new ProcessStartInfo("kubectl", ["kustomize", folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("kubectl did not start; eng/prereqs.sh installs it");
        var output = kubectl.StandardOutput.ReadToEndAsync();
        var error = kubectl.StandardError.ReadToEndAsync();
        kubectl.WaitForExit();
        if (kubectl.ExitCode != 0) throw new InvalidOperationException($"kubectl kustomize {folder} failed: {error.Result}");
        return output.Result;
    }
}
