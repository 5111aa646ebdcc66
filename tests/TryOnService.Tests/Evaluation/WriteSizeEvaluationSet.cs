using Commerce.TestSupport;

namespace Commerce.TryOn.Tests.Evaluation;

/// <summary>Regenerates size-eval.csv: `dotnet test --filter WriteSizeEvaluationSet` with TRYON_WRITE_EVAL=1.</summary>
public sealed class WriteSizeEvaluationSet
{
    [Test]
    public void Writes_the_data_file_when_asked()
    {
        if (Environment.GetEnvironmentVariable("TRYON_WRITE_EVAL") != "1") Assert.Ignore("set TRYON_WRITE_EVAL=1 to rewrite size-eval.csv");
        var path = Path.Combine(RepoPaths.Root, "tests", "TryOnService.Tests", "Evaluation", SizeEvaluationSet.FileName);
        File.WriteAllText(path, SizeEvaluationSet.ToCsv(SizeEvaluationSet.Generate()));
        Assert.That(File.Exists(path), Is.True);
    }
}
