namespace Commerce.Clip.Jobs;

/// <summary>Wakes the worker when a job is queued, so it does not wait for its next poll.</summary>
public sealed class JobSignal
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Notify()
    {
        if (_signal.CurrentCount == 0) _signal.Release();
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
