namespace Commerce.Asr.Domain.Recognition;

/// <summary>Where Debian's pocketsphinx-en-us puts its English models.</summary>
public sealed class PocketSphinxOptions
{
    public string ModelDir { get; set; } = "/usr/share/pocketsphinx/model/en-us";

    public string AcousticModelDir => Path.Combine(ModelDir, "en-us");

    public LanguageModelFiles GenericModel => new(Path.Combine(ModelDir, "en-us.lm.bin"), Path.Combine(ModelDir, "cmudict-en-us.dict"));

    public string CmuDictPath => Path.Combine(ModelDir, "cmudict-en-us.dict");
}

public sealed class PocketSphinxRecognizerFactory(PocketSphinxOptions options) : ISpeechRecognizerFactory
{
    public ISpeechRecognizer Create(LanguageModelFiles? model) =>
        new PocketSphinxRecognizer(options.AcousticModelDir, model ?? options.GenericModel);
}
