using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Commerce.Clip.Training;

/// <summary>
/// The held-out set as a data file in the repository: JSON Lines (one session a line), gzip-compressed (the per-second
/// engagement makes the plain text 2 MB), written by the generator from fixed seeds.
/// </summary>
public static class EvaluationFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static void Write(string path, IEnumerable<LabelledSession> sessions)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new StreamWriter(gzip);
        foreach (var s in sessions) writer.WriteLine(Serialize(s));
    }

    public static IReadOnlyList<LabelledSession> Read(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var list = new List<LabelledSession>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0) list.Add(JsonSerializer.Deserialize<LabelledSession>(line, Json)!);
        }

        return list;
    }

    public static string Serialize(LabelledSession s) => JsonSerializer.Serialize(s, Json);
}
