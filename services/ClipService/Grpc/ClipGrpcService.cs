using Commerce.Clip.Domain;
using Commerce.Clip.Jobs;
using Commerce.Clip.Media;
using Commerce.Clip.Storage;
using Commerce.Protos.Clip.V1;
using Commerce.ServiceDefaults.Errors;
using Commerce.ServiceDefaults.Identity;
using Grpc.Core;
using DomainKind = Commerce.Clip.Domain.ClipKind;
using DomainCutMode = Commerce.Clip.Domain.CutMode;
using ProtoKind = Commerce.Protos.Clip.V1.ClipKind;
using DomainSettings = Commerce.Clip.Domain.AutoClippingSettings;
using ProtoCutMode = Commerce.Protos.Clip.V1.CutMode;

namespace Commerce.Clip.Grpc;

/// <summary>Thin adapter over the domain: validate, call, map. Errors are the domain exceptions the interceptor maps.</summary>
public sealed class ClipGrpcService(ClipStore store, ClipJobs jobs, BlobStore blobs, TimeProvider clock) : ClipService.ClipServiceBase
{
    private const int MaxIdLength = 128;
    private const int MaxProducts = 50;

    public override Task<SetAutoClippingResponse> SetAutoClipping(SetAutoClippingRequest request, ServerCallContext context)
    {
        var merchant = MerchantOf(context.GetCaller(), request.MerchantId);
        if (request.ClipsPerSession is < 0 or > DomainSettings.MaxClips)
        {
            throw new InvalidInputException($"clips_per_session must be 1-{DomainSettings.MaxClips} (0 for the default {DomainSettings.DefaultClips})");
        }

        var kinds = request.Kinds.Select(k => k.ToDomain() ?? throw new InvalidInputException("kinds must not contain CLIP_KIND_UNSPECIFIED"))
            .Distinct().Order().ToList();
        if (!System.Enum.IsDefined(request.CutMode)) throw new InvalidInputException("cut_mode is not a known CutMode");
        var settings = new DomainSettings(merchant, request.Enabled,
            request.ClipsPerSession == 0 ? DomainSettings.DefaultClips : request.ClipsPerSession,
            kinds.Count == 0 ? ClipKinds.All : kinds,
            request.CutMode == ProtoCutMode.FrameAccurate ? DomainCutMode.FrameAccurate : DomainCutMode.StreamCopy, clock.GetUtcNow());
        store.PutSettings(settings);
        return Task.FromResult(new SetAutoClippingResponse { Settings = settings.ToProto() });
    }

    public override Task<GetAutoClippingResponse> GetAutoClipping(GetAutoClippingRequest request, ServerCallContext context)
    {
        var merchant = MerchantOf(context.GetCaller(), request.MerchantId);
        return Task.FromResult(new GetAutoClippingResponse { Settings = store.GetSettings(merchant).ToProto() });
    }

