using System.Threading.RateLimiting;
using Commerce.Gateway.Auth;
using Grpc.Core;

namespace Commerce.Gateway.RateLimiting;

public static class CallerRateLimiting
{
    /// <summary>
    /// A token bucket per caller (the token's subject, or the client address before sign-in), so one noisy caller is
    /// throttled with ResourceExhausted while everyone else goes on. Health probes are never limited.
    /// </summary>
    public static IHostApplicationBuilder AddCallerRateLimiting(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(RateLimitSettings.SectionName).Get<RateLimitSettings>() ?? new RateLimitSettings();
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (IsProbe(context.Request.Path)) return RateLimitPartition.GetNoLimiter("probes");

                var caller = context.User.FindFirst(GatewayClaims.Subject)?.Value is { } subject
                    ? "user:" + subject
                    : "addr:" + context.Connection.RemoteIpAddress;
                return RateLimitPartition.GetTokenBucketLimiter(caller, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, settings.Burst),
                    TokensPerPeriod = Math.Max(1, settings.PermitsPerSecond),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = async (rejected, _) =>
            {
                const string message = "rate limit for this caller exceeded; retry with backoff";
                if (GrpcErrorResponse.IsGrpc(rejected.HttpContext.Request))
                {
                    await GrpcErrorResponse.WriteAsync(rejected.HttpContext, StatusCode.ResourceExhausted, message);
                    return;
                }

                rejected.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await rejected.HttpContext.Response.WriteAsync(message);
            };
        });
        return builder;
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/alive") ||
        path.StartsWithSegments("/grpc.health.v1.Health");
}
