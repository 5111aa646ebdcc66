using BenchmarkDotNet.Attributes;
using Commerce.Onboarding.Domain.Library;
using Commerce.Onboarding.Domain.Live;

namespace Commerce.Onboarding.Benchmarks;

/// <summary>The measure: script generation for a 2-hour live with 20 products (lineup ranking included).</summary>
[MemoryDiagnoser]
public class ScriptGenerationBenchmarks
{
    private readonly LiveScriptWriter _writer = new(BannedClaims.LoadDefault());
    private readonly IReadOnlySet<MarketingToolKind> _tools = Enum.GetValues<MarketingToolKind>().ToHashSet();
    private List<LiveProduct> _products = [];

    [Params("zh-CN", "en")]
    public string Language { get; set; } = "zh-CN";

    [GlobalSetup]
    public void Setup()
    {
        _products = new LibraryGenerator(20261207).Generate(1440)
            .Where(p => p.CategoryPath[0] == "Women's Clothing").Take(20)
            .Select(p => LiveProduct.FromLibrary(p, Language)).ToList();
    }

    [Benchmark]
    public int TwoHourLiveWith20Products()
    {
        var lineup = LineupSuggester.Suggest(_products, ["Women's Clothing"], 120, 20);
        return _writer.Write(lineup, 120, Language, _tools).Sections.Count;
    }
}
