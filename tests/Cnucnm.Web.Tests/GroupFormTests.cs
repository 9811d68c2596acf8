using System.Net.Http.Json;
using Cnucnm.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cnucnm.Web.Tests;

/// <summary>Groups made and changed in the browser: the form shows the API's field messages, and the
/// requirements follow the new inputs.</summary>
public sealed class GroupFormTests(WebFixture web)
{
    [Fact]
    public async Task An_owner_adds_a_group_then_turns_it_into_a_dry_pen_and_the_page_follows()
    {
        var herd = await Herd.CreateAsync(web.Server);
        var page = await web.NewPageAsync();
        await Browser.SignInAsync(page, herd.OwnerEmail);
        await page.GotoAsync($"/#/farms/{herd.FarmId}");
        await page.GetByTestId("add-group").ClickAsync();

        var form = page.GetByTestId("group-form");
        await form.Locator("input[name=name]").FillAsync("Fresh pen");
        await form.Locator("input[name=parity]").FillAsync("0");
        await form.Locator("input[name=headCount]").FillAsync("");
        await form.GetByTestId("save-group").ClickAsync();
        // Every bad field at once, from the API's validation.
        await Expect(form.GetByTestId("error-parity")).ToHaveTextAsync("must be at least 1 for lactating cows.");
        await Expect(form.GetByTestId("error-headCount")).ToHaveTextAsync("must be between 1 and 10000.");
        await Browser.ScreenshotAsync(page, "group-form");

        await form.Locator("input[name=parity]").FillAsync("2");
        await form.Locator("input[name=headCount]").FillAsync("25");
        await form.GetByTestId("save-group").ClickAsync();
        await Expect(page.GetByTestId("group-name")).ToHaveTextAsync("Fresh pen");
        var inputs = page.GetByTestId("inputs");
        await Expect(inputs).ToContainTextAsync("Lactating");
        await Expect(inputs).ToContainTextAsync("Holstein");
        await Expect(inputs).ToContainTextAsync("25");
        var lactatingDmi = await page.GetByTestId("predicted-dmi-group").TextContentAsync();

        await page.GetByTestId("edit-group").ClickAsync();
        await form.Locator("select[name=state]").SelectOptionAsync("dryCow");
        await Expect(form.Locator("input[name=milkKgPerDay]")).ToHaveCountAsync(0);
        await form.Locator("input[name=daysPregnant]").FillAsync("250");
        await form.GetByTestId("save-group").ClickAsync();
        await Expect(inputs).ToContainTextAsync("Dry");
        await Expect(inputs).ToContainTextAsync("250");
        // A dry cow eats less than the same cow milking 35 kg (NASEM 2021 eq. 2-1 vs 2-3).
        await Expect(page.GetByTestId("predicted-dmi-group")).Not.ToHaveTextAsync(lactatingDmi!);
        Assert.True(double.Parse((await page.GetByTestId("predicted-dmi-group").TextContentAsync())!, System.Globalization.CultureInfo.InvariantCulture)
                    < double.Parse(lactatingDmi!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_Hanwoo_pen_takes_its_gain_as_live_weight_converted_to_shrunk_and_its_temperature_from_the_farm_in_Korean()
    {
        var ct = TestContext.Current.CancellationToken;
        var herd = await Herd.CreateAsync(web.Server);
        await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync("/api/v1/me/language", new { language = "ko" }, ct));
        var page = await web.NewPageAsync("ko-KR");
        await Browser.SignInAsync(page, herd.OwnerEmail);
        await page.GotoAsync($"/#/farms/{herd.FarmId}");
        await page.GetByTestId("add-group").ClickAsync();

        var form = page.GetByTestId("group-form");
        await form.Locator("input[name=name]").FillAsync("비육 2번 우방");
        await form.Locator("select[name=state]").SelectOptionAsync("fatteningSteer");
        // A beef pen's target gain is shrunk-weight gain, and says so; a live-weight gain typed beside it is converted (× 0.96).
        await Expect(form).ToContainTextAsync("공복체중 기준");
        await form.GetByTestId("live-gain").FillAsync("1");
        await Expect(form.Locator("input[name=targetGainKgPerDay]")).ToHaveValueAsync("0.96");
        // An empty temperature leaves the pen to the farm's climate.
        await form.Locator("input[name=temperatureCelsius]").FillAsync("");
        await form.GetByTestId("save-group").ClickAsync();
        await Expect(page.GetByTestId("group-name")).ToHaveTextAsync("비육 2번 우방");

        var groups = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups", ct));
        var pen = groups.EnumerateArray().Single(g => g.GetProperty("name").GetString() == "비육 2번 우방").GetProperty("inputs");
        Assert.Equal(0.96, pen.GetProperty("targetGainKgPerDay").GetDouble(), 6);
        Assert.True(pen.GetProperty("environment").GetProperty("temperatureFromFarmClimate").GetBoolean());
    }
}
