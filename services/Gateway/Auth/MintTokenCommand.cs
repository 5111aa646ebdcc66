namespace Commerce.Gateway.Auth;

/// <summary>
/// <c>dotnet run --project services/Gateway -- mint-token --role merchant --user u-1 --merchant m-1 [--hours 8]</c>
/// prints a token for the key in configuration (Gateway__Jwt__SigningKey, or the local key file eng/run-fleet.sh made).
/// </summary>
public static class MintTokenCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "mint-token";

    public static int Run(string[] args)
    {
        var options = ParseOptions(args.Skip(1).ToArray());
        if (!options.TryGetValue("role", out var role) || !options.TryGetValue("user", out var user))
        {
            Console.Error.WriteLine("usage: mint-token --role buyer|merchant|operator --user ID [--merchant ID] [--hours N]");
            return 2;
        }

        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var settings = configuration.GetSection(JwtSettings.SectionName).Get<JwtSettings>() ?? new JwtSettings();
        settings.SigningKeyFile ??= LocalKeyFile();
        var hours = options.TryGetValue("hours", out var h) ? double.Parse(h, System.Globalization.CultureInfo.InvariantCulture) : 8;
        try
        {
            var token = new DevTokenIssuer(settings).Mint(user, role, options.GetValueOrDefault("merchant"), TimeSpan.FromHours(hours));
            Console.WriteLine(token);
            return 0;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
    }

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal)) options[args[i][2..]] = args[i + 1];
        }

        return options;
    }

    private static string? LocalKeyFile()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "eng", "artifacts", "secrets", "jwt-signing-key");
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }
}
