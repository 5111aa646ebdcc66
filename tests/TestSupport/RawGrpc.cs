using Grpc.Core;
using Grpc.Net.Client;

namespace Commerce.TestSupport;

/// <summary>
/// A unary gRPC call of any method path with raw bytes, so a test can exercise every package without its generated
/// client. Returns the response headers; a non-OK status throws <see cref="RpcException"/> as usual.
/// </summary>
public static class RawGrpc
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    public static async Task<Metadata> CallAsync(GrpcChannel channel, string fullMethodPath, string? bearerToken,
        byte[]? body = null, params (string Name, string Value)[] extraHeaders)
    {
        var parts = fullMethodPath.TrimStart('/').Split('/');
        var method = new Method<byte[], byte[]>(MethodType.Unary, parts[0], parts[1], Bytes, Bytes);
        var headers = new Metadata();
        if (bearerToken is not null) headers.Add("authorization", "Bearer " + bearerToken);
        foreach (var (name, value) in extraHeaders) headers.Add(name, value);

        using var call = channel.CreateCallInvoker().AsyncUnaryCall(method, null,
            new CallOptions(headers, DateTime.UtcNow.AddSeconds(30)), body ?? []);
        await call.ResponseAsync;
        return await call.ResponseHeadersAsync;
    }

    /// <summary>The value of a header that may arrive with the headers or, in a trailers-only error, with the trailers.</summary>
    public static async Task<string?> HeaderOfAnyOutcomeAsync(GrpcChannel channel, string fullMethodPath, string? bearerToken, string header)
    {
        try
        {
            var headers = await CallAsync(channel, fullMethodPath, bearerToken);
            return headers.GetValue(header);
        }
        catch (RpcException ex)
        {
            return ex.Trailers.GetValue(header);
        }
    }
}
