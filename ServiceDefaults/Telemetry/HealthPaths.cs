using Microsoft.AspNetCore.Http;

namespace Commerce.ServiceDefaults.Telemetry;

internal static class HealthPaths
{
    public const string Ready = "/health";
    public const string Live = "/alive";
    private const string GrpcHealth = "/grpc.health.v1.Health/";

    public static bool IsHealthRequest(PathString path) =>
        path.StartsWithSegments(Ready) || path.StartsWithSegments(Live) ||
        path.Value?.StartsWith(GrpcHealth, StringComparison.Ordinal) == true;
}
