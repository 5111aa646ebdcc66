using Commerce.ServiceDefaults.Secrets;
using Microsoft.Extensions.Hosting;

namespace Commerce.ServiceDefaults.Tests;

public sealed class DaprSecretsTests
{
    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> Store = new()
    {
        ["commerce-gateway-jwt"] = new Dictionary<string, string> { ["signing-key"] = "from-the-dapr-store-0123456789abcdef" },
    };

    [Test]
    public async Task With_a_sidecar_the_secret_comes_from_the_dapr_secret_store()
    {
        await using var sidecar = await FakeDaprSidecar.StartAsync("commerce-secrets", Store);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["DAPR_GRPC_ENDPOINT"] = sidecar.Endpoint;
        builder.Configuration["Gateway:Jwt:SigningKey"] = "from-configuration";
        builder.Configuration["Dapr:Secrets:0:ConfigKey"] = "Gateway:Jwt:SigningKey";
        builder.Configuration["Dapr:Secrets:0:Secret"] = "commerce-gateway-jwt/signing-key";

        builder.AddDaprSecrets();

        Assert.That(builder.Configuration["Gateway:Jwt:SigningKey"], Is.EqualTo("from-the-dapr-store-0123456789abcdef"));
        Assert.That(sidecar.Requests.Single().StoreName, Is.EqualTo("commerce-secrets"));
    }

    [Test]
    public void Without_a_sidecar_configuration_is_used_as_it_is()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["DAPR_GRPC_ENDPOINT"] = "";
        builder.Configuration["DAPR_GRPC_PORT"] = "";
        builder.Configuration["Gateway:Jwt:SigningKey"] = "from-configuration";
        builder.Configuration["Dapr:Secrets:0:ConfigKey"] = "Gateway:Jwt:SigningKey";
        builder.Configuration["Dapr:Secrets:0:Secret"] = "commerce-gateway-jwt/signing-key";

        builder.AddDaprSecrets();

        Assert.That(builder.Configuration["Gateway:Jwt:SigningKey"], Is.EqualTo("from-configuration"));
    }

    [Test]
    public async Task A_secret_missing_from_the_store_stops_the_start_naming_it()
    {
        await using var sidecar = await FakeDaprSidecar.StartAsync("commerce-secrets", Store);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["DAPR_GRPC_ENDPOINT"] = sidecar.Endpoint;
        builder.Configuration["Dapr:Secrets:0:ConfigKey"] = "Gateway:Jwt:SigningKey";
        builder.Configuration["Dapr:Secrets:0:Secret"] = "commerce-gateway-jwt/wrong-key";

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddDaprSecrets());

        Assert.That(error!.Message, Does.Contain("wrong-key"));
    }
}
