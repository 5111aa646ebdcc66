using Grpc.Core;

namespace Commerce.Gateway.Auth;

/// <summary>
/// Answers a refused gRPC call as a gRPC "trailers-only" response, so clients see a real status code (Unauthenticated,
/// PermissionDenied, ResourceExhausted) instead of an HTTP error they would report as Internal or Unavailable.
/// </summary>
public static class GrpcErrorResponse
{
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    public static Task WriteAsync(HttpContext context, StatusCode code, string message)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        return response.CompleteAsync();
    }
}
