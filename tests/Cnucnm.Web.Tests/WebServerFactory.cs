using System.Globalization;
using System.Security.Cryptography;
using Cnucnm.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cnucnm.Web.Tests;

/// <summary>The whole API on Kestrel (a browser needs a real socket) with a co-hosted silo on its own database.</summary>
public sealed class WebServerFactory(Dictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@cnucnm.test";
    public const string AdminPassword = "admin-password-1";

    /// <summary>Starts the server on <paramref name="postgres"/>, sending e-mail to <paramref name="smtp"/>.</summary>
    public static async Task<WebServerFactory> StartAsync(PostgresServer postgres, SmtpReceiver smtp)
    {
        var settings = new Dictionary<string, string?>(smtp.ApiSettings("http://cnucnm.test"))
        {
            ["Cnucnm:Profile"] = "Postgres",
            ["ConnectionStrings:Cnucnm"] = await postgres.CreateDatabaseAsync("cnucnm_web"),
            ["Cnucnm:MigrateOnStart"] = "true",
            ["Cnucnm:ClusterId"] = $"web-test-{Guid.NewGuid():N}"[..24],
            ["Cnucnm:Silo:SiloPort"] = PostgresServer.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Cnucnm:Silo:GatewayPort"] = PostgresServer.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Cnucnm:Silo:AdvertisedAddress"] = "127.0.0.1",
            ["Cnucnm:Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Cnucnm:Auth:BootstrapAdmin:Email"] = AdminEmail,
            ["Cnucnm:Auth:BootstrapAdmin:Password"] = AdminPassword,
            ["Cnucnm:RateLimits:AnonymousPerMinute"] = "100000",
            ["Cnucnm:RateLimits:UserPerSecond"] = "100000",
            ["Cnucnm:RateLimits:UserBurst"] = "100000",
        };
        var factory = new WebServerFactory(settings) { Smtp = smtp };
        factory.UseKestrel(0);
        factory.StartServer();
        return factory;
    }

    /// <summary>The in-process SMTP server this server sends its e-mails to.</summary>
    public SmtpReceiver Smtp { get; private init; } = null!;

    /// <summary>Where the browser finds the server (http://127.0.0.1:port/).</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
