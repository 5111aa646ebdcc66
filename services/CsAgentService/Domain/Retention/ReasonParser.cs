using System.Text.RegularExpressions;

namespace Commerce.CsAgent.Domain.Retention;

/// <summary>The refund reason a buyer's words state, by keyword; NoReason when they state none.</summary>
public static partial class ReasonParser
{
    public static RefundReason Parse(string text)
    {
        var t = text.ToLowerInvariant();
        if (PriceDrop().IsMatch(t)) return RefundReason.PriceDrop;
        if (WrongItem().IsMatch(t)) return RefundReason.WrongItem;
        if (SizeFit().IsMatch(t)) return RefundReason.SizeFit;
        if (Late().IsMatch(t)) return RefundReason.LateDelivery;
        if (NotAsDescribed().IsMatch(t)) return RefundReason.NotAsDescribed;
        if (Quality().IsMatch(t)) return RefundReason.QualityIssue;
        return RefundReason.NoReason;
    }

    [GeneratedRegex(@"price (dropped|drop|went down|is lower)|cheaper now|降价|差价|便宜了")]
    private static partial Regex PriceDrop();

    [GeneratedRegex(@"wrong item|wrong product|wrong colou?r|sent me the wrong|not what i ordered|发错|错发")]
    private static partial Regex WrongItem();

    [GeneratedRegex(@"doesn't fit|does not fit|too (small|big|large|tight)|size|尺码|不合身|太大|太小|偏大|偏小")]
    private static partial Regex SizeFit();

    [GeneratedRegex(@"late|not (arrived|shipped)|still hasn't|taking too long|hasn't shipped|没发货|没到|太慢|迟迟|不发货")]
    private static partial Regex Late();

    [GeneratedRegex(@"not as described|different from the (picture|photo|description)|fake|not real|与描述不符|和图片不一样|假货|不是真皮")]
    private static partial Regex NotAsDescribed();

    [GeneratedRegex(@"broken|defect|damaged|crack|torn|stopped working|smells|质量|坏了|破损|开线|异味|裂")]
    private static partial Regex Quality();
}
