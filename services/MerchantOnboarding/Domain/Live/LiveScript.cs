namespace Commerce.Onboarding.Domain.Live;

public enum ScriptKind
{
    Opening = 1,
    ProductFact = 2,
    Marketing = 3,
    InteractionPrompt = 4,
    Transition = 5,
    Closing = 6,
}

public enum SectionKind
{
    Opening = 1,
    Product = 2,
    Closing = 3,
}

public enum MarketingToolKind
{
    Coupon = 1,
    Countdown = 2,
    Lottery = 3,
}

/// <summary>A line to say (Text, "help me say") with a tip on what to do (Tip, "teach me").</summary>
public sealed record ScriptLineData(string LineId, ScriptKind Kind, string Text, string Tip, TimeSpan Start, TimeSpan Duration,
    MarketingToolKind? Tool, IReadOnlyList<string> SourceFields);

public sealed record ScriptSectionData(string SectionId, SectionKind Kind, LiveProduct? Product, TimeSpan Start, TimeSpan Duration,
    IReadOnlyList<ScriptLineData> Lines);

public sealed record LiveScriptData(string Language, IReadOnlyList<ScriptSectionData> Sections)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public TimeSpan Duration => Sections.Count == 0 ? TimeSpan.Zero : Sections[^1].Start + Sections[^1].Duration;

    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<ScriptLineData> Lines => Sections.SelectMany(s => s.Lines);
}
