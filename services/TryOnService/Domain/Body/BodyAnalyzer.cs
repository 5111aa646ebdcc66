using Commerce.ServiceDefaults.Errors;
using OpenCvSharp;

namespace Commerce.TryOn.Domain.Body;

/// <summary>
/// One person or a clear refusal: the person mask's connected components tell "no person" (nothing big enough) from
/// "several people" (a second component at least <see cref="SecondPersonShare"/> of the largest), and the pose model's
/// presence score must agree that a body is there.
/// </summary>
public sealed class BodyAnalyzer(PersonSegmenter segmenter, PoseEstimator pose)
{
    public const double MinPersonShareOfImage = 0.02;
    public const double SecondPersonShare = 0.35;
    public const float MinPresence = 0.5f;

    public BodyAnalysis Analyze(Mat bgr)
    {
        var soft = segmenter.Segment(bgr);
        try
        {
            using var binary = new Mat();
            Cv2.Threshold(soft, binary, 0.5, 255, ThresholdTypes.Binary);
            using var binary8 = new Mat();
            binary.ConvertTo(binary8, MatType.CV_8U);
            using var labels = new Mat();
            using var stats = new Mat();
            using var centroids = new Mat();
            var n = Cv2.ConnectedComponentsWithStats(binary8, labels, stats, centroids, PixelConnectivity.Connectivity8);
            var areas = Enumerable.Range(1, Math.Max(0, n - 1)).Select(i => (Label: i, Area: stats.At<int>(i, (int)ConnectedComponentsTypes.Area)))
                .OrderByDescending(x => x.Area).ToList();
            var imageArea = (double)bgr.Width * bgr.Height;
            if (areas.Count == 0 || areas[0].Area < MinPersonShareOfImage * imageArea)
            {
                throw new PreconditionFailedException("no person found in the photo");
            }

            if (areas.Count > 1 && areas[1].Area >= SecondPersonShare * areas[0].Area && areas[1].Area >= MinPersonShareOfImage * imageArea)
            {
                throw new PreconditionFailedException("several people are in the photo; send a photo of one person");
            }

            var largest = areas[0].Label;
            var person = new Mat();
            Cv2.Compare(labels, new Scalar(largest), person, CmpTypes.EQ);
            var box = new Rect(stats.At<int>(largest, 0), stats.At<int>(largest, 1), stats.At<int>(largest, 2), stats.At<int>(largest, 3));
            var result = pose.Estimate(bgr, box);
            if (result.Presence < MinPresence)
            {
                person.Dispose();
                throw new PreconditionFailedException("no person found in the photo");
            }

            return new BodyAnalysis(soft, person, box, result.Landmarks, result.Presence);
        }
        catch
        {
            soft.Dispose();
            throw;
        }
    }
}
