namespace Cnucnm.Contracts.Security;

/// <summary>
/// Failed password checks of one account name (keyed by <see cref="SignInKeys.Account"/>, whether or not an account
/// has that address), counted per source: a source that keeps failing waits longer and longer, while the same
/// account signs in from any source that has not failed. Cluster-wide, so every API process counts alike.
/// </summary>
[Alias("cnucnm.ISignInThrottleGrain")]
public interface ISignInThrottleGrain : IGrainWithStringKey
{
    /// <summary>How long <paramref name="source"/> must wait before its next password check (zero: go ahead).</summary>
    [Alias("WaitBefore")]
    Task<TimeSpan> WaitBeforeAsync(string source, CancellationToken cancellationToken = default);

    /// <summary>Counts a wrong password from <paramref name="source"/>; returns the wait before its next check.</summary>
    [Alias("Failed")]
    Task<TimeSpan> FailedAsync(string source, CancellationToken cancellationToken = default);

    /// <summary>The right password from <paramref name="source"/>: its count starts again.</summary>
    [Alias("Succeeded")]
    Task SucceededAsync(string source, CancellationToken cancellationToken = default);
}

/// <summary>Wrong passwords from one source (keyed by <see cref="SignInKeys.Source"/>) across account names: many
/// accounts failing from one source is password spraying; it is logged, counted and throttled as a whole.</summary>
[Alias("cnucnm.ISignInSourceGrain")]
public interface ISignInSourceGrain : IGrainWithStringKey
{
    /// <summary>How long the source must wait before any password check (zero: go ahead).</summary>
    [Alias("WaitBefore")]
    Task<TimeSpan> WaitBeforeAsync(CancellationToken cancellationToken = default);

    /// <summary>Counts a wrong password for <paramref name="accountKey"/> from this source; returns the source's wait.</summary>
    [Alias("Failed")]
    Task<TimeSpan> FailedAsync(string accountKey, CancellationToken cancellationToken = default);
}

/// <summary>How the sign-in throttle grains are keyed: never by a readable e-mail address.</summary>
public static class SignInKeys
{
    /// <summary>SHA-256 of the trimmed, lower-cased address (hex): an address is a grain key without appearing in logs or the dashboard.</summary>
    public static string Account(string email) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));

    /// <summary>The client address; an IPv6 address by its /64 network, which one host can fill with addresses.</summary>
    public static string Source(System.Net.IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new System.Net.IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }

    public static ISignInThrottleGrain SignInThrottle(this IGrainFactory grains, string email) => grains.GetGrain<ISignInThrottleGrain>(Account(email));

    public static ISignInSourceGrain SignInSource(this IGrainFactory grains, string source) => grains.GetGrain<ISignInSourceGrain>(source);
}
