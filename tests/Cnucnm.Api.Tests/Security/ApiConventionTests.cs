using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cnucnm.Storage.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cnucnm.Api.Tests.Security;

public sealed class ApiConventionTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CNUCNM.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CNUCNM.sln not found above the test binaries");
    }

    [Fact]
    public async Task Committed_openapi_document_matches_the_running_app()
    {
        using var client = api.Factory.CreateClient();
        var running = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json", Ct));
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "api", "openapi", "v1.json"), Ct));

        Assert.True(JsonNode.DeepEquals(running, committed),
            "api/openapi/v1.json is out of date: build the API project (it regenerates the file) and commit it.");
    }

    [Fact]
    public async Task Interactive_reference_is_public_at_docs()
    {
        using var client = api.Factory.CreateClient();
        var response = await client.GetAsync("/docs", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("CNUCNM API", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        using var client = api.Factory.CreateClient();
        var response = await client.GetAsync("/health/live", Ct);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Prometheus_metrics_are_served_on_the_metrics_port_only_whatever_the_host_header_says()
    {
        using var client = api.Factory.CreateClient();
        await client.GetAsync("/health/live", Ct);

        // The connection's port decides: a request to the public port cannot reach the metrics by naming port 9464.
        var onMetricsPort = await ScrapeAsync(localPort: 9464);
        var spoofedHost = await ScrapeAsync(localPort: 443);
        var onPublicPort = await client.GetAsync("/metrics", Ct);

        Assert.Equal(StatusCodes.Status200OK, onMetricsPort.Response.StatusCode);
        Assert.Contains("http_server_request_duration", await new StreamReader(onMetricsPort.Response.Body).ReadToEndAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(StatusCodes.Status404NotFound, spoofedHost.Response.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, onPublicPort.StatusCode);
    }

    private Task<HttpContext> ScrapeAsync(int localPort) => api.Factory.Server.SendAsync(context =>
    {
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = "/metrics";
        context.Request.Host = new HostString("localhost:9464");
        context.Connection.LocalPort = localPort;
    }, Ct);

    [Fact]
    public async Task Writes_are_audited_with_actor_farm_and_status()
    {
        var (owner, _) = await api.Factory.CreateUserClientAsync("audited");
        var created = await owner.PostAsJsonAsync("/api/v1/farms", new { name = "Audit farm", location = new { region = "Jeju", countryCode = "KR" }, currency = "KRW" }, Ct);
        var farmId = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("id").GetGuid();
        var rejected = await owner.PutAsJsonAsync($"/api/v1/farms/{farmId}", new { name = "" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);

        var entries = await api.Factory.Services.GetRequiredService<IAuditLog>().ListForFarmAsync(farmId, 10, null, Ct);
        var me = JsonDocument.Parse(await owner.GetStringAsync("/api/v1/me", Ct)).RootElement.GetProperty("id").GetGuid();

        Assert.Contains(entries, e => e.Action == "PUT /api/v1/farms/{farmId:guid}" && e.Status == 400 && e.ActorId == $"user:{me}");
        var listed = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/farms/{farmId}/audit", Ct);
        Assert.True(listed.GetArrayLength() >= 1);
    }

    [Fact]
    public async Task Refused_writes_are_audited_from_the_client_a_trusted_proxy_names_and_nobody_else()
    {
        var farmId = Guid.NewGuid();
        // From the local proxy (loopback is trusted): the client it names. From anywhere else: the connection's own address.
        var viaProxy = await AnonymousWriteAsync(farmId, IPAddress.Loopback, "203.0.113.7");
        var direct = await AnonymousWriteAsync(farmId, IPAddress.Parse("198.51.100.9"), "203.0.113.8");
        Assert.Equal(StatusCodes.Status401Unauthorized, viaProxy.Response.StatusCode);
        Assert.Equal(StatusCodes.Status401Unauthorized, direct.Response.StatusCode);

        // The entry is written as the request ends, just after the client has the answer.
        var audit = api.Factory.Services.GetRequiredService<IAuditLog>();
        var entries = await audit.ListForFarmAsync(farmId, 10, null, Ct);
        for (var wait = 0; entries.Count < 2 && wait < 50; wait++)
        {
            await Task.Delay(100, Ct);
            entries = await audit.ListForFarmAsync(farmId, 10, null, Ct);
        }

        Assert.True(entries.Select(e => e.RemoteIp).Order(StringComparer.Ordinal).SequenceEqual(["198.51.100.9", "203.0.113.7"]), string.Join("; ", entries));
        Assert.All(entries, e =>
        {
            Assert.Equal("anonymous", e.ActorType);
            Assert.Equal(401, e.Status);
            Assert.Equal("POST /api/v1/farms/{farmId:guid}/groups/", e.Action);
        });
    }

    private Task<HttpContext> AnonymousWriteAsync(Guid farmId, IPAddress from, string forwardedFor) => api.Factory.Server.SendAsync(context =>
    {
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = $"/api/v1/farms/{farmId}/groups";
        context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream("{}"u8.ToArray());
        context.Connection.RemoteIpAddress = from;
    }, Ct);
}
