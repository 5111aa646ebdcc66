using System.Security.Cryptography;
using System.Text;
using Commerce.Asr.Domain.Recognition;
using Commerce.Asr.Domain.Sessions;

namespace Commerce.Asr.Domain.LanguageModel;

/// <summary>
/// Writes a session's ARPA model and its cut dictionary under a folder named by the hash of the corpus, so a session
/// planned again with the same script and catalog reuses its files and a changed plan gets new ones.
/// </summary>
public sealed class SessionModelCompiler(string modelRoot, string cmuDictPath, IReadOnlyList<string> hostPhrases)
{
    private readonly Lock _lock = new();

    public IReadOnlyList<string> HostPhrases { get; } = hostPhrases;

    public LanguageModelFiles Compile(LiveSession session, IReadOnlyCollection<ProductFacts> products)
    {
        var model = SessionCorpus.Build(session, products, HostPhrases).Build();
        var arpa = model.ToArpa();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(arpa)))[..16];
        var folder = Path.Combine(modelRoot, hash);
        var files = new LanguageModelFiles(Path.Combine(folder, "domain.lm"), Path.Combine(folder, "domain.dict"));
        lock (_lock)
        {
            if (File.Exists(files.ArpaPath) && File.Exists(files.DictionaryPath)) return files;
            Directory.CreateDirectory(folder);
            var dictionary = PronunciationDictionary.Load(cmuDictPath);
            var vocabulary = model.Unigram.Keys.Where(w => w is not ArpaModelBuilder.Start and not ArpaModelBuilder.End);
            // Written to temp names then moved: a crash never leaves a half-written model that the cache would trust.
            File.WriteAllText(files.DictionaryPath + ".tmp", dictionary.Write(vocabulary));
            File.WriteAllText(files.ArpaPath + ".tmp", arpa);
            File.Move(files.DictionaryPath + ".tmp", files.DictionaryPath, overwrite: true);
            File.Move(files.ArpaPath + ".tmp", files.ArpaPath, overwrite: true);
        }

        return files;
    }
}
