using System.Text.Json;
using System.Text.RegularExpressions;
using Commerce.TestSupport;
using k8s.Models;

namespace Commerce.K8s.Tests;

public sealed partial class ManifestTests
{
    public static IEnumerable<TestCaseData> Overlays() =>
        RenderedOverlay.Overlays.Select(o => new TestCaseData(o).SetArgDisplayNames(o));

    [TestCaseSource(nameof(Overlays))]
    public void Every_fleet_deployment_has_probes_resources_and_a_locked_down_security_context(string overlay)
    {
        var rendered = RenderedOverlay.Load(overlay);

        Assert.That(rendered.FleetDeployments.Count(), Is.EqualTo(9));
        foreach (var deployment in rendered.FleetDeployments)
        {
            var name = deployment.Metadata.Name;
            var pod = deployment.Spec.Template.Spec;
            Assert.That(pod.SecurityContext?.RunAsNonRoot, Is.True, $"{name}: runAsNonRoot");
            Assert.That(pod.AutomountServiceAccountToken, Is.False, $"{name}: no API token");
            foreach (var container in pod.Containers.Concat(pod.InitContainers ?? []))
            {
                var where = $"{overlay} {name}/{container.Name}";
                Assert.That(container.Resources?.Requests?.Keys, Is.SupersetOf(new[] { "cpu", "memory" }), where + ": requests");
                Assert.That(container.Resources?.Limits?.Keys, Is.SupersetOf(new[] { "cpu", "memory" }), where + ": limits");
                Assert.That(container.SecurityContext?.AllowPrivilegeEscalation, Is.False, where + ": privilege escalation");
                Assert.That(container.SecurityContext?.ReadOnlyRootFilesystem, Is.True, where + ": read-only root");
                Assert.That(container.SecurityContext?.Capabilities?.Drop, Does.Contain("ALL"), where + ": capabilities");
            }

            var main = pod.Containers.Single();
            Assert.That(main.ReadinessProbe, Is.Not.Null, $"{name}: readiness");
            Assert.That(main.LivenessProbe, Is.Not.Null, $"{name}: liveness");
        }
    }

    [Test]
    public void Our_services_are_probed_natively_over_the_grpc_health_service()
    {
        foreach (var deployment in RenderedOverlay.Load("base").FleetDeployments)
        {
            var main = deployment.Spec.Template.Spec.Containers.Single();
            Assert.That(main.ReadinessProbe.Grpc?.Port, Is.EqualTo(8081), deployment.Metadata.Name);
            Assert.That(main.LivenessProbe.Grpc?.Port, Is.EqualTo(8081), deployment.Metadata.Name);
            Assert.That(main.LivenessProbe.Grpc?.Service, Is.EqualTo("liveness"), deployment.Metadata.Name);
        }

        var inference = RenderedOverlay.Load("base").FleetDeployments.Single(d => d.Metadata.Name == "inference");
        Assert.That(inference.Spec.Template.Spec.Containers.Single().StartupProbe, Is.Not.Null, "models load slowly: a startup probe");
    }

    [TestCaseSource(nameof(Overlays))]
    public void Every_service_selects_a_deployment_and_targets_a_port_the_container_listens_on(string overlay)
    {
        var rendered = RenderedOverlay.Load(overlay);
        foreach (var service in rendered.OfKind<V1Service>().Where(s => s.Spec.ClusterIP != "None"))
        {
            var selected = rendered.Deployments.Where(d => service.Spec.Selector.All(kv =>
                d.Spec.Template.Metadata.Labels.TryGetValue(kv.Key, out var v) && v == kv.Value)).ToList();
            Assert.That(selected, Has.Count.EqualTo(1), $"{overlay}: service {service.Metadata.Name} selects one deployment");
            var container = selected[0].Spec.Template.Spec.Containers.First();
            foreach (var port in service.Spec.Ports)
            {
                var target = port.TargetPort.Value;
                var containerPort = container.Ports.SingleOrDefault(p => p.Name == target || p.ContainerPort.ToString() == target);
                Assert.That(containerPort, Is.Not.Null, $"{overlay}: {service.Metadata.Name}:{port.Name} -> {target}");
            }
        }
    }

