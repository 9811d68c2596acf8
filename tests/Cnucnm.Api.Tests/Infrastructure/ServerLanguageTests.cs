using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Cnucnm.Api.Tests.Infrastructure;

/// <summary>
/// "Korean everywhere" (issue 19): the texts the server writes for people come in the caller's language (?lang, Accept-Language,
/// else the person's stored language; English otherwise), with their message codes beside them for programs.
/// </summary>
public sealed class ServerLanguageTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Two feeds and a protein minimum the meal's 2 kg DM cap cannot reach (FormulationApiTests' infeasible case).</summary>
    private static readonly object Infeasible = new
    {
        feeds = new object[]
        {
            new { id = "silage", dryMatterPercent = 35, pricePerKgDm = 0.2, composition = new Dictionary<string, double> { ["CP"] = 8 } },
            new { id = "meal", dryMatterPercent = 90, pricePerKgDm = 0.5, maxKgDm = 2, composition = new Dictionary<string, double> { ["CP"] = 48 } },
        },
        dryMatterIntakeKg = new { min = 20, max = 20 },
        nutrients = new[] { new { name = "CP", perKgDm = new { min = 16 } } },
    };

    [Fact]
    public async Task An_infeasibility_explanation_is_Korean_with_Accept_Language_ko_and_English_without()
    {
        var (client, _) = await api.Factory.CreateUserClientAsync("language-formulator");

        var english = await ProblemAsync(client, HttpMethod.Post, "/api/v1/formulations", Infeasible, null, HttpStatusCode.UnprocessableEntity);
        var korean = await ProblemAsync(client, HttpMethod.Post, "/api/v1/formulations", Infeasible, "ko-KR,ko;q=0.9,en;q=0.5", HttpStatusCode.UnprocessableEntity);

        // The same explanation: the meal's maximum raised to 4 kg DM (2 kg DM of meal gives at most 12 % CP), in words of each language.
        var englishDetail = english.GetProperty("detail").GetString()!;
        Assert.StartsWith("CP short by", englishDetail, StringComparison.Ordinal);
        Assert.Contains("raise meal maximum from 2 to 4 kg DM/d", englishDetail, StringComparison.Ordinal);
        var koreanDetail = korean.GetProperty("detail").GetString()!;
        Assert.Contains("조단백질 (CP)", koreanDetail, StringComparison.Ordinal);
        Assert.Contains("부족", koreanDetail, StringComparison.Ordinal);
        Assert.Contains("높임", koreanDetail, StringComparison.Ordinal);
        Assert.DoesNotContain("short by", koreanDetail, StringComparison.Ordinal);
        Assert.DoesNotContain("raise", koreanDetail, StringComparison.Ordinal);
        var relaxation = korean.GetProperty("explanation").GetProperty("relaxations")[0];
        Assert.Contains("높임", relaxation.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("raise meal maximum", english.GetProperty("explanation").GetProperty("relaxations")[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        // The code and parameters are the same in both: programs read them, people the text.
        var code = korean.GetProperty("explanation").GetProperty("summaryMessage");
        Assert.Equal("explain.summary", code.GetProperty("code").GetString());
        Assert.Equal(code.GetRawText(), english.GetProperty("explanation").GetProperty("summaryMessage").GetRawText());
        var relaxationCode = relaxation.GetProperty("messageCode");
        Assert.Equal("relax.raise", relaxationCode.GetProperty("code").GetString());
        Assert.Equal("4", relaxationCode.GetProperty("args").GetProperty("to").GetString());
    }

    [Fact]
    public async Task A_validation_message_is_Korean_with_Accept_Language_ko_and_English_without_with_its_code()
    {
        var (client, _) = await api.Factory.CreateUserClientAsync("language-validation");
        var farmId = await CreateFarmAsync(client);
        var url = $"/api/v1/farms/{farmId}/alerts?limit=0";

        var english = await ProblemAsync(client, HttpMethod.Get, url, null, null, HttpStatusCode.BadRequest);
        var korean = await ProblemAsync(client, HttpMethod.Get, url, null, "ko", HttpStatusCode.BadRequest);

        Assert.Equal("must be between 1 and 1000.", english.GetProperty("errors").GetProperty("limit")[0].GetString());
        Assert.Equal("1에서 1000 사이여야 합니다.", korean.GetProperty("errors").GetProperty("limit")[0].GetString());
        var code = korean.GetProperty("errorCodes").GetProperty("limit")[0];
        Assert.Equal("validation.range", code.GetProperty("code").GetString());
        Assert.Equal(("1", "1000"), (code.GetProperty("args").GetProperty("min").GetString(), code.GetProperty("args").GetProperty("max").GetString()));
    }

    [Fact]
    public async Task Without_Accept_Language_the_persons_stored_language_is_used_and_lang_overrides_it()
    {
        var (client, _) = await api.Factory.CreateUserClientAsync("language-stored");
        var farmId = await CreateFarmAsync(client);
        var url = $"/api/v1/farms/{farmId}/alerts?limit=0";
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync("/api/v1/me/language", new { language = "ko" }, Ct)).StatusCode);

        var stored = await ProblemAsync(client, HttpMethod.Get, url, null, null, HttpStatusCode.BadRequest);
        var asked = await ProblemAsync(client, HttpMethod.Get, url + "&lang=en", null, null, HttpStatusCode.BadRequest);

        Assert.Equal("1에서 1000 사이여야 합니다.", stored.GetProperty("errors").GetProperty("limit")[0].GetString());
        Assert.Equal("must be between 1 and 1000.", asked.GetProperty("errors").GetProperty("limit")[0].GetString());
    }

    [Fact]
    public async Task Library_categories_and_feed_columns_are_named_in_the_callers_language_with_their_codes()
    {
        var (client, _) = await api.Factory.CreateUserClientAsync("language-library");

        var columns = await OkAsync(client, "/api/v1/feed-library/columns", "ko");
        var cp = columns.EnumerateArray().Single(c => c.GetProperty("column").GetString() == "Fd_CP");
        Assert.Equal("조단백질 (CP)", cp.GetProperty("name").GetString());
        Assert.Equal("% DM", cp.GetProperty("unit").GetString());
        Assert.Equal("건물 %", cp.GetProperty("unitName").GetString());
        // Every column has a name of its own in both languages, never its code.
        Assert.All(columns.EnumerateArray(), c => Assert.NotEqual(c.GetProperty("column").GetString(), c.GetProperty("name").GetString()));
        var english = await OkAsync(client, "/api/v1/feed-library/columns", null);
        Assert.All(english.EnumerateArray(), c => Assert.NotEqual(c.GetProperty("column").GetString(), c.GetProperty("name").GetString()));
        Assert.Equal("Crude protein (CP)", english.EnumerateArray().Single(c => c.GetProperty("column").GetString() == "Fd_CP").GetProperty("name").GetString());

        // NASEM's "Grass/Legume Forage" and the Korean library's forages are one clean group, named in Korean; the library's spelling stays.
        var categories = await OkAsync(client, "/api/v1/feed-library/categories", "ko");
        var grass = categories.EnumerateArray().Single(c => c.GetProperty("category").GetString() == "Grass/Legume Forage");
        Assert.Equal("forage", grass.GetProperty("categoryCode").GetString());
        Assert.Equal("조사료", grass.GetProperty("categoryName").GetString());
        var forages = await OkAsync(client, "/api/v1/feed-library?categoryCode=forage&take=500", "ko");
        Assert.Contains(forages.EnumerateArray(), f => f.GetProperty("library").GetString() == "korean");
        Assert.Contains(forages.EnumerateArray(), f => f.GetProperty("library").GetString() == "nasem");
        Assert.All(forages.EnumerateArray(), f => Assert.Equal("조사료", f.GetProperty("categoryName").GetString()));
        var unknown = await ProblemAsync(client, HttpMethod.Get, "/api/v1/feed-library?categoryCode=grains", null, null, HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("categoryCode", out _));
    }

    [Fact]
    public async Task A_price_list_row_error_is_Korean_with_its_row_column_and_message_codes()
    {
        var (client, _) = await api.Factory.CreateUserClientAsync("language-prices");
        var farmId = await CreateFarmAsync(client);
        var csv = "feed,effectiveFrom,amount,basis,currency,supplier,region\nno-such-feed,2026-01-01,abc,perTonneAsFed,KRW,,\n";
        var korean = await ProblemAsync(client, HttpMethod.Post, $"/api/v1/farms/{farmId}/feed-prices/import", new { csv }, "ko", HttpStatusCode.BadRequest);
        var english = await ProblemAsync(client, HttpMethod.Post, $"/api/v1/farms/{farmId}/feed-prices/import", new { csv }, "en", HttpStatusCode.BadRequest);

        Assert.Equal("2행, feed 열: 'no-such-feed'은(는) 이 농장의 사료가 아닙니다.", korean.GetProperty("errors").GetProperty("csv.row2.feed")[0].GetString());
        Assert.Equal("2행, amount 열: 0에서 10억 사이의 숫자여야 합니다.", korean.GetProperty("errors").GetProperty("csv.row2.amount")[0].GetString());
        Assert.Equal("row 2, column amount: must be a number between 0 and 1e9.", english.GetProperty("errors").GetProperty("csv.row2.amount")[0].GetString());
        var code = korean.GetProperty("errorCodes").GetProperty("csv.row2.feed")[0];
        Assert.Equal("validation.atRowColumn", code.GetProperty("code").GetString());
        Assert.Equal("2", code.GetProperty("args").GetProperty("row").GetString());
        Assert.Equal("validation.import.notAFarmFeed", code.GetProperty("items")[0].GetProperty("code").GetString());
        Assert.Equal("no-such-feed", code.GetProperty("items")[0].GetProperty("args").GetProperty("feed").GetString());
    }

    private static async Task<JsonElement> OkAsync(HttpClient client, string url, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<Guid> CreateFarmAsync(HttpClient client)
    {
        using var created = await client.PostAsJsonAsync("/api/v1/farms", new { name = "Language farm", location = new { region = "Chungnam", countryCode = "KR" }, currency = "KRW" }, Ct);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
        return JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> ProblemAsync(HttpClient client, HttpMethod method, string url, object? body, string? language, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
