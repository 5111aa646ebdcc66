using Commerce.ServiceDefaults.Grpc;
using Commerce.ServiceDefaults.Health;
using Commerce.ServiceDefaults.Secrets;
using Commerce.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Commerce.ServiceDefaults;

public static class Extensions
{
    public const string ServedByHeader = "x-commerce-served-by";

    /// <summary>Telemetry, health, service discovery and gRPC server defaults every service of the fleet shares.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddDaprSecrets();
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http => http.AddServiceDiscovery());
        builder.AddCommerceGrpcServer();
        return builder;
    }

    /// <summary>Health (HTTP and gRPC) and reflection, in every environment: Kubernetes probes need them outside Development too.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Names the answering service on every response, so a call through the gateway shows where it landed.
        if (app.Configuration.GetValue("ServiceDefaults:AnnounceServedBy", true))
        {
            var serviceName = app.Environment.ApplicationName;
            app.Use((context, next) =>
            {
                context.Response.Headers[ServedByHeader] = serviceName;
                return next(context);
            });
        }

        app.MapHealthEndpoints();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }
}
