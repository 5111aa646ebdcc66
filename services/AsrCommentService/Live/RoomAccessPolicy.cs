using Commerce.Asr.Domain.Sessions;
using Commerce.ServiceDefaults.Errors;
using Commerce.ServiceDefaults.Identity;

namespace Commerce.Asr.Live;

/// <summary>
/// Who may watch a room's suggestions: a room exists once a session is planned for it; it is public to any signed-in
/// viewer unless configured private (Asr:PrivateRooms), then only to its listed viewers, its merchant and operators.
/// Anonymous callers are refused (suggestions are for viewers who can comment, and commenting needs an account).
/// </summary>
public sealed class RoomAccessPolicy(AsrOptions options)
{
    public void RequireViewer(Caller caller, LiveSession session)
    {
        if (caller.IsOperator) return;
        var userId = caller.UserId ?? throw new AccessDeniedException("sign in to receive quick comments");
        if (caller.MerchantId == session.MerchantId) return;
        if (options.PrivateRooms.TryGetValue(session.RoomId, out var allowed) && !allowed.Contains(userId, StringComparer.Ordinal))
            throw new AccessDeniedException($"room {session.RoomId} is private and you are not on its viewer list");
    }
}
