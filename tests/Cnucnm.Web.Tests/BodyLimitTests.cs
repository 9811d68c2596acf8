using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Cnucnm.Web.Tests;

/// <summary>Request body limits on the real server (Kestrel enforces them; the in-process test server does not):
/// 1 MiB for ordinary requests, more for file imports, so that a big file gets the import's own field messages.</summary>
public sealed class BodyLimitTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_price_list_of_more_than_a_megabyte_is_read_and_answered_row_by_row()
    {
        var herd = await Herd.CreateAsync(web.Server, withRation: false);
        var supplier = string.Concat(Enumerable.Repeat("충남축협사료공장", 24)); // 192 characters, 576 bytes of UTF-8
        var csv = new StringBuilder("feed,effectiveFrom,amount,basis,currency,supplier\n");
        for (var i = 0; i < 1999; i++)
        {
            var feed = Cnucnm.Testing.DemoFarm.Feeds[i % 4].Id;
            csv.Append(feed).Append(',').Append(new DateOnly(2020, 1, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
               .Append(",90000,perTonneAsFed,KRW,").Append(supplier).Append('\n');
        }

        csv.Append("no-such-feed,2026-01-01,1000,perTonneAsFed,KRW,co-op\n");
        var body = JsonSerializer.Serialize(new { csv = csv.ToString() });
        Assert.True(Encoding.UTF8.GetByteCount(body) > 1024 * 1024);

        using var response = await herd.Owner.PostAsync($"/api/v1/farms/{herd.FarmId}/feed-prices/import",
            new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["csv.row2001.feed"], answer.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task An_ordinary_request_over_a_megabyte_is_refused_as_problem_details()
    {
        var (owner, _) = await Herd.UserAsync(web.Server, "big-body");
        var body = JsonSerializer.Serialize(new { name = new string('x', 2 * 1024 * 1024), location = new { region = "Jeju", countryCode = "KR" }, currency = "KRW" });

        using var response = await owner.PostAsync("/api/v1/farms", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
