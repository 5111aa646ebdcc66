using System.Diagnostics;
using System.Globalization;
using FFMpegCore;

namespace Commerce.Clip.Media;

/// <summary>
/// Frames for the embedder, decoded by ffmpeg to raw RGB24 at the embedder's side (the fps filter picks the frame
/// nearest each whole second, so frame i is second i). Raw frames through a pipe, not JPEG files: no encode, no
/// temporary folder, and ffmpeg's own scaler does the resize.
/// </summary>
public static class FrameSampler
{
    public static async IAsyncEnumerable<byte[]> SampleAsync(string video, int side, double framesPerSecond,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var fps = framesPerSecond.ToString("0.###", CultureInfo.InvariantCulture);
        await foreach (var frame in RawFramesAsync(["-v", "error", "-i", video, "-vf", $"fps={fps},scale={side}:{side}", "-f", "rawvideo",
                           "-pix_fmt", "rgb24", "pipe:1"], side, cancellationToken))
        {
            yield return frame;
        }
    }

    /// <summary>One still image (a product photo) resized to side x side RGB24.</summary>
    public static async Task<byte[]> ReadImageAsync(string image, int side, CancellationToken cancellationToken)
    {
        await foreach (var frame in RawFramesAsync(["-v", "error", "-i", image, "-vf", $"scale={side}:{side}", "-frames:v", "1", "-f", "rawvideo",
                           "-pix_fmt", "rgb24", "pipe:1"], side, cancellationToken))
        {
            return frame;
        }

        throw new InvalidDataException($"ffmpeg read no picture from {Path.GetFileName(image)}");
    }

    private static async IAsyncEnumerable<byte[]> RawFramesAsync(string[] args, int side,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(GlobalFFOptions.GetFFMpegBinaryPath()) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg did not start");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var stdout = process.StandardOutput.BaseStream;
        var frameBytes = side * side * 3;
        try
        {
            while (true)
            {
                var frame = new byte[frameBytes];
                var read = await stdout.ReadAtLeastAsync(frame, frameBytes, throwOnEndOfStream: false, cancellationToken);
                if (read < frameBytes) break;
                yield return frame;
            }

            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0) throw new InvalidDataException($"ffmpeg could not sample frames: {(await stderr).Split('\n')[0]}");
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }
}
