using System.Diagnostics;
using System.Globalization;

namespace Commerce.Clip.Training;

/// <summary>
/// Renders a generated session as a real video: ffmpeg's testsrc2 pattern (320x240) with a coloured panel while each
/// product is on air, and the host's sentences synthesised by espeak-ng, each placed at its transcript time with sox.
/// H.264 with a keyframe every <c>gopSeconds</c>, so stream-copy cutting has a known keyframe interval.
/// </summary>
public static class SessionVideo
{
    private static readonly string[] Colors = ["red", "blue", "green", "yellow", "magenta", "cyan", "orange", "white", "purple", "brown"];

    public static async Task RenderAsync(LabelledSession session, string output, int fps = 5, int gopSeconds = 4, CancellationToken ct = default)
    {
        var work = Directory.CreateTempSubdirectory("clip-render-").FullName;
        try
        {
            var lines = session.Signals.Transcript;
            var duration = session.Signals.DurationSeconds;
            var slots = new List<string>();
            var cursor = 0.0;
            for (var i = 0; i < lines.Count; i++)
            {
                var start = lines[i].StartMs / 1000.0;
                if (start > cursor + 0.01) slots.Add(await SilenceAsync(work, $"gap{i}", start - cursor, ct));
                var slot = (i + 1 < lines.Count ? lines[i + 1].StartMs / 1000.0 : duration) - start;
                var raw = Path.Combine(work, $"l{i}.wav");
                await RunAsync("espeak-ng", ["-v", "en-us", "-s", "165", "-w", raw, lines[i].Text], ct);
                var fitted = Path.Combine(work, $"f{i}.wav");
                await RunAsync("sox", [raw, "-r", "16000", "-c", "1", "-b", "16", fitted, "pad", "0", F(slot), "trim", "0", F(slot)], ct);
                slots.Add(fitted);
                cursor = start + slot;
            }

            if (cursor < duration - 0.01) slots.Add(await SilenceAsync(work, "tail", duration - cursor, ct));
            var speech = Path.Combine(work, "speech.wav");
            await RunAsync("sox", [.. slots, speech], ct);

            var boxes = session.Signals.Engagement
                .Where(e => e.ProductExplainedId is not null)
                .GroupBy(e => e.ProductExplainedId!)
                .Select(g => (Color: ProductColor(session, g.Key), From: g.Min(e => e.Offset), To: g.Max(e => e.Offset) + 1))
                .Select(b => $"drawbox=x=180:y=60:w=120:h=120:color={b.Color}:t=fill:enable='between(t,{b.From},{b.To})'");
            var filter = string.Join(",", boxes.DefaultIfEmpty("null"));
            await RunAsync("ffmpeg", ["-y", "-v", "error", "-f", "lavfi", "-i", $"testsrc2=size=320x240:rate={fps}", "-i", speech,
                "-t", duration.ToString(CultureInfo.InvariantCulture), "-vf", filter, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                "-g", (fps * gopSeconds).ToString(CultureInfo.InvariantCulture), "-keyint_min", (fps * gopSeconds).ToString(CultureInfo.InvariantCulture),
                "-sc_threshold", "0", "-c:a", "aac", "-b:a", "48k", output], ct);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The colour of the panel painted while <paramref name="productId"/> is on air.</summary>
    public static string ProductColor(LabelledSession session, string productId)
    {
        var index = session.Signals.Products.Select(p => p.ProductId).ToList().IndexOf(productId);
        if (index < 0) throw new ArgumentException($"{productId} is not a product of the session");
        return Colors[index % Colors.Length];
    }

    /// <summary>What a product "looks like" in its own picture: its panel colour as a square on white, like a packshot.</summary>
    public static Task RenderProductImageAsync(string color, string output, CancellationToken ct = default) =>
        RunAsync("ffmpeg", ["-y", "-v", "error", "-f", "lavfi", "-i", "color=c=white:s=224x224", "-vf",
            $"drawbox=x=32:y=32:w=160:h=160:color={color}:t=fill", "-frames:v", "1", output], ct);

    /// <summary>A plain pattern video with silence (for bad-input tests that need a valid but short video).</summary>
    public static Task RenderBlankAsync(string output, int seconds, CancellationToken ct = default) =>
        RunAsync("ffmpeg", ["-y", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=5", "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono",
            "-t", seconds.ToString(CultureInfo.InvariantCulture), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "20",
            "-c:a", "aac", "-b:a", "32k", output], ct);

    private static async Task<string> SilenceAsync(string work, string name, double seconds, CancellationToken ct)
    {
        var path = Path.Combine(work, name + ".wav");
        await RunAsync("sox", ["-n", "-r", "16000", "-c", "1", "-b", "16", path, "trim", "0", F(seconds)], ct);
        return path;
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    private static async Task RunAsync(string exe, IEnumerable<string> args, CancellationToken ct)
    {
        var info = new ProcessStartInfo(exe) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info) ?? throw new InvalidOperationException($"{exe} did not start");
        var err = p.StandardError.ReadToEndAsync(ct);
        _ = await p.StandardOutput.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        if (p.ExitCode != 0) throw new InvalidOperationException($"{exe} failed ({p.ExitCode}): {await err}");
    }
}
