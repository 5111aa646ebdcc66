using Commerce.Gateway.Auth;
using Commerce.LoadTests;
using Grpc.Net.Client;

var options = LoadOptions.Parse(args);
if (options.Gateway is null)
{
    Console.Error.WriteLine("--gateway http://host:port is required (the fleet's gateway gRPC endpoint; eng/run-fleet.sh serves it on 5101)");
    return 2;
}

var keyFile = options.KeyFile ?? Path.Combine("eng", "artifacts", "secrets", "jwt-signing-key");
var tokens = new DevTokenIssuer(new JwtSettings { SigningKeyFile = keyFile });
using var channel = GrpcChannel.ForAddress(options.Gateway);
var mix = TrafficMix.Create(channel, tokens).Where(c => options.Only is null || c.Rpc.StartsWith(options.Only, StringComparison.Ordinal)).ToList();

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

Console.WriteLine($"warm-up {options.Warmup.TotalSeconds:0} s");
await new LoadDriver(mix, new LatencyRecorder(), options.Seed).RunClosedLoopAsync(options.Callers, options.Warmup, null, stop.Token);

var recorder = new LatencyRecorder();
var driver = new LoadDriver(mix, recorder, options.Seed);
var startedAt = DateTimeOffset.UtcNow;
Console.WriteLine($"{options.Mode}-loop run {options.Duration.TotalSeconds:0} s");
if (options.Mode == "open") await driver.RunOpenLoopAsync(options.Rate, options.Duration, stop.Token);
else await driver.RunClosedLoopAsync(options.Callers, options.Duration, null, stop.Token);
var elapsed = DateTimeOffset.UtcNow - startedAt;

var mode = options.Mode == "open" ? $"open loop at {options.Rate} calls/s" : $"closed loop with {options.Callers} callers";
var report = new LoadReport(mode, options.Gateway, options.Seed, startedAt, elapsed.TotalSeconds, LoadReport.DescribeMachine(), recorder.Figures(elapsed));
Directory.CreateDirectory(options.OutputDir);
var stamp = startedAt.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
await File.WriteAllTextAsync(Path.Combine(options.OutputDir, $"load-{stamp}.md"), report.ToMarkdown());
await File.WriteAllTextAsync(Path.Combine(options.OutputDir, $"load-{stamp}.json"), report.ToJson());
Console.WriteLine(report.ToMarkdown());
return report.Rpcs.Sum(r => r.Errors) == 0 ? 0 : 1;
