using System.Globalization;
using System.Text.RegularExpressions;
using Cnucnm.Testing;
using MimeKit;

namespace Cnucnm.Api.Tests.Integrations;

/// <summary>The API on PostgreSQL with its e-mail settings pointing at an in-process SMTP server, for the
/// tests that follow a request to the e-mail it sends. Links in those e-mails start with <see cref="PublicBaseUrl"/>.</summary>
public sealed partial class ApiWithSmtp : IAsyncDisposable
{
    public const string PublicBaseUrl = "https://cnucnm.example";

    private ApiWithSmtp(SmtpReceiver smtp, CnucnmApiFactory api)
    {
        Smtp = smtp;
        Api = api;
    }

    public SmtpReceiver Smtp { get; }

    public CnucnmApiFactory Api { get; }

    /// <summary>Starts the SMTP server, then the API sending to it; <paramref name="settings"/> add to or override the e-mail settings.</summary>
    public static async Task<ApiWithSmtp> StartAsync(PostgresServer postgres, IReadOnlyDictionary<string, string?>? settings = null)
    {
        postgres.RequireAvailable();
        var smtp = new SmtpReceiver();
        var configuration = new Dictionary<string, string?>
        {
            ["Cnucnm:Email:SmtpHost"] = "127.0.0.1",
            ["Cnucnm:Email:SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Cnucnm:Email:Security"] = "None",
            ["Cnucnm:Email:PublicBaseUrl"] = PublicBaseUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        try
        {
            return new ApiWithSmtp(smtp, await CnucnmApiFactory.StartAsync(postgres, configuration));
        }
        catch
        {
            await smtp.DisposeAsync();
            throw;
        }
    }

    /// <summary>The token of the web-app link in an e-mail (<c>{PublicBaseUrl}/#/{page}?token=…</c>), checking the page it opens.</summary>
    public static string LinkToken(MimeMessage message, string page)
    {
        var match = LinkPattern().Match(message.TextBody ?? "");
        Assert.True(match.Success, $"no link in: {message.TextBody}");
        Assert.Equal(page, match.Groups["page"].Value);
        return match.Groups["token"].Value;
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    [GeneratedRegex(@"https://cnucnm\.example/#/(?<page>[a-z-]+)\?token=(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();
}
