using System.Diagnostics;
using Commerce.Asr.Domain.LanguageModel;
using Commerce.Asr.Domain.Recognition;
using Commerce.Asr.Tests.Evaluation;

// Usage: dotnet run -c Release --project tests/Benchmarks/AsrCommentService.Benchmarks [-- --seconds 20]
// 1. Real-time factor of one stream on one thread (decode time / audio time), generic en-us LM vs the session LM.
// 2. Streams decoded in parallel, 1..4 threads on this machine's cores: audio seconds decoded per wall second is how many
//    live rooms it can follow in real time.
// 3. Final-result latency: the time EndUtterance takes once the utterance's last chunk is in (the VAD's hangover adds
//    its own fixed wait before that, see the service README).
var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(double.Parse).DefaultIfEmpty(20).First();
var engine = new PocketSphinxOptions();
var utterances = AsrEvalSet.Load(Path.Combine(AppContext.BaseDirectory, AsrEvalSet.UtterancesFile));
var audio = utterances.Select(u => SpeechFixtures.ReadPcm16(SpeechFixtures.Synthesise(u.Id, u.Text))).ToArray();
var audioSeconds = audio.Sum(a => a.Length) / 16000.0;
var modelDir = Directory.CreateTempSubdirectory("asr-bench-lm-").FullName;
try
{
    var phrases = HostPhraseFile.Load(Path.Combine(AppContext.BaseDirectory, "Data", "host-phrases.en.txt"));
    var session = new SessionModelCompiler(modelDir, engine.CmuDictPath, phrases).Compile(AsrEvalSet.Session(), AsrEvalSet.Products());
    var factory = new PocketSphinxRecognizerFactory(engine);
    Console.WriteLine($"{audio.Length} synthesised host utterances, {audioSeconds:F1} s of audio; {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

    foreach (var (name, model) in new[] { ("generic en-us LM", (LanguageModelFiles?)null), ("session LM", session) })
    {
        using var recognizer = factory.Create(model);
        DecodeAll(recognizer); // warm-up: model pages, first-utterance set-up
        var finals = new List<double>();
        var clock = Stopwatch.StartNew();
        var rounds = 0;
        while (clock.Elapsed.TotalSeconds < seconds / 2 || rounds == 0)
        {
            finals.AddRange(DecodeAll(recognizer));
            rounds++;
        }

        var rtf = clock.Elapsed.TotalSeconds / (rounds * audioSeconds);
        finals.Sort();
        Console.WriteLine($"one stream, {name}: RTF {rtf:F3} ({rounds} passes; target < 0.3); end of utterance -> final p50 {finals[finals.Count / 2]:F0} ms, p95 {finals[(int)(finals.Count * 0.95)]:F0} ms");
    }

    foreach (var streams in new[] { 1, 2, 3, 4 })
    {
        var decoded = new double[streams];
        var clock = Stopwatch.StartNew();
        Parallel.For(0, streams, new ParallelOptions { MaxDegreeOfParallelism = streams }, i =>
        {
            using var recognizer = factory.Create(session);
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                DecodeAll(recognizer);
                decoded[i] += audioSeconds;
            }
        });
        var wall = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{streams} parallel streams, session LM: {decoded.Sum() / wall:F1} s of audio per wall second in total " +
                          $"(= live rooms followable in real time at this parallelism), per-stream RTF {wall / decoded.Average():F3}");
    }
}
finally
{
    Directory.Delete(modelDir, recursive: true);
}

List<double> DecodeAll(ISpeechRecognizer recognizer)
{
    var finals = new List<double>(audio.Length);
    foreach (var samples in audio)
    {
        recognizer.StartUtterance();
        // 100 ms chunks, as the live stream delivers them.
        for (var offset = 0; offset < samples.Length; offset += 1600)
        {
            recognizer.Process(samples.AsSpan(offset, Math.Min(1600, samples.Length - offset)));
        }

        var end = Stopwatch.StartNew();
        recognizer.EndUtterance();
        finals.Add(end.Elapsed.TotalMilliseconds);
    }

    return finals;
}
