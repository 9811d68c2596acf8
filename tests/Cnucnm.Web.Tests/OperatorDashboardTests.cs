using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cnucnm.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cnucnm.Web.Tests;

/// <summary>Operator access in Chromium (issue 19, point 9): an operator opens the Orleans dashboard from the web UI's
/// link, in English and in Korean; other people see no link.</summary>
public sealed class OperatorDashboardTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_operator_clicks_the_link_and_sees_the_Orleans_dashboard_in_English_and_Korean()
    {
        var email = await OperatorAsync();
        var page = await web.NewPageAsync();
        await SignInAsync(page, email);

        var link = page.GetByTestId("orleans-dashboard");
        await Expect(link).ToHaveTextAsync("Orleans dashboard");
        var dashboard = await OpenAsync(page, link);
        await Browser.ScreenshotAsync(dashboard, "orleans-dashboard");
        await dashboard.CloseAsync();

        await page.GetByTestId("language").SelectOptionAsync("ko");
        await Expect(link).ToHaveTextAsync("Orleans 대시보드");
        await (await OpenAsync(page, link)).CloseAsync();
    }

    [Fact]
    public async Task A_person_without_the_operator_role_sees_no_dashboard_link()
    {
        var (client, email) = await Herd.UserAsync(web.Server, "farmer");
        client.Dispose();
        var page = await web.NewPageAsync();
        await SignInAsync(page, email);
        // GET /api/v1/me (the roles) has answered by now.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(page.GetByTestId("orleans-dashboard")).ToHaveCountAsync(0);

        // Typing the address does not get in either: the dashboard needs the operator's cookie.
        var response = await page.GotoAsync("/dashboard/");
        Assert.Equal(401, response!.Status);
    }

    /// <summary>Signs in a person who belongs to no farm (the farm list is empty).</summary>
    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/#/signin");
        await page.Locator("input[name=email]").FillAsync(email);
        await page.Locator("input[name=password]").FillAsync(Herd.Password);
        await page.Locator("form.signin button[type=submit]").ClickAsync();
        await Expect(page.GetByText("You are not a member of any farm yet.")).ToBeVisibleAsync();
    }

    /// <summary>Clicks the link and returns the tab it opened once the dashboard page shows the cluster's figures
    /// (its data requests under /dashboard/ carry the cookie too: the page is more than its HTML shell).</summary>
    private static async Task<IPage> OpenAsync(IPage page, ILocator link)
    {
        var popup = await page.Context.RunAndWaitForPageAsync(() => link.ClickAsync());
        var counters = await popup.WaitForResponseAsync(r => r.Url.EndsWith("/dashboard/DashboardCounters", StringComparison.Ordinal));
        Assert.Equal(200, counters.Status);
        await Expect(popup).ToHaveTitleAsync("Orleans Dashboard");
        await Expect(popup.GetByText("Loading...")).ToHaveCountAsync(0);
        Assert.EndsWith("/dashboard/", popup.Url, StringComparison.Ordinal);
        return popup;
    }

    /// <summary>A new person whom the bootstrap administrator gives the operator role (and nothing else).</summary>
    private async Task<string> OperatorAsync()
    {
        var (client, email) = await Herd.UserAsync(web.Server, "operator");
        client.Dispose();
        using var admin = web.Server.CreateClient();
        var token = await DemoFarm.Ok(await admin.PostAsJsonAsync("/api/v1/auth/token",
            new { email = WebServerFactory.AdminEmail, password = WebServerFactory.AdminPassword }, Ct));
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        var found = await DemoFarm.Ok(await admin.GetAsync($"/api/v1/admin/users?email={Uri.EscapeDataString(email)}", Ct));
        var id = found.GetProperty("id").GetString();
        await DemoFarm.Ok(await admin.PutAsJsonAsync($"/api/v1/admin/users/{id}/roles", new { roles = new[] { "operator" } }, Ct));
        return email;
    }
}
