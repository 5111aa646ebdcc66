using Commerce.Gateway.Auth;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Commerce.Gateway.Routing;

/// <summary>The gateway's whole routing table: gRPC by proto package, HTTP/JSON by the transcoded route prefix.</summary>
public static class FleetRouteTable
{
    public static readonly IReadOnlyList<FleetRoute> Services =
    [
        new("onboarding", "commerce.onboarding.v1.", "/v1/onboarding", GatewayPolicies.SignedIn),
        new("reco", "commerce.reco.v1.", "/v1/reco", GatewayPolicies.SignedIn),
        new("tryon", "commerce.tryon.v1.", "/v1/tryon", GatewayPolicies.SignedIn),
        new("asr", "commerce.asr.v1.", "/v1/asr", GatewayPolicies.SignedIn),
        new("csagent", "commerce.csagent.v1.", "/v1/csagent", GatewayPolicies.SignedIn),
        new("clip", "commerce.clip.v1.", "/v1/clip", GatewayPolicies.SignedIn),
        new("bidding", "commerce.bidding.v1.", "/v1/bidding", GatewayPolicies.SignedIn),
        // The inference pods are internal: only operators reach them through the edge (TryOn and Clip call them directly).
        new("inference", "inference.", null, GatewayPolicies.OperatorOnly),
    ];

    public static IReadOnlyList<RouteConfig> Routes()
    {
        var routes = new List<RouteConfig>();
        foreach (var service in Services)
        {
            routes.Add(new RouteConfig
            {
                RouteId = $"{service.Service}-grpc",
                ClusterId = GrpcCluster(service.Service),
                AuthorizationPolicy = service.Policy,
                Match = new RouteMatch { Path = $"/{service.GrpcPathPrefix}{{service}}/{{**method}}" },
            });
            if (service.HttpPathPrefix is not null)
            {
                routes.Add(new RouteConfig
                {
                    RouteId = $"{service.Service}-http",
                    ClusterId = HttpCluster(service.Service),
                    AuthorizationPolicy = service.Policy,
                    Match = new RouteMatch { Path = $"{service.HttpPathPrefix}/{{**rest}}" },
                });
            }
        }

        return routes;
    }

    public static IReadOnlyList<ClusterConfig> Clusters()
    {
        var clusters = new List<ClusterConfig>();
        foreach (var service in Services)
        {
            clusters.Add(new ClusterConfig
            {
                ClusterId = GrpcCluster(service.Service),
                // Services speak gRPC over cleartext HTTP/2 inside the cluster: prior knowledge, no upgrade.
                HttpRequest = new ForwarderRequestConfig { Version = new Version(2, 0), VersionPolicy = HttpVersionPolicy.RequestVersionExact },
                Destinations = new Dictionary<string, DestinationConfig>
                {
                    ["primary"] = new() { Address = $"http://_grpc.{service.Service}" },
                },
            });
            if (service.HttpPathPrefix is not null)
            {
                clusters.Add(new ClusterConfig
                {
                    ClusterId = HttpCluster(service.Service),
                    Destinations = new Dictionary<string, DestinationConfig>
                    {
                        ["primary"] = new() { Address = $"http://_http.{service.Service}" },
                    },
                });
            }
        }

        return clusters;
    }

    private static string GrpcCluster(string service) => $"{service}-grpc";

    private static string HttpCluster(string service) => $"{service}-http";
}
