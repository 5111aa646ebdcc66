namespace Commerce.TryOn;

public sealed class TryOnSettings
{
    public const string SectionName = "TryOn";

    /// <summary>Folder of the MediaPipe .tflite models (eng/artifacts/models, fetched by eng/prereqs.sh).</summary>
    public string ModelsDir { get; set; } = "../../eng/artifacts/models";

    /// <summary>Pose model: pose_landmark_lite.tflite (faster) or pose_landmark_full.tflite.</summary>
    public string PoseModel { get; set; } = "pose_landmark_lite.tflite";

    /// <summary>How long results and their photos are kept.</summary>
    public TimeSpan ResultLifetime { get; set; } = TimeSpan.FromHours(24);
}
