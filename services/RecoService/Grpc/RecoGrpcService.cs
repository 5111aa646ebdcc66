using System.Text.RegularExpressions;
using Commerce.Protos.Reco.V1;
using Commerce.Reco.Domain;
using Commerce.Reco.Projection;
using Commerce.ServiceDefaults.Errors;
using Commerce.ServiceDefaults.Identity;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ProtoScenario = Commerce.Protos.Type.V1.Scenario;
using ProtoCategory = Commerce.Protos.Type.V1.CategoryPath;
using DomainScenario = Commerce.Reco.Domain.Scenario;
using Interaction = Commerce.Reco.Domain.Interaction;
using CategoryRelation = Commerce.Reco.Domain.CategoryRelation;

namespace Commerce.Reco.Grpc;

/// <summary>Thin adapter over the domain: validate, call, map.</summary>
public sealed partial class RecoGrpcService(RecoProjection projection, AnswerCache answers, TimeProvider clock) : RecoService.RecoServiceBase
{
    private const int MaxCount = 100, MaxExcluded = 500, MaxInteractions = 100, MaxCategoryLevels = 5, MaxLevelLength = 64;

    public override Task<GetRecommendationsResponse> GetRecommendations(GetRecommendationsRequest request, ServerCallContext context)
    {
        var user = context.GetCaller().RequireUser();
        var scenario = RequireScenario(request.Scenario);
        if (request.Count is < 1 or > MaxCount) throw new InvalidInputException($"count must be 1-{MaxCount}, was {request.Count}");
        if (request.ExcludeItemIds.Count > MaxExcluded) throw new InvalidInputException($"at most {MaxExcluded} exclude_item_ids");
        var context_item = OptionalId(request.ContextItemId, "context_item_id");
        var room = OptionalId(request.LiveRoomId, "live_room_id");
        var exclude = new HashSet<string>(StringComparer.Ordinal);
        foreach (var excluded in request.ExcludeItemIds) exclude.Add(RequireId(excluded, "exclude_item_ids"));
        var now = clock.GetUtcNow();
        if (request.PageToken.Length > 0)
        {
            var previous = answers.Find(RequireId(request.PageToken, "page_token"), now);
            if (previous is null || previous.UserId != user)
                throw new InvalidInputException("page_token is unknown or expired (24 h); start again without it");
            exclude.UnionWith(previous.ServedSoFar);
        }

        var result = projection.Engine.Recommend(new RecommendationRequest(user, scenario, request.Count, now, context_item, room, exclude));
        var id = Guid.NewGuid().ToString("N");
        answers.Add(new CachedAnswer(id, user, now, result.Items, exclude.Union(result.Items.Select(i => i.Item.Id)).ToHashSet(StringComparer.Ordinal)));
        var response = new GetRecommendationsResponse { RecommendationId = id, ColdStart = result.ColdStart, NextPageToken = id };
        response.Items.AddRange(result.Items.Select(MapItem));
        return Task.FromResult(response);
    }

    public override Task<GetRelatedCategoriesResponse> GetRelatedCategories(GetRelatedCategoriesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        if (!caller.IsAuthenticated) throw new AccessDeniedException("this call needs a signed-in caller");
        var key = RequireCategory(request.Category, "category");
        var count = request.Count == 0 ? 10 : request.Count is < 1 or > MaxCount ? throw new InvalidInputException($"count must be 0-{MaxCount}") : request.Count;
        CategoryRelation? relation = request.Relation switch
        {
            Protos.Reco.V1.CategoryRelation.Unspecified => null,
            Protos.Reco.V1.CategoryRelation.Complementary => CategoryRelation.Complementary,
            Protos.Reco.V1.CategoryRelation.Substitute => CategoryRelation.Substitute,
            _ => throw new InvalidInputException("relation must be COMPLEMENTARY, SUBSTITUTE or unspecified"),
        };
        var response = new GetRelatedCategoriesResponse();
        response.RelatedCategories.AddRange(projection.Engine.Snapshot.Graph.Related(key, relation).Take(count).Select(e => new RelatedCategory
        {
            Category = Category(e.Category), Relation = MapRelation(e.Relation), Strength = Math.Clamp(e.Strength, 0, 1),
            CoInteractionScore = Math.Clamp(e.CoInteraction, 0, 1), SemanticScore = Math.Clamp(e.Semantic, 0, 1),
        }));
        return Task.FromResult(response);
    }

