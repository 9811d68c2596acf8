using System.Net;
using Cnucnm.Testing;

namespace Cnucnm.Api.Tests.Security;

public sealed class RateLimitTests(PostgresServer postgres)
{
    [Fact]
    public async Task Too_many_requests_answer_429_with_retry_after()
    {
        postgres.RequireAvailable();
        await using var factory = await CnucnmApiFactory.StartAsync(postgres, new Dictionary<string, string?>
        {
            ["Cnucnm:RateLimits:UserPerSecond"] = "1",
            ["Cnucnm:RateLimits:UserBurst"] = "3",
        });
        var (client, _) = await factory.CreateUserClientAsync("hasty");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 10 && limited is null; i++)
        {
            var response = await client.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
        }

        Assert.NotNull(limited);
        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
    }
}
