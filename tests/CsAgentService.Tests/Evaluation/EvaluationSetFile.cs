using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Commerce.TestSupport;

namespace Commerce.CsAgent.Tests.Evaluation;

/// <summary>The evaluation set as committed: tests/CsAgentService.Tests/Evaluation/Data/csagent-eval.v1.json.</summary>
public static class EvaluationSetFile
{
    public static readonly string Path = System.IO.Path.Combine(RepoPaths.Root, "tests", "CsAgentService.Tests", "Evaluation", "Data", "csagent-eval.v1.json");

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(EvaluationSet set) => JsonSerializer.Serialize(set, Options).ReplaceLineEndings("\n") + "\n";

    public static EvaluationSet Load() => JsonSerializer.Deserialize<EvaluationSet>(File.ReadAllText(Path), Options)!;
}
