using System.Security.Cryptography;
using System.Text;

namespace Cnucnm.Silo.Hosting.Webhooks;

/// <summary>
/// The signature of a delivery: <c>X-Cnucnm-Signature: v1=hex(HMAC-SHA256(secret, timestamp + "." + body))</c>
/// where timestamp is <c>X-Cnucnm-Timestamp</c> (Unix seconds of the attempt). Signing the timestamp with
/// the body lets a receiver reject replays older than its tolerance. The secret is the string shown when
/// the subscription was created, used as UTF-8 bytes.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Cnucnm-Signature";
    public const string TimestampHeader = "X-Cnucnm-Timestamp";
    public const string EventIdHeader = "X-Cnucnm-Event-Id";
    public const string EventTypeHeader = "X-Cnucnm-Event-Type";
    public const string DeliveryIdHeader = "X-Cnucnm-Delivery-Id";
    public const string AttemptHeader = "X-Cnucnm-Delivery-Attempt";
    public const string Version = "v1";

    public static string Sign(string secret, long timestampSeconds, string body)
    {
        var signed = Encoding.UTF8.GetBytes($"{timestampSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}.{body}");
        return $"{Version}={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed))}";
    }

    /// <summary>What a receiver does: the timestamp is within <paramref name="tolerance"/> of its clock and one
    /// of the header's comma-separated signatures matches (compared in constant time).</summary>
    public static bool Verify(string secret, string? timestampHeader, string body, string? signatureHeader, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(timestampHeader, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var timestamp)
            || signatureHeader is null
            || Math.Abs(now.ToUnixTimeSeconds() - timestamp) > tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        return signatureHeader.Split(',', StringSplitOptions.TrimEntries)
            .Any(candidate => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(candidate)));
    }
}
