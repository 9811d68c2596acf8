namespace Cnucnm.Grains.Security;

/// <summary>
/// Growing delays after wrong passwords, per key (a source of one account name, or a whole source). Follows the OWASP
/// Authentication Cheat Sheet ("Account Lockout" and "Protect Against Automated Attacks"): a few free mistakes, then
/// an exponentially growing wait capped at <see cref="MaxWait"/>, forgotten after <see cref="ForgetAfter"/> without
/// a failure; instead of locking the account for everyone, which anybody could do to anybody.
/// Pure: the grains keep one per key and pass the time in.
/// </summary>
public sealed class SignInThrottle(int freeFailures, TimeSpan firstWait, TimeSpan maxWait, TimeSpan forgetAfter)
{
    /// <summary>Per source of one account name: 3 free mistakes, then 1 s, 2 s, 4 s … up to 15 minutes.</summary>
    public static SignInThrottle PerAccountSource() => new(3, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1));

    public int FreeFailures => freeFailures;

    public TimeSpan MaxWait => maxWait;

    public TimeSpan ForgetAfter => forgetAfter;

    public int Failures { get; private set; }

    public DateTimeOffset? LastFailure { get; private set; }

    /// <summary>Zero when a password check may go ahead now.</summary>
    public TimeSpan WaitBefore(DateTimeOffset now)
    {
        Forget(now);
        if (LastFailure is not { } last || Failures <= freeFailures)
        {
            return TimeSpan.Zero;
        }

        var until = last + Wait(Failures - freeFailures);
        return until > now ? until - now : TimeSpan.Zero;
    }

    /// <summary>Counts a failure; returns the wait before the next check.</summary>
    public TimeSpan Failed(DateTimeOffset now)
    {
        Forget(now);
        Failures++;
        LastFailure = now;
        return WaitBefore(now);
    }

    public void Succeeded()
    {
        Failures = 0;
        LastFailure = null;
    }

    /// <summary>True when nothing is remembered any more (the grain may drop the key).</summary>
    public bool IsIdle(DateTimeOffset now)
    {
        Forget(now);
        return Failures == 0;
    }

    /// <summary>The wait after the n-th failure beyond the free ones: firstWait · 2^(n-1), capped.</summary>
    private TimeSpan Wait(int beyondFree)
    {
        var doublings = Math.Min(beyondFree - 1, 30);
        var ticks = Math.Min(firstWait.Ticks * (1L << doublings), maxWait.Ticks);
        return TimeSpan.FromTicks(ticks);
    }

    private void Forget(DateTimeOffset now)
    {
        if (LastFailure is { } last && now - last >= forgetAfter)
        {
            Succeeded();
        }
    }
}
