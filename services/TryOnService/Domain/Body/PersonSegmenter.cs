using OpenCvSharp;
using OpenCvSharp.Dnn;

namespace Commerce.TryOn.Domain.Body;

/// <summary>
/// Person mask from MediaPipe selfie segmentation (general model: 256x256 RGB in 0..1, one sigmoid channel out), run by
/// OpenCV's DNN module. The whole photo is squashed to 256x256 and the mask stretched back: the model was trained on
/// such squashed frames, and a letterbox would waste a third of its input on a portrait photo.
/// </summary>
public sealed class PersonSegmenter : IDisposable
{
    public const int InputSize = 256;
    private readonly Net _net;
    private readonly Lock _gate = new(); // an OpenCV Net is not safe for concurrent Forward calls

    public PersonSegmenter(string modelPath)
    {
        _net = CvDnn.ReadNet(modelPath);
    }

    /// <summary>Soft mask (CV_32F, 0..1) the size of <paramref name="bgr"/>.</summary>
    public Mat Segment(Mat bgr)
    {
        using var blob = CvDnn.BlobFromImage(bgr, 1 / 255.0, new Size(InputSize, InputSize), swapRB: true);
        Mat output;
        lock (_gate)
        {
            _net.SetInput(blob);
            output = _net.Forward();
        }

        using (output)
        {
            using var small = Mat.FromPixelData(InputSize, InputSize, MatType.CV_32F, output.Data);
            var mask = new Mat();
            Cv2.Resize(small, mask, bgr.Size(), 0, 0, InterpolationFlags.Linear);
            return mask;
        }
    }

    public void Dispose() => _net.Dispose();
}