    public override Task<GetUserInterestsResponse> GetUserInterests(GetUserInterestsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var self = caller.RequireUser();
        var user = self;
        if (request.UserId.Length > 0 && request.UserId != self)
        {
            if (!caller.IsOperator) throw new AccessDeniedException("only operators may read another user's interests");
            user = RequireId(request.UserId, "user_id");
        }

        DomainScenario? scenario = request.Scenario == ProtoScenario.Unspecified ? null : RequireScenario(request.Scenario);
        var count = request.Count == 0 ? 20 : request.Count is < 1 or > MaxCount ? throw new InvalidInputException($"count must be 0-{MaxCount}") : request.Count;
        var interests = projection.Engine.Interests(user, scenario, count, clock.GetUtcNow());
        var response = new GetUserInterestsResponse();
        if (interests is null) return Task.FromResult(response);
        foreach (var t in interests.Tags)
        {
            var tag = new InterestTag { Tag = t.Tag, Facet = MapFacet(t.Facet), Weight = t.Weight, LastSeenTime = Timestamp.FromDateTimeOffset(t.LastSeen) };
            tag.ScenarioWeights.AddRange(t.PerScenario.Select(s => new ScenarioWeight { Scenario = MapScenario(s.Scenario), Weight = s.Weight }));
            response.Tags.Add(tag);
        }

        response.Categories.AddRange(interests.Categories.Select(c => new CategoryAffinity { Category = Category(c.Category), Affinity = c.Affinity }));
        if (interests.UpdatedAt is { } at) response.UpdateTime = Timestamp.FromDateTimeOffset(at);
        return Task.FromResult(response);
    }

    public override Task<ExplainRecommendationResponse> ExplainRecommendation(ExplainRecommendationRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var user = caller.RequireUser();
        var id = RequireId(request.RecommendationId, "recommendation_id");
        var itemId = RequireId(request.ItemId, "item_id");
        var answer = answers.Find(id, clock.GetUtcNow());
        // Another buyer's answer is reported as absent: its existence is not theirs to know.
        if (answer is null || (answer.UserId != user && !caller.IsOperator))
            throw new NotFoundException($"recommendation {id} not found (answers are kept 24 hours)");
        var item = answer.Items.FirstOrDefault(i => i.Item.Id == itemId)
            ?? throw new NotFoundException($"item {itemId} is not part of recommendation {id}");
        var response = new ExplainRecommendationResponse
        {
            ItemId = itemId, RankerRank = item.RankerRank, FinalRank = item.FinalRank, Summary = Summary(item),
        };
        response.Reasons.AddRange(item.Reasons.Select(MapReason));
        response.Features.AddRange(projection.Engine.Contributions(item.Features).Take(20)
            .Select(f => new FeatureContribution { Feature = f.Feature, Value = f.Value, Contribution = f.Contribution }));
        return Task.FromResult(response);
    }

    /// <summary>
    /// Applied directly (stored, deduplicated by event_id, then applied to the profile), not republished as UserInteracted:
    /// this service is the consumer of that event, and publishing to itself would only add a broker round trip.
    /// </summary>
    public override Task<RecordInteractionResponse> RecordInteraction(RecordInteractionRequest request, ServerCallContext context)
    {
        var user = context.GetCaller().RequireUser();
        if (request.Interactions.Count is < 1 or > MaxInteractions) throw new InvalidInputException($"interactions must hold 1-{MaxInteractions} entries");
        var now = clock.GetUtcNow();
        var parsed = request.Interactions.Select((x, k) => Parse(x, k, user, now)).ToList();
        int accepted = 0, duplicates = 0;
        foreach (var x in parsed)
        {
            if (projection.Interaction(x)) accepted++;
            else duplicates++;
        }

        return Task.FromResult(new RecordInteractionResponse { AcceptedCount = accepted, DuplicateCount = duplicates });
    }

