namespace Commerce.CsAgent.Domain.Agent;

/// <summary>The platform's standard policy texts the agent quotes (stores on the platform share them).</summary>
public static class StorePolicy
{
    public const string ShippingId = "policy:shipping";
    public const string ReturnsId = "policy:returns";

    public static string Shipping(string language) => language == "zh"
        ? "下单后48小时内发货，默认中通或顺丰，一般2-4天送达；满99元包邮，偏远地区除外。"
        : "Orders ship within 48 hours by ZTO or SF Express and usually arrive in 2-4 days; shipping is free over 99 CNY except to remote areas.";

    public static string Returns(string language) => language == "zh"
        ? "签收后7天内支持无理由退货（商品完好不影响二次销售）；质量问题退货运费由商家承担；尺码不合适可在15天内免费换货。"
        : "You can return any item within 7 days of delivery without a reason if it is intact; for quality problems the store pays return shipping; a size that does not fit can be exchanged free within 15 days.";
}
