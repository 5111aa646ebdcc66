using System.Runtime.InteropServices;

namespace Commerce.Asr.Domain.Recognition;

/// <summary>
/// One pocketsphinx decoder. The C decoder is not thread-safe, so every call takes the instance lock; a stream owns
/// its recogniser, so the lock is uncontended in practice and only guards against a misuse becoming a native crash.
/// </summary>
public sealed class PocketSphinxRecognizer : ISpeechRecognizer
{
    // ps_init reads model files and touches sphinxbase's process-wide logging: serialised across streams.
    private static readonly Lock InitLock = new();

    private readonly Lock _lock = new();
    private IntPtr _config;
    private IntPtr _decoder;
    private bool _inUtterance;

    public PocketSphinxRecognizer(string acousticModelDir, LanguageModelFiles model)
    {
        string[] args =
        [
            "pocketsphinx", "-hmm", acousticModelDir, "-lm", model.ArpaPath, "-dict", model.DictionaryPath,
            "-samprate", "16000", "-logfn", "/dev/null", "-bestpath", "yes",
        ];
        var argv = args.Select(Marshal.StringToCoTaskMemUTF8).ToArray();
        try
        {
            lock (InitLock)
            {
                _config = PocketSphinxNative.cmd_ln_parse_r(IntPtr.Zero, PocketSphinxNative.ps_args(), argv.Length, argv, 1);
                if (_config == IntPtr.Zero) throw new InvalidOperationException("pocketsphinx refused its configuration (" + string.Join(' ', args) + ")");
                _decoder = PocketSphinxNative.ps_init(_config);
                if (_decoder == IntPtr.Zero)
                {
                    PocketSphinxNative.cmd_ln_free_r(_config);
                    _config = IntPtr.Zero;
                    throw new InvalidOperationException($"pocketsphinx could not load the models ({model.ArpaPath}, {model.DictionaryPath}, {acousticModelDir})");
                }
            }
        }
        finally
        {
            foreach (var p in argv) Marshal.FreeCoTaskMem(p);
        }
    }

    public void StartUtterance()
    {
        lock (_lock)
        {
            EnsureAlive();
            if (_inUtterance) PocketSphinxNative.ps_end_utt(_decoder);
            if (PocketSphinxNative.ps_start_utt(_decoder) < 0) throw new InvalidOperationException("ps_start_utt failed");
            _inUtterance = true;
        }
    }

    public unsafe void Process(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty) return;
        lock (_lock)
        {
            EnsureAlive();
            if (!_inUtterance) throw new InvalidOperationException("Process called outside an utterance");
            fixed (short* p = samples)
            {
                if (PocketSphinxNative.ps_process_raw(_decoder, p, (nuint)samples.Length, 0, 0) < 0)
                    throw new InvalidOperationException("ps_process_raw failed");
            }
        }
    }

    public string PartialHypothesis()
    {
        lock (_lock)
        {
            EnsureAlive();
            return Hypothesis(out _);
        }
    }

    public RecognitionResult EndUtterance()
    {
        lock (_lock)
        {
            EnsureAlive();
            if (!_inUtterance) return new RecognitionResult("", 0);
            PocketSphinxNative.ps_end_utt(_decoder);
            _inUtterance = false;
            var text = Hypothesis(out _);
            var logProb = PocketSphinxNative.ps_get_prob(_decoder);
            var confidence = Math.Clamp(PocketSphinxNative.logmath_exp(PocketSphinxNative.ps_get_logmath(_decoder), logProb), 0, 1);
            return new RecognitionResult(text, text.Length == 0 ? 0 : confidence);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_decoder != IntPtr.Zero) PocketSphinxNative.ps_free(_decoder);
            if (_config != IntPtr.Zero) PocketSphinxNative.cmd_ln_free_r(_config);
            _decoder = IntPtr.Zero;
            _config = IntPtr.Zero;
        }
    }

    private string Hypothesis(out int score)
    {
        var hyp = PocketSphinxNative.ps_get_hyp(_decoder, out score);
        return hyp == IntPtr.Zero ? "" : Marshal.PtrToStringUTF8(hyp) ?? "";
    }

    private void EnsureAlive() => ObjectDisposedException.ThrowIf(_decoder == IntPtr.Zero, this);
}
