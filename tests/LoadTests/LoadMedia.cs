using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using Commerce.TestSupport;

namespace Commerce.LoadTests;

/// <summary>
/// The bytes the heavy calls carry: a few seconds of host speech as 16 kHz mono LINEAR16 PCM for StreamLiveAudio, a
/// person photo and a garment photo on a plain background for TryOn. Each says where it came from, for the report.
/// </summary>
public sealed record LoadMedia(byte[] HostSpeechPcm, string HostSpeechSource, byte[] PersonPhoto, string PersonPhotoSource, byte[] GarmentPhoto)
{
    public const int SampleRateHz = 16_000;

    /// <summary>What a host says when calling for comments: the cue detector turns it into quick-comment suggestions.</summary>
    public const string HostLine = "comment one if you want the link, this dress is only one hundred ninety nine today";

    public static LoadMedia Load()
    {
        var (pcm, speechSource) = SynthesiseSpeech(HostLine) is { } spoken
            ? (spoken, "espeak-ng en-us via sox, 16 kHz")
            : FixtureWav("jfk.wav") is { } jfk ? (jfk, "fixture jfk.wav") : (Tone(TimeSpan.FromSeconds(3)), "440 Hz tone (no espeak-ng/sox or fixture)");
        var personPath = Path.Combine(FixturesDir, "person.jpg");
        var (person, personSource) = File.Exists(personPath)
            ? (File.ReadAllBytes(personPath), "fixture person.jpg")
            : (GarmentPicture.TShirtPng(), "no person fixture: a garment picture stands in (try-on then answers FailedPrecondition 'no person')");
        return new LoadMedia(pcm, speechSource, person, personSource, GarmentPicture.TShirtPng());
    }

    private static string FixturesDir => Path.Combine(RepoPaths.Artifacts, "fixtures");

    private static byte[]? SynthesiseSpeech(string text)
    {
        var wav = Path.Combine(Path.GetTempPath(), $"load-host-{Guid.NewGuid():N}.wav");
        var raw = Path.ChangeExtension(wav, ".raw");
        try
        {
            if (!Run("espeak-ng", ["-v", "en-us", "-s", "150", "-w", wav, text])) return null;
            if (!Run("sox", [wav, "-r", "16000", "-c", "1", "-b", "16", "-e", "signed-integer", "-t", "raw", raw])) return null;
            var pcm = File.ReadAllBytes(raw);
            return pcm.Length >= SampleRateHz ? pcm : null;
        }
        finally
        {
            File.Delete(wav);
            File.Delete(raw);
        }
    }

    private static bool Run(string program, string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in arguments) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>The data chunk of a 16 kHz mono 16-bit WAV fixture; null when missing or of another format.</summary>
    private static byte[]? FixtureWav(string name)
    {
        var path = Path.Combine(FixturesDir, name);
        if (!File.Exists(path)) return null;
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 44 || BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(22)) != 1 ||
            BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(24)) != SampleRateHz || BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(34)) != 16) return null;
        for (var at = 12; at + 8 <= bytes.Length;)
        {
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at + 4));
            if (bytes.AsSpan(at, 4).SequenceEqual("data"u8)) return bytes.AsSpan(at + 8, Math.Min(size, bytes.Length - at - 8) & ~1).ToArray();
            at += 8 + size + (size & 1);
        }

        return null;
    }

    private static byte[] Tone(TimeSpan length)
    {
        var samples = (int)(length.TotalSeconds * SampleRateHz);
        var pcm = new byte[samples * 2];
        for (var i = 0; i < samples; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(pcm.AsSpan(i * 2), (short)(6000 * Math.Sin(2 * Math.PI * 440 * i / SampleRateHz)));
        }

        return pcm;
    }
}

/// <summary>
/// A striped t-shirt drawn flat on a plain light background, as TryOnService expects a garment photo (the shape of
/// TryOnService.Tests' GarmentPhotos.TShirt, written as PNG here so the load client needs no OpenCV).
/// </summary>
public static class GarmentPicture
{
    private const int Side = 400;
    private static readonly (int X, int Y)[] TShirt = [(150, 40), (250, 40), (340, 90), (310, 150), (280, 130), (280, 360), (120, 360), (120, 130), (90, 150), (60, 90)];

    public static byte[] TShirtPng()
    {
        var rgb = new byte[Side * Side * 3];
        for (var y = 0; y < Side; y++)
        {
            for (var x = 0; x < Side; x++)
            {
                var inside = Inside(x + 0.5, y + 0.5);
                var stripe = y % 24 < 8;
                var (r, g, b) = !inside ? ((byte)245, (byte)245, (byte)245) : stripe ? ((byte)24, (byte)48, (byte)120) : ((byte)40, (byte)80, (byte)200);
                var at = (y * Side + x) * 3;
                rgb[at] = r;
                rgb[at + 1] = g;
                rgb[at + 2] = b;
            }
        }

        return Png(rgb, Side, Side);
    }

    private static bool Inside(double x, double y)
    {
        var inside = false;
        for (int i = 0, j = TShirt.Length - 1; i < TShirt.Length; j = i++)
        {
            var (xi, yi) = TShirt[i];
            var (xj, yj) = TShirt[j];
            if ((yi > y) != (yj > y) && x < (double)(xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
        }

        return inside;
    }

    private static byte[] Png(byte[] rgb, int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour RGB
        Chunk(png, "IHDR", header);
        using (var pixels = new MemoryStream())
        {
            using (var zlib = new ZLibStream(pixels, CompressionLevel.Fastest, leaveOpen: true))
            {
                for (var y = 0; y < height; y++)
                {
                    zlib.WriteByte(0); // filter: none
                    zlib.Write(rgb, y * width * 3, width * 3);
                }
            }

            Chunk(png, "IDAT", pixels.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typeBytes, data));
        png.Write(word);
    }

    private static uint Crc32(byte[] type, byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in type.Concat(data))
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
