using Grpc.Core;

namespace Commerce.TryOn.Inference;

/// <summary>
/// What a TryOn caller hears when InferenceHost fails: Unavailable (retry later) when the host is down, overloaded or
/// too slow; Internal when it refused our own request, which is a bug here and not the caller's to fix.
/// </summary>
public static class InferenceDependency
{
    public static async Task<T> CallAsync<T>(string model, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted)
        {
            throw new RpcException(new Status(StatusCode.Unavailable,
                $"try-on rendering is unavailable: InferenceHost's {model} did not answer ({ex.StatusCode}); retry in a few seconds"));
        }
        catch (RpcException ex) when (ex.StatusCode != StatusCode.Cancelled)
        {
            throw new InvalidOperationException($"InferenceHost refused {model}: {ex.StatusCode} {ex.Status.Detail}", ex);
        }
    }
}
