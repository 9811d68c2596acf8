using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Cnucnm.Api.Tests;

public sealed class FoundationApiTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _client = (await api.Factory.CreateUserClientAsync("farmer")).Client;

    public ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/startup")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy_without_credentials(string path)
    {
        using var anonymous = api.Factory.CreateClient();
        var response = await anonymous.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Farm_round_trips_through_the_api()
    {
        var created = await _client.PostAsJsonAsync("/api/v1/farms", new
        {
            name = "청양 한우",
            location = new { region = "Chungcheongnam-do", countryCode = "KR", latitude = 36.45, longitude = 126.8 },
            currency = "KRW",
            timeZone = "Asia/Seoul",
            climate = new { ambientTemperatureCelsius = 12.5, relativeHumidityPercent = 65 },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.ToString();

        using var farm = JsonDocument.Parse(await _client.GetStringAsync(location, Ct));

        Assert.Equal("청양 한우", farm.RootElement.GetProperty("name").GetString());
        Assert.Equal(36.45, farm.RootElement.GetProperty("location").GetProperty("latitude").GetDouble());
        Assert.Equal(12.5, farm.RootElement.GetProperty("climate").GetProperty("ambientTemperatureCelsius").GetDouble());
    }

    [Fact]
    public async Task Unknown_farm_is_404()
    {
        var response = await _client.GetAsync($"/api/v1/farms/{Guid.NewGuid()}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"name\": \"x\", ", "body")]
    [InlineData("{\"name\": 12, \"currency\": \"KRW\"}", "name")]
    [InlineData("{\"name\": \"x\", \"location\": {\"region\": \"r\", \"countryCode\": \"KR\", \"latitude\": \"north\"}, \"currency\": \"KRW\"}", "location.latitude")]
    [InlineData("{\"name\": \"x\", \"unexpected\": 1}", "unexpected")]
    public async Task Malformed_body_answers_400_problem_details_naming_the_field(string body, string field)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await _client.PostAsync("/api/v1/farms", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _),
            $"expected an error for '{field}' in {problem.RootElement}");
        Assert.DoesNotContain("   at ", problem.RootElement.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_values_are_all_reported_at_once()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/farms", new
        {
            name = "",
            location = new { region = "", countryCode = "Korea", latitude = 91.0 },
            currency = "won",
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var errors = problem.RootElement.GetProperty("errors");
        foreach (var field in new[] { "name", "currency", "location.region", "location.countryCode", "location.latitude" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"missing error for {field}: {errors}");
        }
    }
    [Fact]
    public async Task A_korean_farm_keeps_its_province_and_an_unknown_one_is_refused_in_english_and_korean()
    {
        var created = await _client.PostAsJsonAsync("/api/v1/farms", new
        {
            name = "횡성 한우",
            // KR-42 is Gangwon's code before 2023: stored as the current KR-51.
            location = new { region = "Hoengseong", countryCode = "KR", province = "KR-42" },
            currency = "KRW",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using (var farm = JsonDocument.Parse(await _client.GetStringAsync(created.Headers.Location!.ToString(), Ct)))
        {
            Assert.Equal("KR-51", farm.RootElement.GetProperty("location").GetProperty("province").GetString());
        }

        foreach (var (language, expected) in new[] { ("en-US", "ISO 3166-2:KR"), ("ko-KR", "시·도") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/farms")
            {
                Content = JsonContent.Create(new { name = "x", location = new { region = "r", countryCode = "KR", province = "Gangwon" }, currency = "KRW" }),
            };
            request.Headers.AcceptLanguage.ParseAdd(language);
            var response = await _client.SendAsync(request, Ct);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            var message = problem.RootElement.GetProperty("errors").GetProperty("location.province")[0].GetString();
            Assert.Contains(expected, message, StringComparison.Ordinal);
        }
    }
}
