using System.Text.Json;

namespace Commerce.Bidding.Simulation;

/// <summary>
/// A traffic profile of the auction simulator, as stored in tests/BiddingService.Tests/Profiles/*.json: the shape of a
/// day (opportunity volume and competition per interval), the competing agents, and the evaluated campaigns. The
/// <see cref="TrafficGenerator"/> turns it, with its seed, into the same logged opportunities on every machine.
/// </summary>
public sealed record TrafficProfile
{
    public required string Name { get; init; }

    public required int Seed { get; init; }

    public int Days { get; init; } = 3;

    public int OpportunitiesPerDay { get; init; } = 6000;

    /// <summary>Slots per auction: 1 is a second-price auction, more is GSP.</summary>
    public int Slots { get; init; } = 1;

    /// <summary>Exposure (value) factor of each slot position for GSP; the first is 1.</summary>
    public double[] SlotFactors { get; init; } = [1.0];

    /// <summary>Relative opportunity volume of each of the 48 intervals.</summary>
    public required double[] Volume { get; init; }

    /// <summary>Relative competitor bid level of each of the 48 intervals.</summary>
    public required double[] Competition { get; init; }

    /// <summary>Random traffic spikes per day (at random intervals, each multiplying that interval's volume).</summary>
    public int SpikesPerDay { get; init; }

    public double SpikeFactor { get; init; } = 4;

    public int Competitors { get; init; } = 24;

    /// <summary>Competitors' daily budgets as a share of what they would spend unconstrained; some run out and leave.</summary>
    public double CompetitorBudgetShare { get; init; } = 0.7;

    /// <summary>Mean predicted conversion probability of an impression for the evaluated campaigns.</summary>
    public double MeanConversionRate { get; init; } = 0.01;

    public required SimulatedCampaign[] Campaigns { get; init; }

    /// <summary>SHA-256 of the generated opportunities (see <see cref="TrafficLog.Fingerprint"/>): pins determinism.</summary>
    public string? Fingerprint { get; init; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static TrafficProfile Load(string path) =>
        JsonSerializer.Deserialize<TrafficProfile>(File.ReadAllText(path), Json) ?? throw new InvalidDataException(path);
}

/// <summary>An evaluated campaign: its target CPA and its budget as a share of what bidding the target value truthfully spends.</summary>
public sealed record SimulatedCampaign
{
    public required string Name { get; init; }

    public required double TargetCpa { get; init; }

    public required double BudgetShare { get; init; }
}
