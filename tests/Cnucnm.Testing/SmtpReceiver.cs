using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using Xunit;

namespace Cnucnm.Testing;

/// <summary>A real SMTP server in the test process (SmtpServer package) that keeps every message it accepts.</summary>
public sealed partial class SmtpReceiver : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly Store _store = new();

    public SmtpReceiver()
    {
        Port = PostgresServer.FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    public IReadOnlyCollection<MimeMessage> Messages => _store.Messages;

    /// <summary>The API's e-mail settings for sending to this server; links in the e-mails start with <paramref name="publicBaseUrl"/>.</summary>
    public Dictionary<string, string?> ApiSettings(string publicBaseUrl) => new()
    {
        ["Cnucnm:Email:SmtpHost"] = "127.0.0.1",
        ["Cnucnm:Email:SmtpPort"] = Port.ToString(CultureInfo.InvariantCulture),
        ["Cnucnm:Email:Security"] = "None",
        ["Cnucnm:Email:PublicBaseUrl"] = publicBaseUrl,
    };

    /// <summary>The first message to <paramref name="address"/> that arrives within the timeout.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, Func<MimeMessage, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            var message = _store.Messages.FirstOrDefault(m => m.To.Mailboxes.Any(b => b.Address == address) && (match?.Invoke(m) ?? true));
            if (message is not null)
            {
                return message;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"no e-mail to {address} within the timeout");
    }

    /// <summary>The token of the web-app link in an e-mail (<c>…/#/{page}?token=…</c>), checking the page it opens.</summary>
    public static string LinkToken(MimeMessage message, string page)
    {
        var match = LinkPattern().Match(message.TextBody ?? "");
        Assert.True(match.Success, $"no link in: {message.TextBody}");
        Assert.Equal(page, match.Groups["page"].Value);
        return match.Groups["token"].Value;
    }

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // stopped
        }

        _stop.Dispose();
    }

    [GeneratedRegex(@"/#/(?<page>[a-z-]+)\?token=(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
