namespace Commerce.CsAgent.Domain.Knowledge;

/// <summary>The two languages the agent answers in; a message with any Han character is Chinese.</summary>
public static class TextLanguage
{
    public const string Chinese = "zh";
    public const string English = "en";

    public static string Detect(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u4e00' and <= '\u9fff') return Chinese;
        }

        return English;
    }

    /// <summary>"zh-CN" / "zh" -> zh, anything else given -> en, empty -> null (follow the message).</summary>
    public static string? FromCode(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : code.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;
}
