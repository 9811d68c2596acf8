using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cnucnm.Testing;

namespace Cnucnm.Api.Tests.Infrastructure;

/// <summary>The API as a client of the silo cluster (production): when the silo it talks to is gone, a request that
/// needs a grain answers 503 with Retry-After promptly, never 500 and never after Orleans' 30 s response timeout.</summary>
public sealed class DeadGatewayTests
{
    [Fact]
    public async Task A_request_through_a_dead_gateway_answers_503_with_retry_after()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        postgres.RequireAvailable();
        await using var silo = await CnucnmApiFactory.StartAsync(postgres);
        var shared = new Dictionary<string, string?>(silo.Settings)
        {
            ["Cnucnm:Api:CoHostSilo"] = "false",
            ["Cnucnm:MigrateOnStart"] = "false",
        };
        await using var client = await CnucnmApiFactory.StartAsync(postgres, shared);
        using var owner = await client.AdminClientAsync();
        var created = await owner.PostAsJsonAsync("/api/v1/farms",
            new { name = "Gateway farm", location = new { region = "Chungcheongnam-do", countryCode = "KR" }, currency = "KRW", timeZone = "Asia/Seoul" }, cancellation);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var farmId = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("id").GetGuid();

        await silo.DisposeAsync(); // the only silo, and so the only gateway, leaves

        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var response = await owner.GetAsync($"/api/v1/farms/{farmId}", cancellation);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) >= 1);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(25), $"answered after {watch.Elapsed.TotalSeconds:0.0} s");
    }
}
