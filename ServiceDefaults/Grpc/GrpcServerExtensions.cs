using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Commerce.ServiceDefaults.Grpc;

public static class GrpcServerExtensions
{
    /// <summary>Default cap on one incoming message; services that take images or audio raise it explicitly in their own options.</summary>
    public const int DefaultMaxReceiveBytes = 4 * 1024 * 1024;

    public const string LivenessService = "liveness";

    public static TBuilder AddCommerceGrpcServer<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var section = builder.Configuration.GetSection(GrpcServerSettings.SectionName);
        builder.Services.Configure<GrpcServerSettings>(section);
        var settings = section.Get<GrpcServerSettings>() ?? new GrpcServerSettings();

        builder.Services.AddSingleton<ServerErrorInterceptor>();
        builder.Services.AddSingleton<ServerDeadlineInterceptor>();
        builder.Services
            .AddGrpc(options =>
            {
                options.MaxReceiveMessageSize = settings.MaxReceiveBytes;
                options.MaxSendMessageSize = settings.MaxSendBytes;
                options.EnableDetailedErrors = false;
                options.Interceptors.Add<ServerErrorInterceptor>();
                options.Interceptors.Add<ServerDeadlineInterceptor>();
            })
            .AddJsonTranscoding();
        builder.Services.AddGrpcReflection();
        // gRPC health: "" (readiness) reports every check, "liveness" only the process's own: Kubernetes' native gRPC
        // probes ask for these two services.
        builder.Services.AddGrpcHealthChecks(options =>
        {
            options.Services.Map("", _ => true);
            options.Services.Map(LivenessService, result => result.Tags.Contains(Health.HealthExtensions.LiveTag));
        });
        return builder;
    }
}