    private static Interaction Parse(Protos.Reco.V1.Interaction x, int k, string user, DateTimeOffset now)
    {
        var where = $"interactions[{k}]";
        var eventId = RequireId(x.EventId, where + ".event_id");
        var item = RequireId(x.ItemId, where + ".item_id");
        if (x.ItemKind == Protos.Reco.V1.ItemKind.Unspecified || !System.Enum.IsDefined(x.ItemKind)) throw new InvalidInputException(where + ".item_kind is required");
        var action = x.Type switch
        {
            InteractionType.Impression => InteractionAction.Impression,
            InteractionType.Click => InteractionAction.Click,
            InteractionType.Like => InteractionAction.Like,
            InteractionType.AddToCart => InteractionAction.AddToCart,
            InteractionType.Purchase => InteractionAction.Purchase,
            InteractionType.TryOn => InteractionAction.TryOn,
            InteractionType.Comment => InteractionAction.Comment,
            InteractionType.Watch => InteractionAction.Watch,
            _ => throw new InvalidInputException(where + ".type is required"),
        };
        var scenario = RequireScenario(x.Scenario, where + ".scenario");
        var at = x.OccurTime is null ? now : x.OccurTime.ToDateTimeOffset();
        if (at > now + TimeSpan.FromMinutes(5) || at < now - TimeSpan.FromDays(7))
            throw new InvalidInputException(where + ".occur_time must be within the last 7 days and not in the future");
        var watch = x.WatchDuration?.ToTimeSpan().TotalSeconds ?? 0;
        if (watch is < 0 or > 86_400) throw new InvalidInputException(where + ".watch_duration must be 0-24 h");
        return new Interaction(eventId, user, item, action, scenario, at, watch);
    }

    private static DomainScenario RequireScenario(ProtoScenario s, string field = "scenario") => s switch
    {
        ProtoScenario.ShortVideo => DomainScenario.ShortVideo,
        ProtoScenario.Live => DomainScenario.Live,
        ProtoScenario.Mall => DomainScenario.Mall,
        _ => throw new InvalidInputException($"{field} must be SCENARIO_SHORT_VIDEO, SCENARIO_LIVE or SCENARIO_MALL"),
    };

    private static string RequireId(string id, string field)
    {
        if (!IdPattern().IsMatch(id)) throw new InvalidInputException($"{field} '{Truncate(id)}' is not an id (1-128 letters, digits, '-', '_', ':', '.')");
        return id;
    }

    private static string? OptionalId(string id, string field) => id.Length == 0 ? null : RequireId(id, field);

    private static string Truncate(string s) => s.Length > 40 ? s[..40] + "..." : s;

    private static string RequireCategory(ProtoCategory? path, string field)
    {
        if (path is null || path.Levels.Count is < 1 or > MaxCategoryLevels) throw new InvalidInputException($"{field} must have 1-{MaxCategoryLevels} levels");
        if (path.Levels.Any(l => string.IsNullOrWhiteSpace(l) || l.Length > MaxLevelLength || l.Contains('/')))
            throw new InvalidInputException($"{field} levels must be non-empty, at most {MaxLevelLength} characters, without '/'");
        return CategoryKeys.Of(path.Levels);
    }

    private static ProtoCategory Category(string key)
    {
        var c = new ProtoCategory();
        c.Levels.AddRange(CategoryKeys.Levels(key));
        return c;
    }

    private static RecommendedItem MapItem(RankedItem r)
    {
        var item = new RecommendedItem
        {
            ItemId = r.Item.Id, Kind = MapKind(r.Item.Kind), Rank = r.FinalRank, Score = r.Score, MerchantId = r.Item.MerchantId,
            Category = Category(r.Item.CategoryKey), Title = r.Item.Title,
        };
        if (r.Item.Kind == Domain.ItemKind.Product) item.Price = Money(r.Item.Price, r.Item.Currency);
        item.Reasons.AddRange(r.Reasons.Select(MapReason));
        return item;
    }

    private static Protos.Type.V1.Money Money(decimal amount, string currency)
    {
        var units = decimal.Truncate(amount);
        return new Protos.Type.V1.Money { CurrencyCode = currency, Units = (long)units, Nanos = (int)((amount - units) * 1_000_000_000m) };
    }

