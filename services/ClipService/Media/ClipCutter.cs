using Commerce.Clip.Domain;
using FFMpegCore;

namespace Commerce.Clip.Media;

/// <summary>
/// Cuts clips with ffmpeg (FFMpegCore). Stream copy starts exactly on the keyframe at or before the wanted start, so the
/// start error is known and at most one keyframe interval. Frame-accurate mode re-encodes the clip (H.264/AAC) from the
/// exact start; re-encoding only the first GOP and copying the rest (a "smart cut") is not done.
/// </summary>
public static class ClipCutter
{
    public sealed record CutResult(double StartErrorSeconds, double DurationSeconds);

    public static async Task<CutResult> CutAsync(string input, VideoInfo video, double start, double end, CutMode mode, string output,
        CancellationToken cancellationToken)
    {
        var actualStart = mode == CutMode.StreamCopy ? video.KeyframeAtOrBefore(start) : start;
        var duration = TimeSpan.FromSeconds(end - actualStart);
        var args = FFMpegArguments
            .FromFileInput(input, verifyExists: true, o => o.WithCustomArgument(Seconds("-ss", actualStart)))
            .OutputToFile(output, overwrite: true, o =>
            {
                o.WithCustomArgument(Seconds("-t", duration.TotalSeconds));
                if (mode == CutMode.StreamCopy)
                {
                    o.WithCustomArgument("-c copy -avoid_negative_ts make_zero");
                }
                else
                {
                    o.WithVideoCodec("libx264").WithCustomArgument("-preset veryfast -crf 23").WithAudioCodec("aac");
                }

                o.WithFastStart();
            });
        await args.CancellableThrough(cancellationToken).ProcessAsynchronously(throwOnError: true);
        // No second probe of the output (a process per clip costs more than the copy): the length follows from the cut.
        if (!File.Exists(output) || new FileInfo(output).Length == 0) throw new IOException($"ffmpeg wrote no clip to {Path.GetFileName(output)}");
        return new CutResult(start - actualStart, end - actualStart);
    }

    public static async Task ThumbnailAsync(string input, double second, string output, CancellationToken cancellationToken)
    {
        await FFMpegArguments
            .FromFileInput(input, verifyExists: true, o => o.WithCustomArgument(Seconds("-ss", second)))
            .OutputToFile(output, overwrite: true, o => o.WithCustomArgument("-frames:v 1 -q:v 3"))
            .CancellableThrough(cancellationToken)
            .ProcessAsynchronously(throwOnError: true);
    }

    private static string Seconds(string option, double value) =>
        option + " " + value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
