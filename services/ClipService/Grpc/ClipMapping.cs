using Commerce.Clip.Domain;
using Google.Protobuf.WellKnownTypes;
using P = Commerce.Protos.Clip.V1;

namespace Commerce.Clip.Grpc;

/// <summary>Domain records to proto messages and back.</summary>
public static class ClipMapping
{
    public static P.ClipKind ToProto(this ClipKind k) => k switch
    {
        ClipKind.ProductExplanation => P.ClipKind.ProductExplanation,
        ClipKind.HotItem => P.ClipKind.HotItem,
        _ => P.ClipKind.TrafficDriver,
    };

    public static ClipKind? ToDomain(this P.ClipKind k) => k switch
    {
        P.ClipKind.ProductExplanation => ClipKind.ProductExplanation,
        P.ClipKind.HotItem => ClipKind.HotItem,
        P.ClipKind.TrafficDriver => ClipKind.TrafficDriver,
        _ => null,
    };

    public static P.CutMode ToProto(this CutMode m) => m == CutMode.FrameAccurate ? P.CutMode.FrameAccurate : P.CutMode.StreamCopy;

    public static P.AutoClippingSettings ToProto(this AutoClippingSettings s)
    {
        var p = new P.AutoClippingSettings
        {
            MerchantId = s.MerchantId, Enabled = s.Enabled, ClipsPerSession = s.ClipsPerSession, CutMode = s.CutMode.ToProto(),
            UpdateTime = s.UpdatedAt is { } t ? Timestamp.FromDateTimeOffset(t) : null,
        };
        p.Kinds.AddRange(s.Kinds.Select(ToProto));
        return p;
    }

    public static P.ClipJob ToProto(this ClipJob j)
    {
        var p = new P.ClipJob
        {
            JobId = j.JobId, SessionId = j.SessionId, MerchantId = j.MerchantId, Progress = j.Progress,
            FailureReason = j.FailureReason ?? "", State = j.State switch
            {
                JobState.Queued => P.ClipJobState.Queued,
                JobState.Scoring => P.ClipJobState.Scoring,
                JobState.Cutting => P.ClipJobState.Cutting,
                JobState.Succeeded => P.ClipJobState.Succeeded,
                _ => P.ClipJobState.Failed,
            },
            CreateTime = Timestamp.FromDateTimeOffset(j.CreatedAt), UpdateTime = Timestamp.FromDateTimeOffset(j.UpdatedAt),
        };
        if (j.State == JobState.Succeeded) p.ClipIds.AddRange(j.ClipIds);
        return p;
    }

    public static P.Clip ToProto(this PublishedClip c)
    {
        var p = new P.Clip
        {
            ClipId = c.ClipId, SessionId = c.SessionId, MerchantId = c.MerchantId, Kind = c.Kind.ToProto(), Title = c.Title,
            Description = c.Description, StartOffset = Duration.FromTimeSpan(TimeSpan.FromSeconds(c.StartSeconds)),
            EndOffset = Duration.FromTimeSpan(TimeSpan.FromSeconds(c.EndSeconds)), Score = c.Score, VideoUri = c.VideoUri,
            Cover = new Commerce.Protos.Type.V1.ImageRef { Uri = c.CoverUri, ContentType = "image/jpeg" },
            CoverOffset = Duration.FromTimeSpan(TimeSpan.FromSeconds(c.CoverSeconds)),
            StartError = Duration.FromTimeSpan(TimeSpan.FromSeconds(Math.Round(c.StartErrorSeconds, 3))), CutMode = c.CutMode.ToProto(),
            PublishTime = Timestamp.FromDateTimeOffset(c.PublishedAt),
        };
        p.ProductIds.AddRange(c.ProductIds);
        return p;
    }
}
