using BenchmarkDotNet.Attributes;
using Commerce.Bidding.Domain;
using Commerce.Bidding.Storage;
using Commerce.ServiceDefaults.Identity;
using Commerce.ServiceDefaults.Storage;
using MassTransit;

namespace Commerce.Bidding.Benchmarks;

/// <summary>
/// Bid decisions in-process, one thread: a batch of 1,000 opportunities with one candidate campaign each through
/// <see cref="CampaignBook.Bid"/> (validation, pacing, reservation), and a single opportunity. Decisions per second per
/// core = 1,000 / the batch's mean time.
/// </summary>
// In-process toolchain: the generated boilerplate project would inherit the repository's build props (warnings as errors).
[MemoryDiagnoser]
[InProcess]
public class BidDecisionBenchmarks
{
    private CampaignBook _book = null!;
    private OpportunityInput[] _batch = null!;
    private OpportunityInput _single = null!;
    private string _folder = null!;
    private IBusControl _bus = null!;
    private long _round;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("bidding-bench-").FullName;
        var database = new SqliteDatabase(Path.Combine(_folder, "bidding.db"), BiddingStore.Schema);
        _bus = Bus.Factory.CreateUsingInMemory(_ => { });
        _book = new CampaignBook(new BiddingStore(database), new RewardLedger(database), new PacingSettings(), TimeProvider.System, _bus,
            TimeSpan.FromMilliseconds(50));
        var merchant = new Caller("u1", "m1", new HashSet<string> { CallerRole.Merchant });
        var now = DateTimeOffset.UtcNow;
        // Ample budgets so every decision is a real bid with a reservation, not an early "exhausted".
        var ids = Enumerable.Range(0, 20).Select(i => _book.Create(merchant, new CampaignRecord
        {
            CampaignId = "", MerchantId = "", Name = "c" + i, TargetKind = PromotedKind.Product, TargetId = "p" + i, Currency = "CNY",
            DailyBudgetMicros = 1_000_000 * CampaignRules.MicrosPerUnit, Goal = GoalKind.TargetCpa, TargetCpaMicros = 20 * CampaignRules.MicrosPerUnit,
            TimeZone = CampaignRules.DefaultTimeZone, CreateTime = now, UpdateTime = now,
        }, null).CampaignId).ToArray();
        var random = new Random(7);
        _batch = Enumerable.Range(0, 1000).Select(i => new OpportunityInput("o" + i, 0, now,
            [new BidCandidateInput(ids[i % ids.Length], random.NextDouble() * 0.1, random.NextDouble() * 0.1, 0)], [])).ToArray();
        _single = _batch[0];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public int Batch_of_1000_decisions()
    {
        // Fresh opportunity ids each round: the same id would replace, not add, a reservation.
        var round = Interlocked.Increment(ref _round);
        var batch = new OpportunityInput[_batch.Length];
        for (var i = 0; i < batch.Length; i++) batch[i] = _batch[i] with { OpportunityId = _batch[i].OpportunityId + "-" + round, OccurTime = DateTimeOffset.UtcNow };
        return _book.Bid(batch).Count;
    }

    [Benchmark]
    public int Single_decision() => _book.Bid([_single with { OccurTime = DateTimeOffset.UtcNow }]).Count;
}
