using Commerce.Clip.Domain;

namespace Commerce.Clip.Training;

/// <summary>A moment the generator planted: the ground truth a clip of its kind should match.</summary>
public sealed record PlantedMoment(ClipKind Kind, int StartSecond, int EndSecond, string? ProductId)
{
    public Span Span => new(StartSecond, EndSecond);
}
