using System.Net;

namespace Cnucnm.Api.Tests.Web;

/// <summary>The web front is served by the API from the same origin, before sign-in, under a strict policy.</summary>
public sealed class WebFrontApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_page_and_its_libraries_are_served_without_sign_in_under_a_same_origin_policy()
    {
        using var anonymous = api.Factory.CreateClient();

        using var page = await anonymous.GetAsync("/", Ct);
        using var vue = await anonymous.GetAsync("/lib/vue.global.prod.js", Ct);
        using var app = await anonymous.GetAsync("/js/main.js", Ct);
        using var data = await anonymous.GetAsync("/api/v1/farms", Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"app\">", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, vue.StatusCode);
        Assert.Equal(HttpStatusCode.OK, app.StatusCode);
        Assert.Equal("text/javascript", app.Content.Headers.ContentType?.MediaType);
        // The data behind the page is not public.
        Assert.Equal(HttpStatusCode.Unauthorized, data.StatusCode);
    }
}