    [Test]
    public void Container_ports_are_the_ports_each_service_is_configured_to_listen_on()
    {
        foreach (var deployment in RenderedOverlay.Load("base").FleetDeployments)
        {
            var container = deployment.Spec.Template.Spec.Containers.Single();
            var endpoints = KestrelEndpointNames(deployment.Metadata.Name);
            foreach (var port in container.Ports)
            {
                Assert.That(endpoints, Does.Contain(port.Name), $"{deployment.Metadata.Name}: the service defines a Kestrel endpoint '{port.Name}'");
                var url = container.Env.Single(e => e.Name == $"Kestrel__Endpoints__{port.Name}__Url").Value;
                Assert.That(new Uri(url).Port, Is.EqualTo(port.ContainerPort), $"{deployment.Metadata.Name}: {port.Name} listens on its container port");
            }
        }
    }

    [TestCase("overlays/gpu")]
    [TestCase("overlays/gpu-triton")]
    public void Gpu_inference_pods_ask_for_a_gpu_and_land_on_gpu_nodes(string overlay)
    {
        var inference = RenderedOverlay.Load(overlay).Deployments.Single(d => d.Metadata.Name == "inference");
        var pod = inference.Spec.Template.Spec;

        Assert.That(pod.Containers.Single().Resources.Limits.ContainsKey("nvidia.com/gpu"), Is.True);
        Assert.That(pod.NodeSelector, Does.ContainKey("nvidia.com/gpu.present"));
        Assert.That(pod.Tolerations.Any(t => t.Key == "nvidia.com/gpu"), Is.True);
        Assert.That(pod.InitContainers.Any(c => c.VolumeMounts.Any(v => v.Name == "models")), Is.True, "model repository filled by an init step");
    }

    [Test]
    public void The_triton_overlay_serves_the_same_model_repository_on_the_same_service()
    {
        var inference = RenderedOverlay.Load("overlays/gpu-triton").Deployments.Single(d => d.Metadata.Name == "inference");
        var container = inference.Spec.Template.Spec.Containers.Single();

        Assert.That(container.Image, Does.StartWith("nvcr.io/nvidia/tritonserver"));
        Assert.That(container.Args, Does.Contain("--model-repository=/models").And.Contain("--grpc-port=8081"));
    }

    [Test]
    public void Every_service_the_apphost_runs_has_a_deployment()
    {
        var appHost = File.ReadAllText(Path.Combine(RepoPaths.Root, "AppHost", "AppHost.cs"));
        var resources = ProjectResource().Matches(appHost).Select(m => m.Groups["name"].Value).ToList();
        var deployments = RenderedOverlay.Load("base").Deployments.Select(d => d.Metadata.Name).ToList();

        Assert.That(resources, Has.Count.GreaterThanOrEqualTo(9));
        Assert.That(deployments, Is.SupersetOf(resources));
    }

    [TestCaseSource(nameof(Overlays))]
    public void No_secret_value_is_written_in_the_manifests(string overlay)
    {
        var rendered = RenderedOverlay.Load(overlay);

        Assert.That(rendered.OfKind<V1Secret>().Where(s => (s.Data?.Count ?? 0) + (s.StringData?.Count ?? 0) > 0), Is.Empty);
        foreach (var deployment in rendered.Deployments.Concat<object>(rendered.OfKind<V1StatefulSet>()))
        {
            var pod = deployment is V1Deployment d ? d.Spec.Template.Spec : ((V1StatefulSet)deployment).Spec.Template.Spec;
            foreach (var env in pod.Containers.SelectMany(c => c.Env ?? []))
            {
                // Dapr__Secrets__N__* name where a secret lives in the Dapr store: references, not values.
                if (SecretName().IsMatch(env.Name) && !env.Name.StartsWith("Dapr__Secrets__", StringComparison.Ordinal))
                {
                    Assert.That(env.Value, Is.Null, $"{overlay}: {env.Name} must come from a Secret reference");
                    Assert.That(env.ValueFrom?.SecretKeyRef, Is.Not.Null, $"{overlay}: {env.Name} must come from a Secret reference");
                }
            }
        }

        foreach (var config in rendered.OfKind<V1ConfigMap>())
        {
            Assert.That(config.Data.Keys.Where(k => SecretName().IsMatch(k)), Is.Empty, $"{overlay}: ConfigMap {config.Metadata.Name}");
        }
    }

