using System.Diagnostics;
using Commerce.Asr.Domain.LanguageModel;
using Commerce.Asr.Domain.Recognition;
using Commerce.TestSupport;

namespace Commerce.Asr.Tests.Evaluation;

/// <summary>
/// WER of pocketsphinx on synthesised host utterances, with the session's domain model vs the engine's generic model
/// (threshold: the domain model cuts WER by at least 30% relative), and the generic model's WER on real recordings.
/// </summary>
public sealed class SpeechRecognitionEvaluationTests
{
    private static readonly PocketSphinxOptions Engine = new();

    [Test]
    public void Committed_utterance_set_is_what_its_generator_produces()
    {
        var committed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, AsrEvalSet.UtterancesFile));
        Assert.That(committed, Is.EqualTo(AsrEvalSet.ToTsv(AsrEvalSet.Generate())));
    }

    [Test, Explicit("rewrites the committed data file from the generator")]
    public void Regenerate_utterance_set()
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "AsrCommentService.Tests", AsrEvalSet.UtterancesFile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, AsrEvalSet.ToTsv(AsrEvalSet.Generate()));
    }

    [Test]
    public void Session_language_model_cuts_word_error_rate_by_at_least_30_percent_on_product_utterances()
    {
        var utterances = AsrEvalSet.Load(Path.Combine(AppContext.BaseDirectory, AsrEvalSet.UtterancesFile));
        var audio = utterances.Select(u => (u.Text, Samples: SpeechFixtures.ReadPcm16(SpeechFixtures.Synthesise(u.Id, u.Text)))).ToList();
        var modelDir = Directory.CreateTempSubdirectory("asr-lm-").FullName;
        try
        {
            var phrases = HostPhraseFile.Load(Path.Combine(AppContext.BaseDirectory, "Data", "host-phrases.en.txt"));
            var compiler = new SessionModelCompiler(modelDir, Engine.CmuDictPath, phrases);
            var domain = compiler.Compile(AsrEvalSet.Session(), AsrEvalSet.Products());

            var (genericWer, genericRtf) = Decode(null, audio);
            var (domainWer, domainRtf) = Decode(domain, audio);
            var relativeCut = (genericWer - domainWer) / genericWer;
            TestContext.Out.WriteLine($"product utterances: {audio.Count}, generic LM WER {genericWer:F3} (RTF {genericRtf:F3}), session LM WER {domainWer:F3} (RTF {domainRtf:F3}), relative cut {relativeCut:P1} (threshold 30%)");
            Assert.That(relativeCut, Is.GreaterThanOrEqualTo(0.30));
        }
        finally
        {
            Directory.Delete(modelDir, recursive: true);
        }
    }

    [Test]
    public void Generic_model_word_error_rate_on_real_recordings_is_measured()
    {
        var recordings = new List<(string Text, short[] Samples)> { (SpeechFixtures.JfkText, SpeechFixtures.ReadPcm16(SpeechFixtures.JfkWav)) };
        var transcription = Path.Combine(SpeechFixtures.LibrivoxDir, "transcription");
        if (File.Exists(transcription))
        {
            foreach (var line in File.ReadLines(transcription).Take(2))
            {
                var open = line.LastIndexOf('(');
                var id = line[(open + 1)..line.LastIndexOf(')')];
                var text = line[..open].Replace("<s>", "").Replace("</s>", "").Trim();
                recordings.Add((text, SpeechFixtures.ReadPcm16(Path.Combine(SpeechFixtures.LibrivoxDir, id + ".wav"))));
            }
        }

        var (wer, rtf) = Decode(null, recordings);
        TestContext.Out.WriteLine($"real recordings (jfk.wav + {recordings.Count - 1} pocketsphinx-testdata librivox clips): generic LM WER {wer:F3}, RTF {rtf:F3}");
        Assert.That(wer, Is.LessThan(0.8), "the generic model should recognise read English speech at least roughly");
    }

    private static (double Wer, double Rtf) Decode(LanguageModelFiles? model, IReadOnlyList<(string Text, short[] Samples)> audio)
    {
        using var recognizer = new PocketSphinxRecognizerFactory(Engine).Create(model);
        int errors = 0, words = 0;
        double seconds = 0;
        var clock = Stopwatch.StartNew();
        foreach (var (text, samples) in audio)
        {
            recognizer.StartUtterance();
            recognizer.Process(samples);
            var result = recognizer.EndUtterance();
            var reference = SpokenText.Words(text);
            var hypothesis = SpokenText.Words(result.Text);
            errors += WordErrorRate.Errors(reference, hypothesis);
            words += reference.Count;
            seconds += samples.Length / 16000.0;
            TestContext.Out.WriteLine($"  ref: {string.Join(' ', reference)}\n  hyp: {string.Join(' ', hypothesis)}");
        }

        return ((double)errors / words, clock.Elapsed.TotalSeconds / seconds);
    }
}
