using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cnucnm.Api.Tests.LiveHerd;
using Cnucnm.Nutrition.Feeds;
using Cnucnm.Testing;

namespace Cnucnm.Api.Tests.Feeds;

/// <summary><c>GET /api/v1/feeds</c>, the farm feed search and feed comparison, on PostgreSQL (pg_trgm, schema 0004).</summary>
public sealed class FeedSearchApiTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _client = (await api.Factory.CreateUserClientAsync("nutritionist")).Client;

    public ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<JsonElement> SearchAsync(string query) => await DemoFarm.Ok(await _client.GetAsync($"/api/v1/feeds?{query}", Ct));

    private static List<string> Ids(JsonElement page) => [.. page.GetProperty("feeds").EnumerateArray().Select(f => f.GetProperty("id").GetString()!)];

    [Fact]
    public async Task The_default_dairy_candidates_offer_the_librarys_rumen_protected_amino_acids_and_urea_priced()
    {
        var defaults = (await DemoFarm.Ok(await _client.GetAsync("/api/v1/feed-library/dairy-candidates", Ct))).EnumerateArray().ToList();

        foreach (var (id, role) in new[] { ("nasem:Rumen Protected Met", "aminoAcid"), ("nasem:Rumen Protected Lys", "aminoAcid"), ("nasem:Urea", "nitrogen") })
        {
            var feed = Assert.Single(defaults, d => d.GetProperty("libraryFeedId").GetString() == id);
            Assert.Equal(role, feed.GetProperty("role").GetString());
            Assert.True(feed.GetProperty("pricePerKgAsFed").GetDecimal() > 0, feed.ToString());
            Assert.True(feed.GetProperty("maxKgDm").GetDouble() > 0, feed.ToString());
            // The library's composition comes with it: the feed is what the NASEM library says.
            Assert.Equal(FeedLibrary.Nasem.Get(id).DryMatterPercent, feed.GetProperty("dryMatterPercent").GetDouble(), 6);
        }

        // Every default resolves to a library feed and carries a price.
        Assert.All(defaults, d => Assert.True(FeedLibrary.TryFind(d.GetProperty("libraryFeedId").GetString()!, out _) && d.GetProperty("pricePerKgAsFed").GetDecimal() > 0, d.ToString()));
    }

    [Fact]
    public async Task Korean_names_match_whatever_the_spacing_and_partial_words()
    {
        // "고지방옥수수 미국산" (kr:655) written with a space inside the word; "단백피(옥수수글루텐피드)" (kr:660) by a part of it.
        Assert.Contains("kr:655", Ids(await SearchAsync("q=" + Uri.EscapeDataString("고지방 옥수수"))));
        Assert.Contains("kr:660", Ids(await SearchAsync("q=" + Uri.EscapeDataString("옥수수글루텐") + "&pageSize=100")));
    }

    [Fact]
    public async Task English_partial_words_all_have_to_occur_in_the_name()
    {
        var page = await SearchAsync("q=corn%20sil&pageSize=100");

        var names = page.GetProperty("feeds").EnumerateArray().Select(f => f.GetProperty("name").GetString()!.ToUpperInvariant()).ToList();
        Assert.Contains("nasem:Corn silage, typical", Ids(page));
        Assert.All(names, n => Assert.True(n.Contains("CORN", StringComparison.Ordinal) && n.Contains("SIL", StringComparison.Ordinal), n));
        var expected = FeedLibrary.Nasem.Feeds.Concat(FeedLibrary.Korean.Feeds)
            .Count(f => FeedSearchText.Matches(FeedSearchText.Index(f.Name, f.NameKorean, f.Id), ["corn", "sil"]));
        Assert.Equal(expected, page.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Silage_puts_corn_silage_typical_on_the_first_page_and_a_misspelling_gets_did_you_mean()
    {
        var silage = await SearchAsync("q=silage&pageSize=10");
        Assert.Contains("nasem:Corn silage, typical", Ids(silage));
        Assert.Equal(0, silage.GetProperty("suggestions").GetArrayLength());

        var misspelt = await SearchAsync("q=" + Uri.EscapeDataString("soybaen meal"));

        Assert.Equal(0, misspelt.GetProperty("total").GetInt64());
        var suggestions = misspelt.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.Contains("soybeanmeal", FeedSearchText.Compact(s), StringComparison.Ordinal));
        var korean = await SearchAsync("q=" + Uri.EscapeDataString("옥슈수"));
        Assert.Contains(korean.GetProperty("suggestions").EnumerateArray(), s => s.GetString()!.Contains("옥수수", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nutrient_ranges_keep_exactly_the_library_feeds_inside_them_with_their_units_and_source()
    {
        var page = await SearchAsync("range=Fd_CP:40:50&range=Fd_NDF::20&pageSize=100");

        var expected = FeedLibrary.Nasem.Feeds.Concat(FeedLibrary.Korean.Feeds)
            .Where(f => f[FeedNutrient.Fd_CP] is >= 40 and <= 50 && f[FeedNutrient.Fd_NDF] <= 20)
            .Select(f => f.Id).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, page.GetProperty("total").GetInt64());
        Assert.Equal(expected, Ids(page).Order(StringComparer.Ordinal).ToList());
        foreach (var feed in page.GetProperty("feeds").EnumerateArray())
        {
            var cp = feed.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("nutrient").GetString() == "Fd_CP");
            Assert.InRange(cp.GetProperty("value").GetDouble(), 40, 50);
            Assert.Equal("% DM", cp.GetProperty("unit").GetString());
            Assert.Equal(feed.GetProperty("source").GetString(), cp.GetProperty("source").GetString());
        }
    }

    [Fact]
    public async Task Pages_of_a_category_do_not_overlap_and_add_up_to_the_total()
    {
        var first = await SearchAsync("category=Forage&pageSize=10&page=1");
        var second = await SearchAsync("category=forage&pageSize=10&page=2");

        var expected = FeedLibrary.Nasem.Feeds.Concat(FeedLibrary.Korean.Feeds).Count(f => string.Equals(f.Category, "Forage", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(expected, first.GetProperty("total").GetInt64());
        Assert.Equal(10, Ids(first).Count);
        Assert.Empty(Ids(first).Intersect(Ids(second)));
        Assert.All(first.GetProperty("feeds").EnumerateArray(), f => Assert.Equal("Forage", f.GetProperty("category").GetString(), ignoreCase: true));
    }

    [Theory]
    [InlineData("range=Fd_XYZ:1:2", "range[0]")]
    [InlineData("range=Fd_CP:50:40", "range[0]")]
    [InlineData("range=Fd_CP::", "range[0]")]
    [InlineData("range=Fd_CP:abc:4", "range[0]")]
    [InlineData("pageSize=500", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("q=a%20b%20c%20d%20e%20f%20g%20h%20i", "q")]
    public async Task Bad_queries_are_field_errors(string query, string field)
    {
        var response = await _client.GetAsync($"/api/v1/feeds?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Comparison_lists_every_nutrient_on_a_dm_basis_with_the_spread()
    {
        var ids = new[] { "nasem:Corn silage, typical", "nasem:Canola meal", "kr:743" };
        var body = await DemoFarm.Ok(await _client.GetAsync("/api/v1/feeds/compare?" + string.Join('&', ids.Select(i => "ids=" + Uri.EscapeDataString(i))), Ct));

        Assert.Equal(ids, body.GetProperty("feeds").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToArray());
        var cp = body.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("nutrient").GetString() == "Fd_CP");
        var library = ids.Select(i => FeedLibrary.TryFind(i, out var f) ? f[FeedNutrient.Fd_CP] : double.NaN).ToArray();
        Assert.Equal(library, cp.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray());
        Assert.Equal(library.Max() - library.Min(), cp.GetProperty("spread").GetDouble(), 9);
        var withAnyValue = Enum.GetValues<FeedNutrient>().Count(n => ids.Any(i => FeedLibrary.TryFind(i, out var f) && !double.IsNaN(f[n])));
        Assert.Equal(withAnyValue, body.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task Comparison_takes_two_to_six_known_feeds()
    {
        var seven = string.Join('&', FeedLibrary.Nasem.Feeds.Take(7).Select(f => "ids=" + Uri.EscapeDataString(f.Id)));
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync($"/api/v1/feeds/compare?{seven}", Ct)).StatusCode);
        var unknown = await _client.GetAsync("/api/v1/feeds/compare?ids=nasem:Canola%20meal&ids=nasem:No%20such%20feed", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("No such feed", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_farms_own_feeds_are_found_under_the_farm_only_and_only_by_its_members()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync($"/api/v1/farms/{herd.FarmId}/feeds/pit-3", new
        {
            name = "Rye silage pit 3", dryMatterPercent = 31, isForage = true,
            composition = new Dictionary<string, double> { ["Fd_CP"] = 13.5, ["Fd_NDF"] = 52, ["Fd_ADF"] = 33, ["Fd_Lg"] = 4, ["Fd_Ash"] = 9 },
        }, Ct));

        var found = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/feed-search?q=rye%20pit&range=Fd_CP:13:14", Ct));
        var feed = Assert.Single(found.GetProperty("feeds").EnumerateArray());
        Assert.Equal("farm.pit-3", feed.GetProperty("id").GetString());
        Assert.Equal($"farm:{herd.FarmId}", feed.GetProperty("source").GetString());
        var dm = feed.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("nutrient").GetString() == "Fd_DM");
        Assert.Equal(31, dm.GetProperty("value").GetDouble());
        Assert.Equal("% as fed", dm.GetProperty("unit").GetString());

        Assert.Equal(0, (await SearchAsync("q=rye%20pit%203")).GetProperty("total").GetInt64());
        // Not a member: the farm is not revealed.
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/farms/{herd.FarmId}/feed-search?q=rye", Ct)).StatusCode);

        await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/feed-compare?ids=farm.pit-3&ids=" + Uri.EscapeDataString("nasem:Corn silage, typical"), Ct));
        Assert.Equal(HttpStatusCode.NoContent, (await herd.Owner.DeleteAsync($"/api/v1/farms/{herd.FarmId}/feeds/pit-3", Ct)).StatusCode);
        var afterDelete = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/feed-search?q=rye%20pit", Ct));
        Assert.Equal(0, afterDelete.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Search_needs_a_signed_in_person()
    {
        using var anonymous = api.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/feeds?q=corn", Ct)).StatusCode);
    }
}
