namespace Commerce.ServiceDefaults.Secrets;

public sealed class DaprSecretsSettings
{
    public const string SectionName = "Dapr";

    /// <summary>The Dapr secret store component (k8s/components/dapr/secret-store.yaml).</summary>
    public string SecretStore { get; set; } = "commerce-secrets";

    /// <summary>
    /// Configuration keys to fill from the store, e.g. <c>Dapr__Secrets__0__ConfigKey=Gateway:Jwt:SigningKey</c> and
    /// <c>Dapr__Secrets__0__Secret=commerce-gateway-jwt/signing-key</c> ("secret-name/key").
    /// </summary>
    public List<DaprSecretMapping> Secrets { get; set; } = [];

    public TimeSpan SidecarWait { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class DaprSecretMapping
{
    public string ConfigKey { get; set; } = "";

    public string Secret { get; set; } = "";
}
