using System.Text.Json;

namespace Commerce.Onboarding.Domain.Advisor;

/// <summary>
/// Answers from the policy knowledge base: the best passage in the question's language is the answer, cited with the
/// runners-up that also clear the bar. Below <see cref="CoverageThreshold"/> it says it does not know and where to ask:
/// a wrong rule quoted with confidence costs a new merchant more than no answer.
/// </summary>
public sealed class PolicyAdvisor(Bm25Index index)
{
    /// <summary>Share of the question's IDF mass the top passage must match; chosen on Data/advisor-eval.json.</summary>
    public const double CoverageThreshold = 0.45;

    public static PolicyAdvisor LoadDefault(TextTokenizer tokenizer)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "policy-kb.json");
        var passages = JsonSerializer.Deserialize<PolicyPassage[]>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        return new PolicyAdvisor(new Bm25Index(passages, tokenizer));
    }

    public AdvisorAnswer Ask(string question, string? language)
    {
        var lang = language is { Length: > 0 } l ? (l.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh-CN" : "en")
            : question.Any(TextTokenizer.IsCjk) ? "zh-CN" : "en";
        var hits = index.Search(question, lang, 3);
        if (hits.Count == 0 || hits[0].Coverage < CoverageThreshold)
        {
            var unknown = lang == "zh-CN"
                ? "抱歉，平台规则库里没有找到能回答这个问题的内容，我不确定，请联系商家客服或在商家后台提交工单。"
                : "Sorry, I don't know: the platform rules I have do not answer this. Please ask merchant support or open a ticket in the merchant console.";
            return new AdvisorAnswer(false, unknown, [], hits.Count == 0 ? 0 : Math.Round(hits[0].Coverage, 3));
        }

        var cited = hits.Where(h => h.Coverage >= CoverageThreshold * 0.8).ToList();
        var top = cited[0].Passage;
        var answer = lang == "zh-CN" ? $"根据《{top.Title}》{top.Section}：{top.Text}" : $"According to \"{top.Title}\", {top.Section}: {top.Text}";
        return new AdvisorAnswer(true, answer, cited, Math.Round(hits[0].Coverage, 3));
    }
}
