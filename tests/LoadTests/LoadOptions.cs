using System.Globalization;

namespace Commerce.LoadTests;

/// <summary>
/// <c>dotnet run --project tests/LoadTests -c Release -- [--gateway http://localhost:5101] [--key-file F] [--mode closed|open]
/// [--callers 16] [--rate 200] [--duration 30] [--warmup 5] [--seed 42] [--merchants 3] [--only part-of-rpc-name] [--out eng/artifacts/load]
/// [--overhead auto|reco=http://localhost:5131,bidding=http://localhost:5181]</c>. With --overhead the run is not the
/// mix but the same reco and bid calls direct to those services and through the gateway, for the gateway's overhead
/// ("auto": the services of the fleet started here). [--sweep bidding.Bid=5,csagent.Ask=100 --rates 10,25,50,100]: instead
/// of the mix, open-loop steps of rising rate (each --duration long) for each named RPC alone, up to the first step
/// whose p99 passes its budget in ms.
/// Without --gateway the fleet is started through the AppHost (Aspire.Hosting.Testing) and stopped at the end.
/// </summary>
public sealed record LoadOptions
{
    public string? Gateway { get; init; }
    public string? KeyFile { get; init; }
    public string Mode { get; init; } = "closed";
    public int Callers { get; init; } = 16;
    public double Rate { get; init; } = 200;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);
    public int Seed { get; init; } = 42;
    public string OutputDir { get; init; } = Path.Combine("eng", "artifacts", "load");
    public string? Only { get; init; }
    public int Merchants { get; init; } = 3;

    /// <summary>Service name (reco, bidding) to its direct gRPC address, for the overhead run; null for the mix.</summary>
    public IReadOnlyDictionary<string, string>? Overhead { get; init; }

    /// <summary>RPC name to its p99 budget in ms, for the rate sweep; null for the mix.</summary>
    public IReadOnlyList<(string Rpc, double BudgetMs)>? Sweep { get; init; }

    public IReadOnlyList<double> Rates { get; init; } = [10, 25, 50, 100, 200, 400, 800];

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--gateway" => options with { Gateway = value },
                "--key-file" => options with { KeyFile = value },
                "--mode" => options with { Mode = value is "open" or "closed" ? value : throw new ArgumentException("--mode is open or closed") },
                "--callers" => options with { Callers = int.Parse(value, CultureInfo.InvariantCulture) },
                "--rate" => options with { Rate = double.Parse(value, CultureInfo.InvariantCulture) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--seed" => options with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                "--out" => options with { OutputDir = value },
                "--only" => options with { Only = value },
                "--overhead" => options with
                {
                    Overhead = value == "auto" ? new Dictionary<string, string>() : value.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length == 2 ? p[1] : throw new ArgumentException("--overhead reco=URL,bidding=URL")),
                },
                "--sweep" => options with
                {
                    Sweep = value.Split(',').Select(p => p.Split('=', 2)).Select(p => p.Length == 2
                        ? (p[0], double.Parse(p[1], CultureInfo.InvariantCulture))
                        : throw new ArgumentException("--sweep rpc=budget-ms,...")).ToList(),
                },
                "--rates" => options with { Rates = value.Split(',').Select(r => double.Parse(r, CultureInfo.InvariantCulture)).ToList() },
                "--merchants" => options with { Merchants = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }
}
