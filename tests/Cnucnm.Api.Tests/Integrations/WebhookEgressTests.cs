using System.Net;
using System.Net.Sockets;
using Cnucnm.Silo.Hosting.Webhooks;
using Cnucnm.Storage.Webhooks;

namespace Cnucnm.Api.Tests.Integrations;

/// <summary>Deliveries reach public addresses only, unless the operator allows private networks.</summary>
public sealed class WebhookEgressTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("1.1.1.1", true)]
    [InlineData("2001:4860:4860::8888", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)] // cloud metadata
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("64:ff9b::a9fe:a9fe", false)] // NAT64 of 169.254.169.254
    [InlineData("2002:7f00:1::1", false)]     // 6to4 of 127.0.0.1
    [InlineData("2001:0:4136:e378::1", false)] // Teredo
    [InlineData("::127.0.0.1", false)]        // IPv4-compatible
    [InlineData("2001:db8::1", false)]        // documentation
    [InlineData("ff02::1", false)]
    public void Only_globally_routable_addresses_are_public(string address, bool expected) =>
        Assert.Equal(expected, WebhookEgress.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task A_delivery_to_a_loopback_receiver_is_refused_before_connecting_unless_private_networks_are_allowed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/hook";

        using var guarded = Client(allowPrivateNetworks: false);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => guarded.PostAsync(url, new StringContent("{}"), Ct));
        Assert.Contains("may not reach", refused.Message + refused.InnerException?.Message, StringComparison.Ordinal);
        Assert.False(listener.Pending());

        using var open = Client(allowPrivateNetworks: true);
        var sending = open.PostAsync(url, new StringContent("{}"), Ct);
        using (var accepted = await listener.AcceptTcpClientAsync(Ct))
        {
            Assert.True(accepted.Connected);
        }

        // Connected, then closed without an answer.
        await Assert.ThrowsAsync<HttpRequestException>(() => sending);
    }

    [Fact]
    public async Task A_delivery_the_egress_rules_refuse_is_dead_at_the_first_attempt_with_the_reason_while_an_unreachable_one_is_retried()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now: an ordinary connection failure when allowed

        var refused = await SendOnceAsync(allowPrivateNetworks: false, new Uri($"http://127.0.0.1:{port}/hook"));
        var unreachable = await SendOnceAsync(allowPrivateNetworks: true, new Uri($"http://127.0.0.1:{port}/hook"));

        Assert.Equal(WebhookDeliveryStatus.Dead, refused.NewStatus);
        Assert.Null(refused.NextAttemptAt);
        Assert.Contains("refused by the egress rules", refused.Error, StringComparison.Ordinal);
        Assert.Contains("may not reach", refused.Error, StringComparison.Ordinal);
        Assert.Equal(WebhookDeliveryStatus.Pending, unreachable.NewStatus);
        Assert.NotNull(unreachable.NextAttemptAt);
    }

    private static Task<AttemptOutcome> SendOnceAsync(bool allowPrivateNetworks, Uri url)
    {
        var protector = new WebhookSecretProtector(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var subscriptionId = Guid.NewGuid();
        var sender = new WebhookSender(new SingleClientFactory(Client(allowPrivateNetworks)), new WebhookSecrets(protector),
            new WebhookOptions { MaxAttempts = 5 }, TimeProvider.System);
        var delivery = new ClaimedDelivery(Guid.NewGuid(), subscriptionId, Guid.NewGuid(), "test.event", "{}", url,
            protector.Protect("whsec-test", subscriptionId), 1, 1, DateTimeOffset.UtcNow.AddMinutes(1));
        return sender.SendAsync(delivery, Ct);
    }

    private sealed class SingleClientFactory(HttpClient client) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => client;
    }

    private static HttpClient Client(bool allowPrivateNetworks) => new(new SocketsHttpHandler
    {
        ConnectCallback = (context, cancellationToken) => WebhookEgress.ConnectAsync(context, allowPrivateNetworks, cancellationToken),
    }) { Timeout = TimeSpan.FromSeconds(5) };
}
