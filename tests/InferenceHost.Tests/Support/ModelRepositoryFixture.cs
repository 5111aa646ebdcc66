using System.Text.Json.Nodes;
using Commerce.TestSupport;

namespace Commerce.Inference.Tests.Support;

/// <summary>
/// The real model repository built by eng/prereqs.sh (tests never train), and temporary repositories made of copies
/// of its models with edited configs, for tests that need their own batching or a broken model.
/// </summary>
public static class ModelRepositoryFixture
{
    public static string Path => System.IO.Path.Combine(RepoPaths.Artifacts, "model-repository");

    public static string RequireModel(string model)
    {
        var folder = System.IO.Path.Combine(Path, model);
        if (!File.Exists(System.IO.Path.Combine(folder, "1", "model.onnx")))
        {
            Assert.Fail($"model {model} is missing in {Path}: run eng/prereqs.sh (as root) to build the model repository");
        }

        return folder;
    }

    public static string CreateTemporary() => Directory.CreateTempSubdirectory("inference-repo-").FullName;

    /// <summary>Copies a built model under <paramref name="asName"/>, applying <paramref name="editConfig"/> to its config.json.</summary>
    public static void CopyModel(string repository, string model, string asName, Action<JsonObject>? editConfig = null, long version = 1)
    {
        var source = RequireModel(model);
        var target = System.IO.Path.Combine(repository, asName);
        Directory.CreateDirectory(System.IO.Path.Combine(target, version.ToString()));
        File.Copy(System.IO.Path.Combine(source, "1", "model.onnx"), System.IO.Path.Combine(target, version.ToString(), "model.onnx"), overwrite: true);
        var config = JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(source, "config.json")))!.AsObject();
        config["name"] = asName;
        editConfig?.Invoke(config);
        File.WriteAllText(System.IO.Path.Combine(target, "config.json"), config.ToJsonString());
    }
}
