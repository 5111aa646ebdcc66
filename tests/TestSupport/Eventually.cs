namespace Commerce.TestSupport;

/// <summary>
/// Waits for an asynchronous outcome (an event consumed, a saga step taken) by polling its observable result until a
/// deadline: the condition, never a fixed sleep, decides when the test goes on.
/// </summary>
public static class Eventually
{
    public static async Task<T> ThatAsync<T>(Func<Task<T?>> probe, TimeSpan within, string what) where T : class
    {
        var deadline = DateTime.UtcNow + within;
        var pause = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            if (await probe() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{what}: not within {within.TotalSeconds:0} s");
            await Task.Delay(pause);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 500));
        }
    }
}
