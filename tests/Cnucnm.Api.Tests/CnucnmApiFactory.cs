using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Cnucnm.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Cnucnm.Api.Tests;

/// <summary>The whole API with a co-hosted silo on a real PostgreSQL database of its own.</summary>
public sealed class CnucnmApiFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@cnucnm.test";
    public const string AdminPassword = "admin-password-1";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    private CnucnmApiFactory(Dictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        _settings = settings;
        _services = services;
    }

    public string SigningKey => _settings["Cnucnm:Auth:SigningKey"]!;

    /// <summary>The settings this API runs with (another process of the same cluster takes its database, cluster id and keys).</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

    /// <summary>Starts the API; <paramref name="services"/> replaces what a test cannot reach for real (an identity provider's keys);
    /// <paramref name="kestrel"/>: on a real socket (Kestrel's own shutdown behaviour) instead of the in-memory test server.</summary>
    public static async Task<CnucnmApiFactory> StartAsync(PostgresServer postgres, IDictionary<string, string?>? extra = null,
        Action<IServiceCollection>? services = null, bool kestrel = false) =>
        Start(await postgres.CreateDatabaseAsync("cnucnm_api"), $"api-test-{Guid.NewGuid():N}"[..24],
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), extra, services, kestrel);

    /// <summary>
    /// Several API processes, each with its co-hosted silo, on one database and in one Orleans cluster, sharing the
    /// signing key: as a deployment behind a load balancer. Started one after another (the first migrates).
    /// </summary>
    public static async Task<IReadOnlyList<CnucnmApiFactory>> StartClusterAsync(PostgresServer postgres, int processes, IDictionary<string, string?>? extra = null)
    {
        var connectionString = await postgres.CreateDatabaseAsync("cnucnm_api");
        var clusterId = $"api-test-{Guid.NewGuid():N}"[..24];
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var secretKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var factories = new List<CnucnmApiFactory>();
        for (var i = 0; i < processes; i++)
        {
            factories.Add(Start(connectionString, clusterId, signingKey, secretKey, extra, null));
        }

        return factories;
    }

    private static CnucnmApiFactory Start(string connectionString, string clusterId, string signingKey, string secretKey,
        IDictionary<string, string?>? extra, Action<IServiceCollection>? services, bool kestrel = false)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Cnucnm:Profile"] = "Postgres",
            ["ConnectionStrings:Cnucnm"] = connectionString,
            ["Cnucnm:MigrateOnStart"] = "true",
            ["Cnucnm:ClusterId"] = clusterId,
            ["Cnucnm:Silo:AdvertisedAddress"] = "127.0.0.1",
            ["Cnucnm:Auth:SigningKey"] = signingKey,
            ["Cnucnm:Integrations:SecretKey"] = secretKey,
            ["Cnucnm:Integrations:Webhooks:AllowPrivateNetworks"] = "true", // test receivers listen on loopback
            ["Cnucnm:Auth:BootstrapAdmin:Email"] = AdminEmail,
            ["Cnucnm:Auth:BootstrapAdmin:Password"] = AdminPassword,
            // Every test client shares one anonymous partition; rate limits have their own test.
            ["Cnucnm:RateLimits:AnonymousPerMinute"] = "100000",
            ["Cnucnm:RateLimits:UserPerSecond"] = "100000",
            ["Cnucnm:RateLimits:UserBurst"] = "100000",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        // The silo's ports are found free here and bound a moment later by the host: another test process may take one in between
        // (CI ran six classes' fixture into "Address already in use"). Such a start is tried again on other ports.
        for (var attempt = 1; ; attempt++)
        {
            settings["Cnucnm:Silo:SiloPort"] = PostgresServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Cnucnm:Silo:GatewayPort"] = PostgresServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
            var factory = new CnucnmApiFactory(settings, services);
            try
            {
                if (kestrel)
                {
                    factory.UseKestrel(0);
                    factory.StartServer();
                }
                else
                {
                    _ = factory.Server; // start now, so that start-up failures surface here
                }

                return factory;
            }
            catch (Exception e) when (attempt < 3 && AddressInUse(e))
            {
                factory.Dispose();
            }
        }
    }

    private static bool AddressInUse(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is Microsoft.AspNetCore.Connections.AddressInUseException
                || e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse })
            {
                return true;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(AddressInUse))
            {
                return true;
            }
        }

        return false;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    /// <summary>The in-process SMTP server this API sends to (<c>ApiWithSmtp</c>); null when it sends no e-mail.</summary>
    public SmtpReceiver? Smtp { get; set; }

    /// <summary>Registers a new person and returns a client signed in as them. With an e-mail server the account is made
    /// by the registration e-mail's link, as a person makes it.</summary>
    public async Task<(HttpClient Client, string Email)> CreateUserClientAsync(string? name = null)
    {
        var email = $"{name ?? "user"}-{Guid.NewGuid():N}@farm.test";
        using var anonymous = CreateClient();
        var register = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email, displayName = name ?? "Test user", password = "correct-horse-1" });
        Xunit.Assert.Equal(System.Net.HttpStatusCode.Accepted, register.StatusCode);
        if (Smtp is { } smtp)
        {
            var message = await smtp.WaitForAsync(email, m => m.Subject == "Confirm your CNUCNM registration");
            var confirm = await anonymous.PostAsJsonAsync("/api/v1/auth/register/confirm", new { token = SmtpReceiver.LinkToken(message, "confirm-registration") });
            confirm.EnsureSuccessStatusCode();
        }

        return (await SignInAsync(email, "correct-horse-1"), email);
    }

    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        // No automatic redirects: a followed redirect drops the Authorization header.
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        token.EnsureSuccessStatusCode();
        var pair = await token.Content.ReadFromJsonAsync<TokenBody>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", pair!.AccessToken);
        return client;
    }

    public Task<HttpClient> AdminClientAsync() => SignInAsync(AdminEmail, AdminPassword);

    /// <summary>A client whose requests arrive from <paramref name="address"/> (the test server has no real connections).</summary>
    public HttpClient CreateClientFrom(System.Net.IPAddress address, string? accessToken = null)
    {
        var client = new HttpClient(Server.CreateHandler(context => context.Connection.RemoteIpAddress = address)) { BaseAddress = Server.BaseAddress };
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return client;
    }

    /// <summary>A client with this access token.</summary>
    public HttpClient CreateClientWith(string accessToken)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public sealed record TokenBody(string AccessToken, string RefreshToken, int ExpiresIn);
}

/// <summary>One API (and database) shared by the tests of a class.</summary>
public sealed class ApiFixture(PostgresServer postgres) : IAsyncLifetime
{
    public CnucnmApiFactory Factory { get; private set; } = null!;

    public PostgresServer Postgres => postgres;

    public async ValueTask InitializeAsync()
    {
        postgres.RequireAvailable();
        Factory = await CnucnmApiFactory.StartAsync(postgres);
    }

    public async ValueTask DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }
    }
}
