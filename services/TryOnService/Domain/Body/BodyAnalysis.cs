using OpenCvSharp;

namespace Commerce.TryOn.Domain.Body;

/// <summary>What the pipeline knows of the person: the soft mask (CV_32F 0..1), the binary mask of the one person, the landmarks.</summary>
public sealed class BodyAnalysis(Mat softMask, Mat personMask, Rect box, PoseLandmark[] landmarks, float poseConfidence) : IDisposable
{
    public Mat SoftMask { get; } = softMask;

    /// <summary>CV_8U, 255 on the person (largest component of the mask).</summary>
    public Mat PersonMask { get; } = personMask;

    public Rect Box { get; } = box;

    public PoseLandmark[] Landmarks { get; } = landmarks;

    public float PoseConfidence { get; } = poseConfidence;

    public PoseLandmark this[int index] => Landmarks[index];

    public void Dispose()
    {
        SoftMask.Dispose();
        PersonMask.Dispose();
    }
}
