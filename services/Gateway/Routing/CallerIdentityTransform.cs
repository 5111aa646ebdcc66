using System.Security.Claims;
using Commerce.Gateway.Auth;
using Commerce.ServiceDefaults.Identity;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Commerce.Gateway.Routing;

public static class CallerIdentityTransform
{
    /// <summary>
    /// Replaces whatever identity headers a client sent with the ones the verified token says, so a service can trust
    /// them: a buyer cannot claim to be another buyer by setting a header.
    /// </summary>
    public static TransformBuilderContext AddCallerIdentityHeaders(this TransformBuilderContext context)
    {
        context.AddRequestTransform(transform =>
        {
            var headers = transform.ProxyRequest.Headers;
            foreach (var name in CallerHeaders.All) headers.Remove(name);

            var user = transform.HttpContext.User;
            if (user.Identity?.IsAuthenticated != true) return ValueTask.CompletedTask;

            if (user.FindFirstValue(GatewayClaims.Subject) is { } userId) headers.TryAddWithoutValidation(CallerHeaders.UserId, userId);
            if (user.FindFirstValue(GatewayClaims.MerchantId) is { } merchantId) headers.TryAddWithoutValidation(CallerHeaders.MerchantId, merchantId);
            var roles = user.FindAll(GatewayClaims.Role).Select(c => c.Value).Where(CallerRole.All.Contains);
            headers.TryAddWithoutValidation(CallerHeaders.Roles, string.Join(',', roles));
            return ValueTask.CompletedTask;
        });
        return context;
    }
}
