namespace Commerce.Reco.Domain;

/// <summary>Where a buyer is; profiles keep one slice per scenario and a merged one.</summary>
public enum Scenario { ShortVideo = 0, Live = 1, Mall = 2 }

public enum ItemKind { Product = 0, LiveRoom = 1, Clip = 2 }

public enum InteractionAction { Impression, Click, Like, AddToCart, Purchase, TryOn, Comment, Watch }

public enum TagFacet { Style, Material, Occasion, Colour, Keyword }

public enum CategoryRelation { Complementary, Substitute }

/// <summary>The recall channels, in the order of the ranker's channel features.</summary>
public enum RecallChannel { Context = 0, ItemToItem = 1, Embedding = 2, InterestTag = 3, RelatedCategory = 4, Fresh = 5, Trending = 6 }

public sealed record ItemTag(string Text, TagFacet Facet);

/// <summary>One buyer action; <see cref="EventId"/> makes replays and redeliveries harmless.</summary>
public sealed record Interaction(string EventId, string UserId, string ItemId, InteractionAction Action, Scenario Scenario,
    DateTimeOffset At, double WatchSeconds = 0);

public static class Scenarios
{
    public const int Count = 3;
    public static readonly Scenario[] All = [Scenario.ShortVideo, Scenario.Live, Scenario.Mall];

    public static bool TryParse(string? text, out Scenario scenario)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "SHORT_VIDEO" or "SCENARIO_SHORT_VIDEO" or "SHORTVIDEO": scenario = Scenario.ShortVideo; return true;
            case "LIVE" or "SCENARIO_LIVE": scenario = Scenario.Live; return true;
            case "MALL" or "SCENARIO_MALL": scenario = Scenario.Mall; return true;
            default: scenario = Scenario.Mall; return false;
        }
    }

    public static string Name(Scenario s) => s switch { Scenario.ShortVideo => "SHORT_VIDEO", Scenario.Live => "LIVE", _ => "MALL" };
}

public static class InteractionActions
{
    public static bool TryParse(string? text, out InteractionAction action)
    {
        switch (text?.Trim().ToLowerInvariant().Replace("-", "_"))
        {
            case "impression": action = InteractionAction.Impression; return true;
            case "click": action = InteractionAction.Click; return true;
            case "like": action = InteractionAction.Like; return true;
            case "add_to_cart" or "addtocart" or "cart": action = InteractionAction.AddToCart; return true;
            case "purchase" or "buy": action = InteractionAction.Purchase; return true;
            case "try_on" or "tryon": action = InteractionAction.TryOn; return true;
            case "comment": action = InteractionAction.Comment; return true;
            case "watch": action = InteractionAction.Watch; return true;
            default: action = InteractionAction.Impression; return false;
        }
    }

    public static string Name(InteractionAction a) => a switch
    {
        InteractionAction.AddToCart => "add_to_cart",
        InteractionAction.TryOn => "try_on",
        _ => a.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// Strength of intent. An impression alone says nothing (it was our choice to show it); a purchase says most. Watch
    /// time counts as a click per 30 s, capped, so a clip left running is not mistaken for a purchase.
    /// </summary>
    public static double Weight(InteractionAction action, double watchSeconds) => action switch
    {
        InteractionAction.Impression => 0,
        InteractionAction.Click => 1,
        InteractionAction.Like => 2,
        InteractionAction.Comment => 2,
        InteractionAction.Watch => Math.Clamp(watchSeconds / 30.0, 0.2, 2.0),
        InteractionAction.AddToCart => 3,
        InteractionAction.TryOn => 3,
        InteractionAction.Purchase => 5,
        _ => 0,
    };

    /// <summary>Actions that say "I would buy this": the co-interaction graph of categories is mined from these.</summary>
    public static bool IsHighIntent(InteractionAction action) =>
        action is InteractionAction.AddToCart or InteractionAction.Purchase or InteractionAction.TryOn;
}

public static class ItemKinds
{
    public static bool TryParse(string? text, out ItemKind kind)
    {
        switch (text?.Trim().ToLowerInvariant().Replace("-", "_"))
        {
            case "product" or "item_kind_product": kind = ItemKind.Product; return true;
            case "live_room" or "liveroom" or "live" or "item_kind_live_room": kind = ItemKind.LiveRoom; return true;
            case "clip" or "item_kind_clip": kind = ItemKind.Clip; return true;
            default: kind = ItemKind.Product; return false;
        }
    }
}
