using System.ComponentModel.DataAnnotations;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Cnucnm.Api.Security;
using Cnucnm.Silo.Hosting;
using Cnucnm.Storage.Identity;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Cnucnm.Api.Demo;

/// <summary>The demo farm at start (<c>--demo</c>, or <c>Cnucnm:Demo:Enabled</c>): off by default.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Cnucnm:Demo";

    /// <summary>Build the demo farm once the service listens.</summary>
    public bool Enabled { get; set; }

    /// <summary>The account that owns the demo farm (made when missing).</summary>
    [EmailAddress]
    public string Email { get; set; } = "demo@cnucnm.example";

    /// <summary>Its password when the account is made; empty: a random one, printed in the log.</summary>
    public string? Password { get; set; }

    /// <summary>Seed of the simulators: the same seed gives the same farm.</summary>
    public int Seed { get; set; } = 1;
}

/// <summary>
/// Builds the demo farm (<see cref="DemoFarmSeeder"/>) through the service's own HTTP API once it listens, as the demo
/// account, and logs how to sign in. The account comes from the account store as the bootstrap administrator does; the farm
/// and everything on it go through the public endpoints.
/// </summary>
internal sealed partial class DemoFarmService(
    IOptions<DemoOptions> options, IServer server, IHostApplicationLifetime lifetime, IUserStore users, AccountService accounts,
    TokenService tokens, TimeProvider clock, ILogger<DemoFarmService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var demo = options.Value;
        if (!demo.Enabled)
        {
            return;
        }

        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        try
        {
            string? password = null;
            var user = await users.FindByEmailAsync(demo.Email, stoppingToken);
            if (user is null)
            {
                password = string.IsNullOrEmpty(demo.Password) ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)) : demo.Password;
                user = await accounts.RegisterAsync(demo.Email, "Demo farmer", password, "ko", stoppingToken)
                    ?? await users.FindByEmailAsync(demo.Email, stoppingToken)
                    ?? throw new InvalidOperationException($"the demo account {demo.Email} could not be made.");
            }

            var token = await tokens.IssueAsync(user, null, stoppingToken);
            using var client = new HttpClient { BaseAddress = OwnAddress(), Timeout = TimeSpan.FromMinutes(2) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
            var result = await new DemoFarmSeeder(client, demo.Seed).SeedAsync(clock, stoppingToken);
            if (result.Created)
            {
                LogCreated(logger, result.FarmName, result.Animals, result.Records, result.Readings, result.HistoryDays, result.Elapsed.TotalSeconds);
            }
            else
            {
                LogFound(logger, result.FarmName);
            }

            LogSignIn(logger, client.BaseAddress!, demo.Email, password ?? "(the password it was made with)");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, exception);
        }
    }

    /// <summary>The first address the server listens on, with a wildcard host made loopback.</summary>
    private Uri OwnAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the server reports no address.");
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }

        return uri.Uri;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo farm '{FarmName}' built: {Animals} animals, {Records} records, {Readings} intake readings, {HistoryDays} imported intake days in {Seconds:0.0} s")]
    private static partial void LogCreated(ILogger logger, string farmName, int animals, int records, int readings, int historyDays, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo farm '{FarmName}' is already there; nothing added")]
    private static partial void LogFound(ILogger logger, string farmName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo farm: open {Address} and sign in as {Email} with password {Password}")]
    private static partial void LogSignIn(ILogger logger, Uri address, string email, string password);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo farm could not be built")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

/// <summary>Registration of the demo farm option.</summary>
public static class DemoSetup
{
    /// <summary>The command line's <c>--demo</c> as <c>--Cnucnm:Demo:Enabled=true</c> (configuration needs a key and a value).</summary>
    public static string[] ExpandDemoSwitch(string[] args) =>
        [.. args.Select(a => a == "--demo" ? $"--{DemoOptions.SectionName}:{nameof(DemoOptions.Enabled)}=true" : a)];

    public static void AddCnucnmDemo(this WebApplicationBuilder builder)
    {
        builder.AddSettings<DemoOptions>(DemoOptions.SectionName);
        builder.Services.AddHostedService<DemoFarmService>();
    }
}
