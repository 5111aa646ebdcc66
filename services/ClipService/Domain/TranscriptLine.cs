namespace Commerce.Clip.Domain;

/// <summary>One final utterance of the host (a sentence), with the product on air when it was said.</summary>
public sealed record TranscriptLine(int StartMs, int EndMs, string Text, string? ProductId);
