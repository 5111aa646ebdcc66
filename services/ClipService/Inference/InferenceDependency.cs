using Commerce.Clip.Domain;
using Grpc.Core;

namespace Commerce.Clip.Inference;

/// <summary>
/// How a clip job hears InferenceHost's failures: down, overloaded, too slow, or without the model yet (a deployment
/// whose repository is still being built) is <see cref="ScorerUnavailableException"/>, and the job goes back to the
/// queue with back-off; a refused request (wrong tensor name, dtype or shape) is a bug here, which fails the job with
/// the host's reason instead of retrying for ever.
/// </summary>
public static class InferenceDependency
{
    public static async Task<T> CallAsync<T>(string model, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted
                                          or StatusCode.NotFound)
        {
            throw new ScorerUnavailableException($"InferenceHost's {model} did not answer ({ex.StatusCode}: {ex.Status.Detail})", ex);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            // The worker is stopping: the job must be requeued at the next start, not failed.
            throw new OperationCanceledException("stopped while calling InferenceHost", ex, cancellationToken);
        }
        catch (RpcException ex)
        {
            throw new InvalidOperationException($"InferenceHost refused {model}: {ex.StatusCode} {ex.Status.Detail}", ex);
        }
    }
}