    [TestCaseSource(nameof(Overlays))]
    public void Autoscalers_and_disruption_budgets_point_at_real_deployments(string overlay)
    {
        var rendered = RenderedOverlay.Load(overlay);
        var deployments = rendered.Deployments.Select(d => d.Metadata.Name).ToHashSet();

        var hpas = rendered.OfKind<V2HorizontalPodAutoscaler>().ToList();
        Assert.That(hpas.Select(h => h.Spec.ScaleTargetRef.Name), Is.SupersetOf(new[] { "gateway", "reco", "bidding" }));
        Assert.That(hpas.Select(h => h.Spec.ScaleTargetRef.Name), Is.SubsetOf(deployments));
        var budgets = rendered.OfKind<V1PodDisruptionBudget>().Select(p => p.Spec.Selector.MatchLabels["app.kubernetes.io/name"]);
        Assert.That(budgets, Is.SupersetOf(rendered.FleetDeployments.Select(d => d.Metadata.Name)));
    }

    [Test]
    public void Traffic_is_denied_by_default_and_the_broker_cluster_is_declared()
    {
        var rendered = RenderedOverlay.Load("base");
        var policies = rendered.OfKind<V1NetworkPolicy>().ToList();

        var denyAll = policies.Single(p => p.Metadata.Name == "default-deny");
        Assert.That(denyAll.Spec.PodSelector.MatchLabels, Is.Null.Or.Empty);
        Assert.That(denyAll.Spec.PolicyTypes, Is.EquivalentTo(new[] { "Ingress", "Egress" }));
        Assert.That(policies.Any(p => p.Metadata.Name == "inference-callers"), Is.True);
        Assert.That(rendered.CustomResources.Any(r => r["kind"].ToString() == "RabbitmqCluster"), Is.True);
        Assert.That(rendered.OfKind<V1Ingress>().Any(i => i.Spec.Rules.Any(r => r.Http.Paths.Any(p => p.Backend.Service.Name == "gateway"))), Is.True);
    }

    [Test]
    public void The_dapr_overlay_annotates_every_service_with_its_app_id()
    {
        foreach (var deployment in RenderedOverlay.Load("overlays/dapr").FleetDeployments)
        {
            var annotations = deployment.Spec.Template.Metadata.Annotations;
            Assert.That(annotations["dapr.io/enabled"], Is.EqualTo("true"));
            Assert.That(annotations["dapr.io/app-id"], Is.EqualTo(deployment.Metadata.Name));
            Assert.That(annotations["dapr.io/app-protocol"], Is.EqualTo("grpc"));
        }
    }

    private static IReadOnlySet<string> KestrelEndpointNames(string resource)
    {
        var folder = ServiceFolders[resource];
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "services", folder, "appsettings.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return settings.RootElement.GetProperty("Kestrel").GetProperty("Endpoints").EnumerateObject().Select(p => p.Name).ToHashSet();
    }

    private static readonly Dictionary<string, string> ServiceFolders = new()
    {
        ["gateway"] = "Gateway", ["onboarding"] = "MerchantOnboarding", ["inference"] = "InferenceHost", ["reco"] = "RecoService",
        ["tryon"] = "TryOnService", ["asr"] = "AsrCommentService", ["csagent"] = "CsAgentService", ["clip"] = "ClipService",
        ["bidding"] = "BiddingService",
    };

    [GeneratedRegex("Add(?:Project|FleetService)<Projects\\.\\w+>\\(\"(?<name>[a-z]+)\"")]
    private static partial Regex ProjectResource();

    [GeneratedRegex("(KEY|PASSWORD|SECRET|TOKEN|connection-string|ConnectionStrings)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
