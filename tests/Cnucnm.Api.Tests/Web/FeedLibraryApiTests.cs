using System.Net;
using System.Text.Json;
using Cnucnm.Api.Tests.LiveHerd;
using Cnucnm.Testing;

namespace Cnucnm.Api.Tests.Web;

/// <summary>Where the workbench finds candidate feeds: the NASEM and Korean libraries by name, category and nutrient.</summary>
public sealed class FeedLibraryApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Korean_and_English_names_find_feeds_of_both_libraries()
    {
        var (client, _) = await api.Factory.CreateUserClientAsync();

        var korean = await DemoFarm.Ok(await client.GetAsync("/api/v1/feed-library?search=" + Uri.EscapeDataString("옥수수"), Ct));
        var english = await DemoFarm.Ok(await client.GetAsync("/api/v1/feed-library?search=soybean%20meal&library=nasem", Ct));

        Assert.NotEmpty(korean.EnumerateArray());
        Assert.All(korean.EnumerateArray(), f => Assert.Contains("옥수수", f.GetProperty("nameKorean").GetString() ?? f.GetProperty("name").GetString(), StringComparison.Ordinal));
        Assert.NotEmpty(english.EnumerateArray());
        Assert.All(english.EnumerateArray(), f =>
        {
            Assert.Contains("soybean meal", f.GetProperty("name").GetString()!, StringComparison.OrdinalIgnoreCase);
            Assert.Equal("nasem", f.GetProperty("library").GetString());
        });
    }

    [Fact]
    public async Task A_nutrient_range_keeps_only_feeds_within_it_and_reports_that_nutrient()
    {
        var (client, _) = await api.Factory.CreateUserClientAsync();

        var rich = await DemoFarm.Ok(await client.GetAsync("/api/v1/feed-library?nutrient=Fd_CP&min=40&max=60&take=500", Ct));
        var categories = await DemoFarm.Ok(await client.GetAsync("/api/v1/feed-library/categories", Ct));

        Assert.NotEmpty(rich.EnumerateArray());
        Assert.All(rich.EnumerateArray(), f => Assert.InRange(f.GetProperty("nutrients").GetProperty("Fd_CP").GetProperty("value").GetDouble(), 40, 60));
        Assert.Contains(rich.EnumerateArray(), f => f.GetProperty("name").GetString()!.StartsWith("Soybean meal", StringComparison.Ordinal));
        Assert.All(categories.EnumerateArray(), c => Assert.True(c.GetProperty("feeds").GetInt32() > 0));
    }

    [Theory]
    [InlineData("nutrient=Fd_Nothing", "nutrient")]
    [InlineData("min=3", "nutrient")]
    [InlineData("nutrient=Fd_CP&min=30&max=10", "min")]
    [InlineData("library=usda", "library")]
    [InlineData("take=0", "take")]
    public async Task Bad_searches_are_400_with_the_field_named(string query, string field)
    {
        var (client, _) = await api.Factory.CreateUserClientAsync();

        using var response = await client.GetAsync("/api/v1/feed-library?" + query, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }
}
