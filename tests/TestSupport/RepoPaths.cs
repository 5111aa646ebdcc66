namespace Commerce.TestSupport;

public static class RepoPaths
{
    /// <summary>The repository root: the folder holding Commerce.Aspire.sln above the test's output folder.</summary>
    public static string Root { get; } = FindRoot();

    public static string Artifacts => Path.Combine(Root, "eng", "artifacts");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Commerce.Aspire.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("Commerce.Aspire.sln not found above " + AppContext.BaseDirectory);
    }
}
