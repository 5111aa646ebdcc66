using Commerce.Onboarding.Domain.Library;
using Commerce.Onboarding.Domain.Live;
using Commerce.Onboarding.Domain.Onboarding;
using Commerce.Onboarding.Storage;
using Commerce.Protos.Onboarding.V1;
using Commerce.ServiceDefaults.Errors;
using Commerce.ServiceDefaults.Identity;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Commerce.Onboarding.Grpc;

/// <summary>Smart live start: lineup, script, teleprompter.</summary>
public sealed partial class OnboardingGrpcService
{
    private const int CandidatePool = 200;

    public override Task<SuggestLineupResponse> SuggestLineup(SuggestLineupRequest request, ServerCallContext context)
    {
        var store = OwnOpenStore(request.StoreId, context);
        var duration = Validate.Duration(request.DurationMinutes);
        var category = Validate.Category(request.Category, "category");
        if (request.Products.Count > 50) throw new InvalidInputException($"products: at most 50 (got {request.Products.Count})");
        if (request.MaxProducts is < 0 or > 50) throw new InvalidInputException($"max_products must be 0-50 (got {request.MaxProducts})");

        IReadOnlyList<LiveProduct> candidates = request.Products.Count > 0
            ? Distinct(request.Products.Select((r, i) => Resolve(r, store, "zh-CN", $"products[{i}]")))
            : library.Search(new LibraryQuery("", category, null, null, LibraryOrder.Sales, 0, CandidatePool)).Items
                .Select(i => LiveProduct.FromLibrary(i, "zh-CN"))
                .Concat(listings.ListByStore(store.StoreId, true, 0, CandidatePool).Items
                    .Where(l => CategoryTree.Fit(category, l.Category) > 0).Select(l => ListingProduct(l, "zh-CN")))
                .ToList();
        if (candidates.Count == 0) throw new PreconditionFailedException("no products in this category yet: the library may still be seeding, or pick products yourself");
        var picks = LineupSuggester.Suggest(candidates, category, duration, request.MaxProducts);
        var response = new SuggestLineupResponse { PlannedDuration = Duration.FromTimeSpan(TimeSpan.FromMinutes(duration)) };
        response.Items.AddRange(picks.Select((p, i) => ProtoMapper.Lineup(p, i + 1)));
        response.PlannedDuration = Duration.FromTimeSpan(picks.Aggregate(TimeSpan.Zero, (t, p) => t + p.Slot));
        return Task.FromResult(response);
    }