    public override Task<SubmitSessionResponse> SubmitSession(SubmitSessionRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        RequireId(request.SessionId, "session_id");
        string merchant;
        if (caller.IsOperator)
        {
            merchant = store.GetSession(request.SessionId)?.MerchantId
                ?? throw new NotFoundException($"session {request.SessionId} is not known (no LiveSessionEnded yet); its merchant can submit it");
        }
        else
        {
            merchant = caller.RequireOwnMerchant();
        }

        var (videoUri, isHls) = request.Video?.LocationCase switch
        {
            VideoSource.LocationOneofCase.FileUri => (request.Video.FileUri, false),
            VideoSource.LocationOneofCase.HlsPlaylistUri => (request.Video.HlsPlaylistUri, true),
            _ => throw new InvalidInputException("video is required: give video.file_uri or video.hls_playlist_uri"),
        };
        blobs.Resolve(videoUri); // rejects paths outside the blob store now, before a job exists
        if (isHls && !videoUri.EndsWith(".m3u8", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidInputException("video.hls_playlist_uri must name an .m3u8 playlist");
        }

        var engagement = request.EngagementCase switch
        {
            SubmitSessionRequest.EngagementOneofCase.EngagementSeries => Engagement(request.EngagementSeries),
            SubmitSessionRequest.EngagementOneofCase.EngagementUri => EngagementFile.Read(blobs.Resolve(request.EngagementUri)),
            _ => throw new InvalidInputException("engagement is required: give engagement_series or engagement_uri"),
        };
        if (request.ProductIds.Count > MaxProducts) throw new InvalidInputException($"at most {MaxProducts} product_ids");
        foreach (var id in request.ProductIds) RequireId(id, "product_ids");
        if (request.ClipCount is < 0 or > DomainSettings.MaxClips)
        {
            throw new InvalidInputException($"clip_count must be 0-{DomainSettings.MaxClips}");
        }

        var job = jobs.Submit(merchant, new ClipJobs.Submission(request.SessionId, videoUri, isHls, engagement,
            request.ProductIds.Distinct().ToList(), request.ClipCount, request.Reprocess));
        return Task.FromResult(new SubmitSessionResponse { Job = job.ToProto() });
    }

    public override Task<GetClipJobResponse> GetClipJob(GetClipJobRequest request, ServerCallContext context)
    {
        RequireId(request.JobId, "job_id");
        var job = store.GetJob(request.JobId) ?? throw new NotFoundException($"job {request.JobId} not found");
        context.GetCaller().RequireMerchant(job.MerchantId);
        return Task.FromResult(new GetClipJobResponse { Job = job.ToProto() });
    }

    public override Task<ListClipsResponse> ListClips(ListClipsRequest request, ServerCallContext context)
    {
        var merchant = MerchantOf(context.GetCaller(), request.MerchantId);
        if (request.PageSize is < 0 or > 100) throw new InvalidInputException("page_size must be 1-100 (0 for 20)");
        var size = request.PageSize == 0 ? 20 : request.PageSize;
        var offset = 0;
        if (request.PageToken.Length > 0 && (!int.TryParse(request.PageToken, out offset) || offset < 0))
        {
            throw new InvalidInputException("page_token is not one this service returned");
        }

        if (!System.Enum.IsDefined(request.Kind)) throw new InvalidInputException("kind is not a known ClipKind");
        DomainKind? kind = request.Kind == ProtoKind.Unspecified ? null : request.Kind.ToDomain();
        var clips = store.ListClips(merchant, request.SessionId.Length == 0 ? null : request.SessionId, kind, offset, size + 1);
        var response = new ListClipsResponse { NextPageToken = clips.Count > size ? (offset + size).ToString(System.Globalization.CultureInfo.InvariantCulture) : "" };
        response.Clips.AddRange(clips.Take(size).Select(c => c.ToProto()));
        return Task.FromResult(response);
    }

    public override Task<GetClipResponse> GetClip(GetClipRequest request, ServerCallContext context)
    {
        if (!context.GetCaller().IsAuthenticated) throw new AccessDeniedException("sign in to read clips");
        RequireId(request.ClipId, "clip_id");
        var clip = store.GetClip(request.ClipId) ?? throw new NotFoundException($"clip {request.ClipId} not found");
        return Task.FromResult(new GetClipResponse { Clip = clip.ToProto() });
    }

    private static string MerchantOf(Caller caller, string requested)
    {
        if (caller.IsOperator)
        {
            RequireId(requested, "merchant_id");
            return requested;
        }

        var own = caller.RequireOwnMerchant();
        if (requested.Length > 0 && requested != own) throw new AccessDeniedException("merchant_id is for operators; merchants reach only their own settings and clips");
        return own;
    }

    private static void RequireId(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new InvalidInputException($"{field} is required");
        if (value.Length > MaxIdLength) throw new InvalidInputException($"{field} is longer than {MaxIdLength} characters");
    }

    private static IReadOnlyList<EngagementSecond> Engagement(EngagementSeries series)
    {
        if (series.Samples.Count > EngagementFile.MaxSamples) throw new InvalidInputException($"engagement has more than {EngagementFile.MaxSamples} samples (4 hours)");
        var previous = -1;
        foreach (var s in series.Samples)
        {
            if (s.OffsetSeconds <= previous) throw new InvalidInputException("engagement samples must be in time order, one per second");
            if (s.Viewers < 0 || s.Comments < 0 || s.Likes < 0 || s.Orders < 0) throw new InvalidInputException("engagement counts must not be negative");
            previous = s.OffsetSeconds;
        }

        return series.Samples.Select(EngagementFile.ToDomain).ToList();
    }
}
