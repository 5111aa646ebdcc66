using Commerce.Clip.Domain;

namespace Commerce.Clip.Training;

/// <summary>A generated session and the moments planted in it.</summary>
public sealed record LabelledSession(int Seed, SessionSignals Signals, IReadOnlyList<PlantedMoment> Moments);