    private static RecommendationReason MapReason(Reason r)
    {
        var reason = new RecommendationReason { Channel = MapChannel(r.Channel), Score = Math.Clamp(r.Score, 0, 1), Tag = r.Tag ?? "", SourceItemId = r.SourceItemId ?? "" };
        if (r.RelatedCategory is not null) reason.RelatedCategory = Category(r.RelatedCategory);
        if (r.Relation is { } rel) reason.Relation = MapRelation(rel);
        if (r.SourceScenario is { } s) reason.SourceScenario = MapScenario(s);
        return reason;
    }

    private static string Summary(RankedItem item)
    {
        var r = item.Reasons[0];
        var where = r.SourceScenario is { } s ? s switch { DomainScenario.Live => " in a live room", DomainScenario.ShortVideo => " in a short video", _ => " in the mall" } : "";
        return r.Channel switch
        {
            Domain.RecallChannel.RelatedCategory => $"Goes with the {Last(r.RelatedCategory)} you showed interest in{where}".Replace($"the {Last(r.RelatedCategory)}", "what"),
            Domain.RecallChannel.ItemToItem => $"Buyers who liked an item you engaged with{where} also liked this",
            Domain.RecallChannel.InterestTag => $"Matches your interest in \"{r.Tag}\"",
            Domain.RecallChannel.Embedding => "Similar to what you engaged with recently",
            Domain.RecallChannel.Context => "Related to what you are looking at",
            Domain.RecallChannel.Fresh => "Newly listed",
            _ => "Popular right now",
        };
    }

    private static string Last(string? key) => key is null ? "" : CategoryKeys.Levels(key).LastOrDefault() ?? "";

    private static Protos.Reco.V1.ItemKind MapKind(Domain.ItemKind k) => k switch
    {
        Domain.ItemKind.LiveRoom => Protos.Reco.V1.ItemKind.LiveRoom,
        Domain.ItemKind.Clip => Protos.Reco.V1.ItemKind.Clip,
        _ => Protos.Reco.V1.ItemKind.Product,
    };

    private static Protos.Reco.V1.RecallChannel MapChannel(Domain.RecallChannel c) => c switch
    {
        Domain.RecallChannel.Context => Protos.Reco.V1.RecallChannel.Context,
        Domain.RecallChannel.ItemToItem => Protos.Reco.V1.RecallChannel.ItemToItem,
        Domain.RecallChannel.Embedding => Protos.Reco.V1.RecallChannel.Embedding,
        Domain.RecallChannel.InterestTag => Protos.Reco.V1.RecallChannel.InterestTag,
        Domain.RecallChannel.RelatedCategory => Protos.Reco.V1.RecallChannel.RelatedCategory,
        Domain.RecallChannel.Fresh => Protos.Reco.V1.RecallChannel.FreshContent,
        _ => Protos.Reco.V1.RecallChannel.Trending,
    };

    private static Protos.Reco.V1.CategoryRelation MapRelation(CategoryRelation r) =>
        r == CategoryRelation.Complementary ? Protos.Reco.V1.CategoryRelation.Complementary : Protos.Reco.V1.CategoryRelation.Substitute;

    private static ProtoScenario MapScenario(DomainScenario s) => s switch
    {
        DomainScenario.ShortVideo => ProtoScenario.ShortVideo,
        DomainScenario.Live => ProtoScenario.Live,
        _ => ProtoScenario.Mall,
    };

    private static Protos.Reco.V1.TagFacet MapFacet(Domain.TagFacet f) => f switch
    {
        Domain.TagFacet.Style => Protos.Reco.V1.TagFacet.Style,
        Domain.TagFacet.Material => Protos.Reco.V1.TagFacet.Material,
        Domain.TagFacet.Occasion => Protos.Reco.V1.TagFacet.Occasion,
        Domain.TagFacet.Colour => Protos.Reco.V1.TagFacet.Colour,
        _ => Protos.Reco.V1.TagFacet.Keyword,
    };

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_:.\\-]{0,127}$")]
    private static partial Regex IdPattern();
}
