using System.Globalization;
using Commerce.CsAgent.Domain.Knowledge;
using Commerce.CsAgent.Domain.Orders;

namespace Commerce.CsAgent.Domain.Agent;

/// <summary>
/// Template wording of replies in both languages. Facts go in verbatim (the value a merchant declared is the value the
/// buyer reads), so a reply is checkable against its citations.
/// </summary>
public static class ReplyWording
{
    private static readonly HashSet<string> ConceptWords = ["material", "colour", "color", "fabric"];

    public static string Facts(IReadOnlyList<ProductFact> facts, string language)
    {
        var zh = language == TextLanguage.Chinese;
        var parts = new List<string>();
        var attributeSentences = new List<string>();
        foreach (var f in facts)
        {
            switch (f.Source)
            {
                case FactSource.DetailAttribute:
                    attributeSentences.Add(zh ? $"{f.Attribute.Replace('_', ' ')}是{f.Value}" : $"the {Subject(f.Attribute)} is {f.Value}");
                    break;
                case FactSource.DetailText:
                    parts.Add(zh ? $"商品详情页写明：{f.Value}。" : $"The product page says: {f.Value}.");
                    break;
                case FactSource.Review:
                    parts.Add(zh ? $"{f.Support}条买家评价提到{f.Value}。" : $"{f.Support} buyer review{(f.Support == 1 ? "" : "s")} say it {f.Value}.");
                    break;
                case FactSource.ResolvedDialog:
                    parts.Add(f.Value);
                    break;
            }
        }

        if (attributeSentences.Count > 0)
        {
            var joined = string.Join(zh ? "；" : "; ", attributeSentences);
            parts.Insert(0, (zh ? joined : char.ToUpperInvariant(joined[0]) + joined[1..]) + (zh ? "。" : "."));
        }

        return string.Join(zh ? "" : " ", parts);
    }

    /// <summary>strap_material -> "strap"; waterproof_rating -> "waterproof rating"; material -> "material".</summary>
    public static string Subject(string key)
    {
        var words = key.Split('_', ' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 1 && ConceptWords.Contains(words[^1])) return string.Join(' ', words[..^1]);
        return string.Join(' ', words);
    }

    public static string OrderStatus(OrderRecord o, string language)
    {
        var zh = language == TextLanguage.Chinese;
        string D(DateTimeOffset? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?";
        return (o.State, zh) switch
        {
            (FulfilmentState.Placed, false) => $"Order {o.OrderId} was placed on {D(o.PlacedAt)} and has not shipped yet; orders ship within 48 hours.",
            (FulfilmentState.Placed, true) => $"订单{o.OrderId}于{D(o.PlacedAt)}下单，尚未发货，48小时内发出。",
            (FulfilmentState.Shipped, false) => $"Order {o.OrderId} shipped on {D(o.ShippedAt)} with {o.Carrier}, tracking number {o.TrackingNumber}.",
            (FulfilmentState.Shipped, true) => $"订单{o.OrderId}已于{D(o.ShippedAt)}由{o.Carrier}发出，运单号{o.TrackingNumber}。",
            (FulfilmentState.Delivered, false) => $"Order {o.OrderId} was delivered on {D(o.DeliveredAt)}.",
            (FulfilmentState.Delivered, true) => $"订单{o.OrderId}已于{D(o.DeliveredAt)}签收。",
            (FulfilmentState.ReturnStarted, false) => $"A return is under way for order {o.OrderId}; the refund follows when the parcel is back.",
            (FulfilmentState.ReturnStarted, true) => $"订单{o.OrderId}正在退货中，退回后即退款。",
            (FulfilmentState.Refunded, false) => $"Order {o.OrderId} has been refunded.",
            _ => $"订单{o.OrderId}已退款。",
        };
    }

    public static string Money(decimal amount, string currency, string language) =>
        language == TextLanguage.Chinese ? $"{amount.ToString("0.00", CultureInfo.InvariantCulture)}元" : $"{amount.ToString("0.00", CultureInfo.InvariantCulture)} {currency}";
}
