using Dapr;
using Dapr.Client;
using Grpc.Core;

namespace Commerce.ServiceDefaults.Secrets;

public static class DaprSecretReader
{
    /// <summary>
    /// Reads each configured "secret-name/key" from the sidecar's store. The sidecar may start after the app, so an
    /// unavailable sidecar is retried until <see cref="DaprSecretsSettings.SidecarWait"/>; a missing secret stops the
    /// start with its name.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string?>> ReadAsync(DaprClient client, DaprSecretsSettings settings,
        CancellationToken cancellationToken = default)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var deadline = DateTime.UtcNow + settings.SidecarWait;
        foreach (var mapping in settings.Secrets)
        {
            var slash = mapping.Secret.IndexOf('/', StringComparison.Ordinal);
            var (secretName, key) = slash < 0 ? (mapping.Secret, mapping.Secret) : (mapping.Secret[..slash], mapping.Secret[(slash + 1)..]);
            var secret = await GetWithRetryAsync(client, settings.SecretStore, secretName, deadline, cancellationToken);
            if (!secret.TryGetValue(key, out var value))
            {
                throw new InvalidOperationException(
                    $"Dapr secret store '{settings.SecretStore}' has no key '{key}' in secret '{secretName}' (for {mapping.ConfigKey}).");
            }

            values[mapping.ConfigKey] = value;
        }

        return values;
    }

    private static async Task<Dictionary<string, string>> GetWithRetryAsync(DaprClient client, string store, string name,
        DateTime deadline, CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                return await client.GetSecretAsync(store, name, cancellationToken: cancellationToken);
            }
            catch (DaprException ex) when (ex.InnerException is RpcException { StatusCode: StatusCode.Unavailable } && DateTime.UtcNow < deadline)
            {
                await Task.Delay(backoff, cancellationToken);
                backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 2000));
            }
        }
    }
}
