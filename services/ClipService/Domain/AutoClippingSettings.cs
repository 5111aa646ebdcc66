namespace Commerce.Clip.Domain;

/// <summary>A merchant's one authorisation for auto-clipping, and what a session yields.</summary>
public sealed record AutoClippingSettings(string MerchantId, bool Enabled, int ClipsPerSession, IReadOnlyList<ClipKind> Kinds,
    CutMode CutMode, DateTimeOffset? UpdatedAt)
{
    public const int DefaultClips = 6;
    public const int MaxClips = 30;

    public static AutoClippingSettings Default(string merchantId) =>
        new(merchantId, false, DefaultClips, ClipKinds.All, CutMode.StreamCopy, null);
}
