using Commerce.TestSupport;
using OpenCvSharp;

namespace Commerce.TryOn.Tests.Fixtures;

/// <summary>Person photos: Debian's darknet person.jpg and scikit-image's astronaut.png (fetched by eng/prereqs.sh), and generated variants.</summary>
public static class PersonPhotos
{
    public static string Path(string name) => System.IO.Path.Combine(RepoPaths.Artifacts, "fixtures", name);

    public static Mat Person() => Cv2.ImRead(Path("person.jpg"));

    public static Mat Astronaut() => Cv2.ImRead(Path("astronaut.png"));

    /// <summary>person.jpg mirrored and scaled up by 1.5: another pose position and size for the same person.</summary>
    public static Mat PersonMirroredLarger()
    {
        using var p = Person();
        using var flipped = new Mat();
        Cv2.Flip(p, flipped, FlipMode.Y);
        var big = new Mat();
        Cv2.Resize(flipped, big, new Size(), 1.5, 1.5, InterpolationFlags.Cubic);
        return big;
    }

    /// <summary>Two copies of the person side by side: several people.</summary>
    public static Mat TwoPeople()
    {
        using var p = Person();
        using var left = new Mat(p, new Rect(60, 0, 260, p.Height));
        var both = new Mat();
        Cv2.HConcat([left, left], both);
        return both;
    }

    /// <summary>A smooth gradient with no one in it.</summary>
    public static Mat Empty()
    {
        var m = new Mat(480, 640, MatType.CV_8UC3);
        for (var y = 0; y < 480; y += 8) Cv2.Rectangle(m, new Rect(0, y, 640, 8), new Scalar(200 - y / 4, 180, 120 + y / 8), -1);
        return m;
    }
}
