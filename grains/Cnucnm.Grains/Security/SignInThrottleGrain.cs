using System.Diagnostics.Metrics;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Security;
using Microsoft.Extensions.Logging;

namespace Cnucnm.Grains.Security;

/// <summary>
/// One account name's failed password checks per source, in memory (a silo's restart forgets them, which costs an
/// attacker's wait at most). Kept alive as long as the longest wait, and bounded: past
/// <see cref="MaxSources"/> sources the idle ones are dropped first, then the oldest.
/// </summary>
[GrainType("sign-in-throttle")]
[CollectionAgeLimit(Minutes = 20)]
public sealed class SignInThrottleGrain(TimeProvider clock) : Grain, ISignInThrottleGrain
{
    public const int MaxSources = 1000;

    private readonly Dictionary<string, SignInThrottle> _sources = new(StringComparer.Ordinal);

    public Task<TimeSpan> WaitBeforeAsync(string source, CancellationToken cancellationToken) =>
        Task.FromResult(_sources.TryGetValue(source, out var throttle) ? throttle.WaitBefore(clock.GetUtcNow()) : TimeSpan.Zero);

    public Task<TimeSpan> FailedAsync(string source, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!_sources.TryGetValue(source, out var throttle))
        {
            if (_sources.Count >= MaxSources)
            {
                Trim(now);
            }

            throttle = SignInThrottle.PerAccountSource();
            _sources[source] = throttle;
        }

        return Task.FromResult(throttle.Failed(now));
    }

    public Task SucceededAsync(string source, CancellationToken cancellationToken)
    {
        _sources.Remove(source);
        return Task.CompletedTask;
    }

    private void Trim(DateTimeOffset now)
    {
        foreach (var idle in _sources.Where(s => s.Value.IsIdle(now)).Select(s => s.Key).ToList())
        {
            _sources.Remove(idle);
        }

        while (_sources.Count >= MaxSources)
        {
            _sources.Remove(_sources.MinBy(s => s.Value.LastFailure)!.Key);
        }
    }
}

/// <summary>
/// One source's failed password checks across account names. Wrong passwords for <see cref="SprayAccounts"/> or
/// more different names within <see cref="SprayWindow"/> is password spraying (OWASP Authentication Cheat Sheet):
/// it is logged as a warning and counted in <c>cnucnm.auth.spray_alerts</c> (the alert rule watches it), and the
/// source as a whole waits as a single account's source would.
/// </summary>
[GrainType("sign-in-source")]
[CollectionAgeLimit(Minutes = 20)]
public sealed partial class SignInSourceGrain(TimeProvider clock, ILogger<SignInSourceGrain> logger) : Grain, ISignInSourceGrain
{
    public const int SprayAccounts = 10;
    public static readonly TimeSpan SprayWindow = TimeSpan.FromMinutes(10);
    private const int MaxRemembered = 1000;

    private static readonly Counter<long> SprayAlerts = Telemetry.Meter.CreateCounter<long>("cnucnm.auth.spray_alerts",
        description: "Sources that failed passwords for many different accounts (password spraying)");

    private readonly Dictionary<string, DateTimeOffset> _accounts = new(StringComparer.Ordinal);
    private readonly SignInThrottle _spraying = SignInThrottle.PerAccountSource();
    private bool _alerted;

    public Task<TimeSpan> WaitBeforeAsync(CancellationToken cancellationToken) => Task.FromResult(_spraying.WaitBefore(clock.GetUtcNow()));

    public Task<TimeSpan> FailedAsync(string accountKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var old in _accounts.Where(a => now - a.Value >= SprayWindow).Select(a => a.Key).ToList())
        {
            _accounts.Remove(old);
        }

        if (_accounts.Count < MaxRemembered)
        {
            _accounts[accountKey] = now;
        }

        if (_accounts.Count < SprayAccounts)
        {
            _alerted = false;
            return Task.FromResult(TimeSpan.Zero);
        }

        if (!_alerted)
        {
            _alerted = true;
            SprayAlerts.Add(1);
            LogSpray(logger, this.GetPrimaryKeyString(), _accounts.Count, SprayWindow.TotalMinutes);
        }

        return Task.FromResult(_spraying.Failed(now));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Password spraying: source {Source} failed sign-ins for {Accounts} account names within {Minutes} minutes; its sign-ins are slowed down")]
    private static partial void LogSpray(ILogger logger, string source, int accounts, double minutes);
}
