using Cnucnm.Testing;
using Microsoft.Playwright;

namespace Cnucnm.Web.Tests;

/// <summary>A PostgreSQL server, the API on Kestrel and one Chromium, shared by every browser test.</summary>
public sealed class WebFixture : IAsyncLifetime
{
    /// <summary>Chromium from the distribution (apt-get install chromium); Playwright downloads nothing.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly PostgresServer _postgres = new();
    private readonly SmtpReceiver _smtp = new();
    private IPlaywright? _playwright;

    public WebServerFactory Server { get; private set; } = null!;

    /// <summary>Where the server's e-mails arrive.</summary>
    public SmtpReceiver Smtp => _smtp;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await _postgres.InitializeAsync();
        _postgres.RequireAvailable();
        Assert.True(File.Exists(ChromiumPath), $"Chromium is missing at {ChromiumPath}: apt-get install -y chromium fonts-nanum (.ci/run does).");
        Server = await WebServerFactory.StartAsync(_postgres, _smtp);
        // CI runs every test project at once on 2 cores: page loads get time; the latency assertions
        // (intake on screen within 2 s) pass their own timeout.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Args = ["--no-sandbox"] });
    }

    /// <summary>A fresh browser context (own storage, so its own sign-in) with a page on the server.</summary>
    public async Task<IPage> NewPageAsync(string? locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Server.BaseAddress.ToString().TrimEnd('/'),
            Locale = locale,
            AcceptDownloads = true,
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        await _smtp.DisposeAsync();
        await _postgres.DisposeAsync();
    }
}
