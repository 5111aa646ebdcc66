using System.Diagnostics;
using Commerce.TestSupport;

namespace Commerce.Asr.Tests.Evaluation;

/// <summary>
/// Audio fixtures: host utterances synthesised with espeak-ng (en-us, 150 wpm) and resampled to 16 kHz mono 16-bit with
/// sox into eng/artifacts/asr/tts (regenerated when missing, never committed), and the real recordings registries ship.
/// </summary>
public static class SpeechFixtures
{
    public static string TtsDir => Path.Combine(RepoPaths.Artifacts, "asr", "tts");

    public const string LibrivoxDir = "/usr/share/pocketsphinx/test/data/librivox";

    public static string JfkWav => Path.Combine(RepoPaths.Artifacts, "fixtures", "jfk.wav");

    public const string JfkText = "and so my fellow americans ask not what your country can do for you ask what you can do for your country";

    public static string Synthesise(string id, string text)
    {
        Directory.CreateDirectory(TtsDir);
        var wav = Path.Combine(TtsDir, id + ".wav");
        var textFile = Path.Combine(TtsDir, id + ".txt");
        if (File.Exists(wav) && File.Exists(textFile) && File.ReadAllText(textFile) == text) return wav;
        var raw = Path.Combine(TtsDir, id + ".espeak.wav");
        Run("espeak-ng", ["-v", "en-us", "-s", "150", "-w", raw, text]);
        Run("sox", [raw, "-r", "16000", "-c", "1", "-b", "16", "-e", "signed-integer", wav]);
        File.Delete(raw);
        File.WriteAllText(textFile, text);
        return wav;
    }

    /// <summary>16-bit mono samples of a canonical 44-byte-header WAV (espeak/sox output, jfk.wav, librivox).</summary>
    public static short[] ReadPcm16(string wavPath)
    {
        var bytes = File.ReadAllBytes(wavPath);
        var dataAt = 12;
        while (dataAt + 8 <= bytes.Length)
        {
            var id = System.Text.Encoding.ASCII.GetString(bytes, dataAt, 4);
            var size = BitConverter.ToInt32(bytes, dataAt + 4);
            if (id == "data")
            {
                var n = Math.Min(size, bytes.Length - dataAt - 8) / 2;
                var samples = new short[n];
                Buffer.BlockCopy(bytes, dataAt + 8, samples, 0, n * 2);
                return samples;
            }

            dataAt += 8 + size;
        }

        throw new InvalidDataException("no data chunk in " + wavPath);
    }

    private static void Run(string tool, string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException(tool + " did not start");
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{tool} failed ({p.ExitCode}): {err}");
    }
}
