using Dapr.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Commerce.ServiceDefaults.Secrets;

public static class DaprSecretsExtensions
{
    /// <summary>
    /// Where a Dapr sidecar runs (it sets DAPR_GRPC_PORT or DAPR_GRPC_ENDPOINT), the configured secrets are read from its
    /// secret store and laid over configuration; without a sidecar, configuration (environment, Kubernetes Secret
    /// references) is used as it is. Secrets are read once at start-up, before anything is built from configuration.
    /// </summary>
    public static TBuilder AddDaprSecrets<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var settings = builder.Configuration.GetSection(DaprSecretsSettings.SectionName).Get<DaprSecretsSettings>() ?? new DaprSecretsSettings();
        var endpoint = SidecarEndpoint(builder.Configuration);
        if (endpoint is null || settings.Secrets.Count == 0) return builder;

        using var client = new DaprClientBuilder().UseGrpcEndpoint(endpoint).Build();
        var values = DaprSecretReader.ReadAsync(client, settings).GetAwaiter().GetResult();
        builder.Configuration.AddInMemoryCollection(values);
        return builder;
    }

    public static string? SidecarEndpoint(IConfiguration configuration)
    {
        if (configuration["DAPR_GRPC_ENDPOINT"] is { Length: > 0 } endpoint) return endpoint;
        return configuration["DAPR_GRPC_PORT"] is { Length: > 0 } port ? $"http://127.0.0.1:{port}" : null;
    }
}
