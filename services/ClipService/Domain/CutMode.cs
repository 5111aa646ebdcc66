namespace Commerce.Clip.Domain;

/// <summary>How a clip is cut: stream copy (fast, starts on the keyframe before the cut) or frame-accurate re-encode.</summary>
public enum CutMode
{
    StreamCopy = 1,
    FrameAccurate = 2,
}
