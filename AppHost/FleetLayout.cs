using Microsoft.Extensions.Configuration;

namespace Commerce.AppHost;

/// <summary>Where the fleet keeps its files on this machine: data per service, the broker's node, the local signing key.</summary>
public sealed record FleetLayout(string RepoRoot, string DataDir, string JwtSigningKeyFile, IConfiguration Configuration)
{
    public static FleetLayout From(IConfiguration configuration, string appHostDirectory)
    {
        var repoRoot = Path.GetFullPath(Path.Combine(appHostDirectory, ".."));
        var artifacts = Path.Combine(repoRoot, "eng", "artifacts");
        var dataDir = configuration["Fleet:DataDir"] ?? Path.Combine(artifacts, "data");
        var keyFile = configuration["Fleet:JwtSigningKeyFile"] ?? Path.Combine(artifacts, "secrets", "jwt-signing-key");
        return new FleetLayout(repoRoot, Path.GetFullPath(dataDir), Path.GetFullPath(keyFile), configuration);
    }

    public string ServiceDataDir(string service) => Path.Combine(DataDir, service);
}
