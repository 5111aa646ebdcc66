using Commerce.Gateway.Auth;
using Commerce.LoadTests;
using Grpc.Net.Client;

var options = LoadOptions.Parse(args);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

await using var fleet = options.Gateway is null ? await StartFleetAsync(stop.Token) : null;
var gateway = options.Gateway ?? fleet!.GrpcEndpoint("gateway").ToString();
var tokens = fleet?.Tokens ?? new DevTokenIssuer(new JwtSettings { SigningKeyFile = options.KeyFile ?? Path.Combine("eng", "artifacts", "secrets", "jwt-signing-key") });
using var channel = GrpcChannel.ForAddress(gateway, new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });

Console.WriteLine($"setting up the world: {options.Merchants} merchants with stores, listed products, a planned live and campaigns");
var world = await LoadWorld.SetUpAsync(channel, tokens, options.Merchants, stop.Token);
Console.WriteLine($"world {world.RunId}: {world.Products.Count()} products, rooms {string.Join(", ", world.Merchants.Select(m => m.Session.LiveRoomId))}; audio: {world.Media.HostSpeechSource}");
using var recoDirect = options.Overhead is null ? null : GrpcChannel.ForAddress(DirectAddress("reco"));
using var biddingDirect = options.Overhead is null ? null : GrpcChannel.ForAddress(DirectAddress("bidding"));
var mix = (recoDirect is not null && biddingDirect is not null
        ? GatewayOverhead.Create(channel, recoDirect, biddingDirect, tokens, world)
        : TrafficMix.Create(channel, tokens, world))
    .Where(c => options.Only is null || c.Rpc.Contains(options.Only, StringComparison.Ordinal)).ToList();

Console.WriteLine($"warm-up {options.Warmup.TotalSeconds:0} s (every call of the mix once first)");
var warmup = new LatencyRecorder();
var warmupDriver = new LoadDriver(mix, warmup, options.Seed);
await warmupDriver.RunEveryCallOnceAsync(stop.Token);
await warmupDriver.RunClosedLoopAsync(options.Callers, options.Warmup, null, stop.Token);
foreach (var failing in warmup.Figures(options.Warmup).Where(f => f.Errors > 0))
{
    Console.WriteLine($"warm-up: {failing.Rpc} failed {failing.Errors} times: {string.Join("; ", failing.FirstErrors.Select(e => $"{e.Key} {e.Value}"))}");
}

Directory.CreateDirectory(options.OutputDir);
if (options.Sweep is { } sweep)
{
    var steps = new List<SweepStep>();
    foreach (var (rpc, budget) in sweep)
    {
        var call = mix.SingleOrDefault(c => c.Rpc == rpc) ?? throw new ArgumentException($"--sweep: no {rpc} in the mix ({string.Join(", ", mix.Select(c => c.Rpc))})");
        steps.AddRange(await RateSweep.RunAsync(call, budget, options.Rates, options.Duration, options.Seed, stop.Token));
    }

    var table = $"Rate sweep {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {options.Duration.TotalSeconds:0} s per step, seed {options.Seed}, {LoadReport.DescribeMachine()}\n\n{RateSweep.ToMarkdown(steps)}";
    var sweepStamp = DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
    await File.WriteAllTextAsync(Path.Combine(options.OutputDir, $"sweep-{sweepStamp}.md"), table);
    await File.WriteAllTextAsync(Path.Combine(options.OutputDir, $"sweep-{sweepStamp}.json"), System.Text.Json.JsonSerializer.Serialize(steps));
    Console.WriteLine(table);
    foreach (var (rpc, rate) in RateSweep.Sustained(steps)) Console.WriteLine($"{rpc}: {(rate is { } r ? $"sustains {r:0} calls/s" : "misses its budget at the lowest rate tried")}");
    return 0;
}

var recorder = new LatencyRecorder();
var driver = new LoadDriver(mix, recorder, options.Seed);
var startedAt = DateTimeOffset.UtcNow;
Console.WriteLine($"{options.Mode}-loop run {options.Duration.TotalSeconds:0} s");
if (options.Mode == "open") await driver.RunOpenLoopAsync(options.Rate, options.Duration, stop.Token);
else await driver.RunClosedLoopAsync(options.Callers, options.Duration, null, stop.Token);
var elapsed = DateTimeOffset.UtcNow - startedAt;

var mode = options.Mode == "open" ? $"open loop at {options.Rate} calls/s" : $"closed loop with {options.Callers} callers";
var figures = recorder.Figures(elapsed);
var report = new LoadReport(options.Overhead is null ? mode : "gateway overhead, " + mode, fleet is null ? gateway : "a fleet started through the AppHost", options.Seed, startedAt, elapsed.TotalSeconds,
    LoadReport.DescribeMachine(), figures, options.Overhead is null ? null : GatewayOverhead.Ratios(figures));
var stamp = startedAt.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
await File.WriteAllTextAsync(Path.Combine(options.OutputDir, $"load-{stamp}.md"), report.ToMarkdown());
await File.WriteAllTextAsync(Path.Combine(options.OutputDir, $"load-{stamp}.json"), report.ToJson());
Console.WriteLine(report.ToMarkdown());
return report.Rpcs.Sum(r => r.Errors) == 0 ? 0 : 1;

string DirectAddress(string service) =>
    options.Overhead!.GetValueOrDefault(service) ?? fleet?.GrpcEndpoint(service).ToString()
    ?? throw new ArgumentException($"--overhead needs {service}=URL when the fleet is not started here");

static async Task<LocalFleet> StartFleetAsync(CancellationToken cancellationToken)
{
    Console.WriteLine("no --gateway: starting the fleet through the AppHost (own RabbitMQ node, data folder and signing key)");
    var started = System.Diagnostics.Stopwatch.StartNew();
    var fleet = await LocalFleet.StartAsync(TimeSpan.FromMinutes(6), cancellationToken);
    Console.WriteLine($"fleet healthy after {started.Elapsed.TotalSeconds:0} s");
    return fleet;
}
