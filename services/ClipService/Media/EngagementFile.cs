using Commerce.Clip.Domain;
using Commerce.ServiceDefaults.Errors;
using Google.Protobuf;

namespace Commerce.Clip.Media;

/// <summary>Reads an engagement series stored as JSON Lines of the proto's EngagementSample (for long sessions).</summary>
public static class EngagementFile
{
    public const int MaxSamples = 14_400;

    public static IReadOnlyList<EngagementSecond> Read(string path)
    {
        if (!File.Exists(path)) throw new InvalidInputException($"engagement file {Path.GetFileName(path)} not found");
        var samples = new List<EngagementSecond>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (samples.Count >= MaxSamples) throw new InvalidInputException($"engagement has more than {MaxSamples} samples (4 hours)");
            try
            {
                samples.Add(ToDomain(JsonParser.Default.Parse<Commerce.Protos.Clip.V1.EngagementSample>(line)));
            }
            catch (InvalidProtocolBufferException e)
            {
                throw new InvalidInputException($"engagement line {lineNo} is not an EngagementSample: {e.Message}");
            }
        }

        return samples;
    }

    public static EngagementSecond ToDomain(Commerce.Protos.Clip.V1.EngagementSample s) =>
        new(s.OffsetSeconds, s.Viewers, s.Comments, s.Likes, s.Orders,
            string.IsNullOrEmpty(s.ProductOnShelfId) ? null : s.ProductOnShelfId,
            string.IsNullOrEmpty(s.ProductExplainedId) ? null : s.ProductExplainedId);
}
