using Grpc.Core;

namespace Commerce.ServiceDefaults.Identity;

public static class CallerContextExtensions
{
    public static Caller GetCaller(this ServerCallContext context)
    {
        string? Header(string name) => context.RequestHeaders.GetValue(name) is { Length: > 0 } v ? v : null;

        var roles = Header(CallerHeaders.Roles)?
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.Ordinal) ?? [];
        return new Caller(Header(CallerHeaders.UserId), Header(CallerHeaders.MerchantId), roles);
    }
}
