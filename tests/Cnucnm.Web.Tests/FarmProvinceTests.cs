using System.Net.Http.Json;
using Cnucnm.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cnucnm.Web.Tests;

/// <summary>The farm form in Korean offers the province (시·도) whose KMA climate normals beef formulations use, and the
/// farm keeps it as its ISO 3166-2:KR code.</summary>
public sealed class FarmProvinceTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_farmer_registers_a_farm_with_its_province_chosen_by_its_korean_name()
    {
        var (client, email) = await Herd.UserAsync(web.Server, "province");
        using var _ = client;
        await DemoFarm.Ok(await client.PutAsJsonAsync("/api/v1/me/language", new { language = "ko" }, Ct));
        var page = await web.NewPageAsync("ko-KR");
        // A new user has no farm yet: sign in by hand (Browser.SignInAsync waits for the farm list).
        await page.GotoAsync("/#/signin");
        await page.Locator("input[name=email]").FillAsync(email);
        await page.Locator("input[name=password]").FillAsync(Herd.Password);
        await page.Locator("form.signin button[type=submit]").ClickAsync();
        await page.GetByTestId("add-farm").ClickAsync();
        var form = page.GetByTestId("new-farm");
        await form.Locator("input[name=name]").FillAsync("홍성 한우");
        await form.Locator("input[name=region]").FillAsync("홍성군");
        await Expect(form.Locator("select[name=province] option[value=\"KR-44\"]")).ToHaveTextAsync("충청남도");
        await form.Locator("select[name=province]").SelectOptionAsync(new SelectOptionValue { Label = "충청남도" });
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(page.GetByTestId("farm-name")).ToContainTextAsync("홍성 한우");

        var farms = await DemoFarm.Ok(await client.GetAsync("/api/v1/farms", Ct));
        var farm = Assert.Single(farms.EnumerateArray(), f => f.GetProperty("name").GetString() == "홍성 한우");
        Assert.Equal("KR-44", farm.GetProperty("location").GetProperty("province").GetString());
    }
}
