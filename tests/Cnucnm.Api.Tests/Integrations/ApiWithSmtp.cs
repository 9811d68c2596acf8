using Cnucnm.Testing;

namespace Cnucnm.Api.Tests.Integrations;

/// <summary>The API on PostgreSQL with its e-mail settings pointing at an in-process SMTP server, for the
/// tests that follow a request to the e-mail it sends. Links in those e-mails start with <see cref="PublicBaseUrl"/>.</summary>
public sealed class ApiWithSmtp : IAsyncDisposable
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
        var configuration = smtp.ApiSettings(PublicBaseUrl);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        try
        {
            var api = await CnucnmApiFactory.StartAsync(postgres, configuration);
            api.Smtp = smtp;
            return new ApiWithSmtp(smtp, api);
        }
        catch
        {
            await smtp.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
