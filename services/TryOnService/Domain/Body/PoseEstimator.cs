using OpenCvSharp;
using OpenCvSharp.Dnn;

namespace Commerce.TryOn.Domain.Body;

/// <summary>
/// Body landmarks from MediaPipe's BlazePose landmark model (256x256 RGB crop in 0..1; outputs 39x5 landmarks in crop
/// pixels with visibility and presence logits, and a pose-presence score). MediaPipe feeds it a crop from its own person
/// detector; we take the crop from the person mask instead (a square around the mask's bounding box, padded by a quarter,
/// as MediaPipe's ROI is), which saves running a detector.
/// </summary>
public sealed class PoseEstimator : IDisposable
{
    public const int InputSize = 256;
    private readonly Net _net;
    private readonly Lock _gate = new();
    private readonly string[] _outputNames;

    public PoseEstimator(string modelPath)
    {
        _net = CvDnn.ReadNet(modelPath);
        _outputNames = _net.GetUnconnectedOutLayersNames().Select(n => n!).ToArray();
    }

    public sealed record Result(PoseLandmark[] Landmarks, float Presence);

    public Result Estimate(Mat bgr, Rect personBox)
    {
        var side = (int)(Math.Max(personBox.Width, personBox.Height) * 1.25);
        var cx = personBox.X + personBox.Width / 2;
        var cy = personBox.Y + personBox.Height / 2;
        var roi = new Rect(cx - side / 2, cy - side / 2, side, side);
        using var crop = new Mat(side, side, MatType.CV_8UC3, Scalar.All(0));
        var inside = roi.Intersect(new Rect(0, 0, bgr.Width, bgr.Height));
        using (var src = new Mat(bgr, inside))
        using (var dst = new Mat(crop, new Rect(inside.X - roi.X, inside.Y - roi.Y, inside.Width, inside.Height)))
        {
            src.CopyTo(dst);
        }

        using var blob = CvDnn.BlobFromImage(crop, 1 / 255.0, new Size(InputSize, InputSize), swapRB: true);
        var outputs = _outputNames.Select(_ => new Mat()).ToArray();
        try
        {
            lock (_gate)
            {
                _net.SetInput(blob);
                _net.Forward(outputs, _outputNames);
            }

            var landmarksOut = outputs[Array.FindIndex(_outputNames, n => n == "Identity")];
            var presenceOut = outputs[Array.FindIndex(_outputNames, n => n == "Identity_1")];
            landmarksOut.GetArray(out float[] raw);
            var scale = side / (float)InputSize;
            var landmarks = new PoseLandmark[Landmark.Count];
            for (var i = 0; i < Landmark.Count; i++)
            {
                var x = roi.X + raw[i * 5] * scale;
                var y = roi.Y + raw[i * 5 + 1] * scale;
                landmarks[i] = new PoseLandmark(x, y, Sigmoid(raw[i * 5 + 3]));
            }

            presenceOut.GetArray(out float[] presence);
            return new Result(landmarks, presence[0]);
        }
        finally
        {
            foreach (var o in outputs) o.Dispose();
        }
    }

    private static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));

    public void Dispose() => _net.Dispose();
}
