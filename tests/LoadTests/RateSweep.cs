using System.Globalization;
using System.Text;

namespace Commerce.LoadTests;

/// <summary>
/// The highest arrival rate an RPC sustains within its p99 budget: open-loop steps of rising rate, one RPC of the mix at
/// a time (the rest of the fleet idle), stopping at the first step whose p99 passes the budget, which has errors, or
/// which the client could not even offer at the rate asked (the client saturated, not the fleet).
/// </summary>
public static class RateSweep
{
    public static async Task<IReadOnlyList<SweepStep>> RunAsync(LoadCall call, double budgetMs, IReadOnlyList<double> rates, TimeSpan stepDuration, int seed,
        CancellationToken cancellationToken)
    {
        var steps = new List<SweepStep>();
        foreach (var rate in rates)
        {
            var recorder = new LatencyRecorder();
            var started = DateTime.UtcNow;
            await new LoadDriver([call], recorder, seed).RunOpenLoopAsync(rate, stepDuration, cancellationToken);
            var figures = recorder.Figures(DateTime.UtcNow - started).Single();
            var step = new SweepStep(call.Rpc, rate, figures.PerSecond, figures.P50Ms, figures.P99Ms, figures.Errors, budgetMs);
            steps.Add(step);
            Console.WriteLine($"  {call.Rpc} at {rate:0} calls/s: p50 {step.P50Ms:0.00} ms, p99 {step.P99Ms:0.00} ms, {step.Errors} errors");
            if (!step.WithinBudget) break;
        }

        return steps;
    }

    public static string ToMarkdown(IEnumerable<SweepStep> steps)
    {
        var md = new StringBuilder();
        md.AppendLine("| rpc | p99 budget ms | offered calls/s | answered calls/s | p50 ms | p99 ms | errors | within budget |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var s in steps)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Rpc} | {s.BudgetMs:0} | {s.OfferedPerSecond:0} | {s.AnsweredPerSecond:0.#} | {s.P50Ms:0.00} | {s.P99Ms:0.00} | {s.Errors} | {(s.WithinBudget ? "yes" : "no")} |");
        }

        return md.ToString();
    }

    /// <summary>The highest rate within budget per RPC, or null when even the lowest step missed it.</summary>
    public static IReadOnlyDictionary<string, double?> Sustained(IEnumerable<SweepStep> steps) =>
        steps.GroupBy(s => s.Rpc).ToDictionary(g => g.Key, g => g.Where(s => s.WithinBudget).Select(s => (double?)s.OfferedPerSecond).Max());
}

public sealed record SweepStep(string Rpc, double OfferedPerSecond, double AnsweredPerSecond, double P50Ms, double P99Ms, long Errors, double BudgetMs)
{
    public bool WithinBudget => P99Ms <= BudgetMs && Errors == 0 && AnsweredPerSecond >= 0.95 * OfferedPerSecond;
}