    public override Task<PlanLiveSessionResponse> PlanLiveSession(PlanLiveSessionRequest request, ServerCallContext context)
    {
        var store = OwnOpenStore(request.StoreId, context);
        var requestId = Validate.RequestId(request.RequestId);
        var duration = Validate.Duration(request.DurationMinutes);
        var category = Validate.Category(request.Category, "category");
        if (request.Lineup.Count is 0 or > 50) throw new InvalidInputException($"lineup must hold 1-50 products (got {request.Lineup.Count})");
        var options = request.ScriptOptions ?? new ScriptOptions();
        var language = Validate.Language(options.LanguageCode, "script_options.language_code", "zh-CN");
        if (options.MarketingTools.Any(t => t == MarketingTool.Unspecified)) throw new InvalidInputException("script_options.marketing_tools holds UNSPECIFIED");
        var tools = options.MarketingTools.Count == 0
            ? System.Enum.GetValues<MarketingToolKind>().ToHashSet()
            : options.MarketingTools.Select(t => (MarketingToolKind)(int)t).ToHashSet();

        var entries = request.Lineup.Select((e, i) =>
        {
            if (e.Product is null) throw new InvalidInputException($"lineup[{i}].product is required");
            LineupRoleKind? role = e.Role == LineupRole.Unspecified ? null : (LineupRoleKind)(int)e.Role;
            return (Product: Resolve(e.Product, store, language, $"lineup[{i}].product"), Role: role);
        }).ToList();
        var duplicate = entries.GroupBy(e => e.Product.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidInputException($"lineup names {duplicate.Key} more than once");
        if (entries.Count(e => e.Role == LineupRoleKind.TrafficDriver) > 1 || entries.Count(e => e.Role == LineupRoleKind.Hero) > 1)
            throw new InvalidInputException("lineup may have at most one TRAFFIC_DRIVER and one HERO");

        var picks = LineupSuggester.Arrange(entries, category, duration);
        var minimumSlot = TimeSpan.FromSeconds(30);
        if (picks.Any(p => p.Slot < minimumSlot))
            throw new InvalidInputException($"{picks.Count} products do not fit a {duration}-minute live (each needs at least 30 seconds): choose a longer live or fewer products");
        var script = scriptWriter.Write(picks, duration, language, tools);
        var session = new PlannedSession
        {
            SessionId = LiveSessionStore.NewSessionId(), StoreId = store.StoreId, MerchantId = store.MerchantId, RoomId = LiveSessionStore.RoomOf(store.StoreId),
            Category = category, DurationMinutes = duration, Lineup = picks, Script = script,
            ScheduledStart = request.ScheduledStartTime?.ToDateTimeOffset(), CreatedAt = time.GetUtcNow(),
        };
        var saved = sessions.Save(requestId, session);
        return Task.FromResult(new PlanLiveSessionResponse { Session = ProtoMapper.Session(saved) });
    }

    public override Task<GetLiveSessionResponse> GetLiveSession(GetLiveSessionRequest request, ServerCallContext context)
    {
        var session = FindSession(request.SessionId);
        context.GetCaller().RequireMerchant(session.MerchantId);
        return Task.FromResult(new GetLiveSessionResponse { Session = ProtoMapper.Session(session) });
    }

    public override async Task StreamTeleprompter(StreamTeleprompterRequest request, IServerStreamWriter<StreamTeleprompterResponse> responseStream, ServerCallContext context)
    {
        var session = FindSession(request.SessionId);
        var caller = context.GetCaller();
        if (!caller.IsOperator) caller.RequireMerchant(session.MerchantId);
        if (request.Mode == TeleprompterMode.Unspecified) throw new InvalidInputException("mode is required: TEACH_ME (tips) or HELP_ME_SAY (full lines)");
        var scale = request.TimeScale == 0 ? 1.0 : request.TimeScale;
        if (!(scale is >= 1 and <= 3600)) throw new InvalidInputException($"time_scale must be 1-3600 (got {request.TimeScale})");
        var start = request.StartOffset?.ToTimeSpan() ?? TimeSpan.Zero;
        if (start < TimeSpan.Zero || start > session.Script.Duration)
            throw new InvalidInputException($"start_offset must be within the script (0 to {session.Script.Duration})");

        var began = time.GetTimestamp();
        var cue = 0;
        foreach (var section in session.Script.Sections)
        foreach (var line in section.Lines)
        {
            if (line.Start + line.Duration <= start) continue;
            var due = TimeSpan.FromTicks((long)(Math.Max(0, (line.Start - start).Ticks) / scale));
            var wait = due - time.GetElapsedTime(began);
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, context.CancellationToken);
            var teach = request.Mode == TeleprompterMode.TeachMe;
            await responseStream.WriteAsync(new StreamTeleprompterResponse
            {
                Cue = new TeleprompterCue
                {
                    CueId = $"{session.SessionId}.c{cue++}", LineId = line.LineId, SectionId = section.SectionId,
                    Product = section.Product is { } p ? ProtoMapper.Ref(p) : null, Mode = request.Mode,
                    Text = teach ? line.Tip : line.Text, AtOffset = Duration.FromTimeSpan(line.Start),
                    DisplayDuration = Duration.FromTimeSpan(line.Duration), Kind = (ScriptLineKind)(int)line.Kind,
                },
            }, context.CancellationToken);
        }
    }

    private PlannedSession FindSession(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new InvalidInputException("session_id is required");
        return sessions.Get(id) ?? throw new NotFoundException($"live session {id} not found");
    }

    private LiveProduct Resolve(ProductRef reference, MerchantStore store, string language, string field)
    {
        switch (reference.ProductCase)
        {
            case ProductRef.ProductOneofCase.LibraryProductId:
                var item = library.Get(reference.LibraryProductId)
                           ?? throw new NotFoundException($"{field}: library product {reference.LibraryProductId} is not in the distribution library");
                return LiveProduct.FromLibrary(item, language);
            case ProductRef.ProductOneofCase.ProductId:
                var listing = listings.Get(reference.ProductId);
                if (listing is null || listing.StoreId != store.StoreId)
                    throw new NotFoundException($"{field}: product {reference.ProductId} is not a listing of store {store.StoreId}");
                return ListingProduct(listing, language);
            default:
                throw new InvalidInputException($"{field}: set product_id or library_product_id");
        }
    }

    private LiveProduct ListingProduct(Domain.Listings.StoreListing listing, string language)
    {
        var texts = listing.Language.StartsWith(language[..2], StringComparison.OrdinalIgnoreCase)
            ? listing.Texts
            : listing.Translations.FirstOrDefault(t => t.Language.StartsWith(language[..2], StringComparison.OrdinalIgnoreCase))?.Texts ?? listing.Texts;
        var source = listing.LibraryProductId is { } id ? library.Get(id) : null;
        return new LiveProduct
        {
            Id = listing.ProductId, IsLibrary = false, Title = texts.Title, Category = listing.Category, Attributes = texts.Attributes,
            SellingPoints = texts.SellingPoints, Price = listing.Price, SizeChart = listing.SizeChart,
            CommissionRate = source?.CommissionRate ?? 0, SalesCount = source?.SalesCount ?? 0, Rating = source?.Rating ?? 0,
        };
    }

    private static List<LiveProduct> Distinct(IEnumerable<LiveProduct> products) => products.DistinctBy(p => p.Id).ToList();
}
