using Commerce.Gateway.Auth;
using Commerce.Gateway.RateLimiting;
using Commerce.Gateway.Routing;

namespace Commerce.Gateway;

public static class Extensions
{
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.AddGatewayAuthentication();
        builder.AddCallerRateLimiting();
        builder.Services
            .AddReverseProxy()
            .LoadFromMemory(FleetRouteTable.Routes(), FleetRouteTable.Clusters())
            .AddTransforms(context => context.AddCallerIdentityHeaders())
            .AddServiceDiscoveryDestinationResolver();
        return builder;
    }

    public static WebApplication UseGateway(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }
}
