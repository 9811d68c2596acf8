using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace Cnucnm.Silo.Hosting.Webhooks;

/// <summary>
/// Where webhook deliveries may connect. A farm owner chooses the URL, so without this a subscription could make the
/// silo POST to its own network: loopback, private ranges, link-local (including the cloud metadata address
/// 169.254.169.254). The check runs on the addresses the name resolves to at connect time, so a name that later
/// resolves elsewhere (DNS rebinding) is caught as well. <see cref="WebhookOptions.AllowPrivateNetworks"/> lifts it
/// for receivers on the farm's own network.
/// </summary>
public static class WebhookEgress
{
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivateNetworks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = allowPrivateNetworks ? addresses : [.. addresses.Where(IsPublic)];
        if (allowed.Length == 0)
        {
            throw new WebhookEgressRefusedException(
                $"{host} resolves only to loopback, private, link-local or reserved addresses, which webhooks may not reach ({WebhookOptions.SectionName}:AllowPrivateNetworks).");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>True for a globally routable unicast address (RFC 6890 special-purpose ranges excluded).</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] is 0 or 10 or 127 or >= 224                 // this network, private, loopback, multicast and reserved
                     || (b[0] == 100 && b[1] is >= 64 and <= 127)     // shared address space (carrier-grade NAT)
                     || (b[0] == 169 && b[1] == 254)                  // link-local, cloud metadata
                     || (b[0] == 172 && b[1] is >= 16 and <= 31)      // private
                     || (b[0] == 192 && b[1] == 168)                  // private
                     || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)  // IETF protocol assignments, documentation
                     || (b[0] == 198 && b[1] is 18 or 19));           // benchmarking
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            // Only global unicast 2000::/3 (RFC 4291), which leaves out loopback, link-local, unique local,
            // multicast, IPv4-compatible ::/96 and NAT64 64:ff9b::/96. Inside it, the ranges that carry or
            // reach an IPv4 address (6to4 2002::/16, Teredo 2001::/32) and documentation 2001:db8::/32 are refused.
            var b = address.GetAddressBytes();
            return (b[0] & 0xE0) == 0x20
                   && !(b[0] == 0x20 && b[1] == 0x02)
                   && !(b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00)
                   && !(b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8);
        }

        return false;
    }
}

/// <summary>The egress rules refuse the target: no retry can succeed, so the delivery is dead-lettered at once.</summary>
public sealed class WebhookEgressRefusedException(string message) : HttpRequestException(message);
