using System.Diagnostics;
using System.Globalization;
using Commerce.ServiceDefaults.Errors;
using FFMpegCore;

namespace Commerce.Clip.Media;

/// <summary>Probes a session's video with ffprobe: a missing, corrupt or video-less file is the caller's bad input.</summary>
public static class VideoProbe
{
    public static async Task<VideoInfo> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) throw new InvalidInputException($"the session's video was not found ({Path.GetFileName(path)})");
        IMediaAnalysis analysis;
        try
        {
            analysis = await FFProbe.AnalyseAsync(path, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidInputException($"the session's video cannot be read (corrupt or not a video): {FirstLine(e.Message)}");
        }

        if (analysis.PrimaryVideoStream is not { } video || analysis.Duration <= TimeSpan.Zero)
        {
            throw new InvalidInputException("the session's video has no video stream or no duration");
        }

        var keyframes = await KeyframesAsync(path, cancellationToken);
        if (keyframes.Count == 0) throw new InvalidInputException("the session's video has no keyframe (corrupt)");
        return new VideoInfo(analysis.Duration.TotalSeconds, keyframes, video.Width ?? 0, video.Height ?? 0);
    }

    /// <summary>Keyframe times from the packet index (no decoding, so an hour of video takes well under a second).</summary>
    private static async Task<IReadOnlyList<double>> KeyframesAsync(string path, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(GlobalFFOptions.GetFFProbeBinaryPath())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time,flags", "-of", "csv=p=0", path })
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("ffprobe did not start");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var keyframes = new List<double>();
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            var comma = line.IndexOf(',');
            if (comma <= 0 || !line.AsSpan(comma + 1).Contains('K')) continue;
            if (double.TryParse(line.AsSpan(0, comma), NumberStyles.Float, CultureInfo.InvariantCulture, out var t)) keyframes.Add(t);
        }

        await process.WaitForExitAsync(cancellationToken);
        _ = await stderr;
        keyframes.Sort();
        return keyframes;
    }

    private static string FirstLine(string message) =>
        message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "ffprobe failed";
}
