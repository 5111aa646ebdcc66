using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Commerce.LoadTests;

public sealed record LoadReport(string Mode, string Target, int Seed, DateTimeOffset StartedAt, double DurationSeconds,
    string Machine, IReadOnlyList<RpcFigures> Rpcs, IReadOnlyList<OverheadRatio>? Overhead = null)
{
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"Load run {StartedAt:yyyy-MM-dd HH:mm} UTC, {Mode}, {DurationSeconds:0.#} s against {Target}, seed {Seed}, {Machine}");
        md.AppendLine();
        md.AppendLine("| rpc | calls | calls/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | errors |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in Rpcs)
        {
            var errors = string.Join(", ", r.Outcomes.Where(o => o.Key != "OK").Select(o => $"{o.Key} {o.Value}"));
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Rpc} | {r.Calls} | {r.PerSecond:0.#} | {r.P50Ms:0.00} | {r.P90Ms:0.00} | {r.P99Ms:0.00} | {r.P999Ms:0.00} | {r.MaxMs:0.00} | {(errors.Length == 0 ? "0" : errors)} |");
        }

        if (Overhead is { Count: > 0 })
        {
            md.AppendLine();
            md.AppendLine("Gateway overhead (gateway over direct, same run):");
            md.AppendLine();
            md.Append(GatewayOverhead.ToMarkdown(Overhead));
        }

        var failures = Rpcs.SelectMany(r => r.FirstErrors.Select(e => (r.Rpc, Status: e.Key, Detail: e.Value))).ToList();
        if (failures.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("First error per RPC and status:");
            md.AppendLine();
            foreach (var (rpc, status, detail) in failures) md.AppendLine(CultureInfo.InvariantCulture, $"- {rpc} {status}: {detail}");
        }

        return md.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true });

    public static string DescribeMachine() =>
        $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";
}
