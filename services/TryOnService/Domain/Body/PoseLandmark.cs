namespace Commerce.TryOn.Domain.Body;

/// <summary>One of MediaPipe BlazePose's 33 body landmarks, in image pixels, with its visibility (0-1).</summary>
public readonly record struct PoseLandmark(float X, float Y, float Visibility);

/// <summary>Indices of BlazePose's landmark topology (MediaPipe pose, 33 points; the model's 6 extra are ROI helpers).</summary>
public static class Landmark
{
    public const int Nose = 0, LeftEye = 2, RightEye = 5, LeftEar = 7, RightEar = 8, MouthLeft = 9, MouthRight = 10;
    public const int LeftShoulder = 11, RightShoulder = 12, LeftElbow = 13, RightElbow = 14, LeftWrist = 15, RightWrist = 16;
    public const int LeftHip = 23, RightHip = 24, LeftKnee = 25, RightKnee = 26, LeftAnkle = 27, RightAnkle = 28;
    public const int LeftHeel = 29, RightHeel = 30;
    public const int Count = 33;
}
