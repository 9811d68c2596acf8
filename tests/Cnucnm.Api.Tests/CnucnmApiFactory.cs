using Cnucnm.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cnucnm.Api.Tests;

/// <summary>The whole API with a co-hosted silo on a real PostgreSQL database of its own.</summary>
public sealed class CnucnmApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private CnucnmApiFactory(Dictionary<string, string?> settings) => _settings = settings;

    public static async Task<CnucnmApiFactory> StartAsync(PostgresServer postgres, IDictionary<string, string?>? extra = null)
    {
        var connectionString = await postgres.CreateDatabaseAsync("cnucnm_api");
        var settings = new Dictionary<string, string?>
        {
            ["Cnucnm:Profile"] = "Postgres",
            ["ConnectionStrings:Cnucnm"] = connectionString,
            ["Cnucnm:MigrateOnStart"] = "true",
            ["Cnucnm:ClusterId"] = $"api-test-{Guid.NewGuid():N}"[..24],
            ["Cnucnm:Silo:SiloPort"] = PostgresServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cnucnm:Silo:GatewayPort"] = PostgresServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cnucnm:Silo:AdvertisedAddress"] = "127.0.0.1",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var factory = new CnucnmApiFactory(settings);
        _ = factory.Server; // start now, so that start-up failures surface here
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
