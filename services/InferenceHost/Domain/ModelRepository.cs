namespace Commerce.Inference.Domain;

/// <summary>One version folder of a model: <c>&lt;repository&gt;/&lt;model&gt;/&lt;version&gt;/model.onnx</c>.</summary>
public sealed record ModelVersionFolder(string Model, long Version, string OnnxPath, string ModelFolder);

/// <summary>
/// Reads a model repository in Triton's layout. Folders starting with '.' (builds in progress) and versions that are
/// not numbers are skipped; every other folder is a model, even one without a usable version (reported, not served).
/// </summary>
public static class ModelRepository
{
    public const string OnnxFileName = "model.onnx";

    public static IReadOnlyList<(string Model, IReadOnlyList<ModelVersionFolder> Versions)> Scan(string repositoryPath)
    {
        if (!Directory.Exists(repositoryPath)) return [];
        var models = new List<(string, IReadOnlyList<ModelVersionFolder>)>();
        foreach (var modelFolder in Directory.GetDirectories(repositoryPath).Order(StringComparer.Ordinal))
        {
            var model = Path.GetFileName(modelFolder);
            if (model.StartsWith('.')) continue;
            var versions = Directory.GetDirectories(modelFolder)
                .Select(v => (Folder: v, Ok: long.TryParse(Path.GetFileName(v), out var n) && n > 0, Number: n))
                .Where(v => v.Ok)
                .OrderBy(v => v.Number)
                .Select(v => new ModelVersionFolder(model, v.Number, Path.Combine(v.Folder, OnnxFileName), modelFolder))
                .ToList();
            models.Add((model, versions));
        }

        return models;
    }
}
