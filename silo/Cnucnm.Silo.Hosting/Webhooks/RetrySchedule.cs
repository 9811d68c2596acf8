namespace Cnucnm.Silo.Hosting.Webhooks;

/// <summary>Exponential back-off with full jitter (Brooker, "Exponential Backoff And Jitter", AWS
/// Architecture Blog, 2015): the wait before retry n is uniform on [0, min(max, base × 2^(n−1))], so
/// receivers recovering from an outage are not hit by every sender at the same instant.</summary>
public sealed class RetrySchedule(TimeSpan baseDelay, TimeSpan maxDelay)
{
    /// <summary>The upper bound of the wait after <paramref name="failedAttempts"/> failures (1 = the first).</summary>
    public TimeSpan Ceiling(int failedAttempts)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 62);
        var ticks = baseDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The wait after <paramref name="failedAttempts"/> failures; <paramref name="uniform"/> is a draw from [0, 1).</summary>
    public TimeSpan Delay(int failedAttempts, double uniform) => Ceiling(failedAttempts) * uniform;
}
