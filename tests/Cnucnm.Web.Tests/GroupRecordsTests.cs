using System.Globalization;
using static Microsoft.Playwright.Assertions;

namespace Cnucnm.Web.Tests;

/// <summary>Records on the group page (issue 19, point 7): weighings with body condition and milk tests recorded in the
/// browser; a steer pen starts with steer values, has no milk tests and shows its requirements before any ration.</summary>
public sealed class GroupRecordsTests(WebFixture web)
{
    [Fact]
    public async Task A_weighing_and_a_milk_test_are_recorded_on_a_milking_pen()
    {
        var herd = await Herd.CreateAsync(web.Server);
        var page = await web.NewPageAsync();
        await Browser.SignInAsync(page, herd.OwnerEmail);
        await page.GotoAsync($"/#/farms/{herd.FarmId}/groups/{herd.GroupId}");
        var records = page.GetByTestId("group-records");
        await Expect(records.GetByTestId("requirements").Locator("tbody tr").First).ToBeVisibleAsync();

        // A Holstein's body condition is scored 1–5: the API's field message shows under the field.
        var weighing = page.GetByTestId("weighing-form");
        await weighing.Locator("input[name=bodyWeightKg]").FillAsync("640");
        await weighing.Locator("input[name=bodyConditionScore]").FillAsync("6");
        await weighing.GetByTestId("add-weighing").ClickAsync();
        await Expect(weighing.GetByTestId("error-bodyConditionScore")).ToContainTextAsync("between 1 and 5");

        await weighing.Locator("input[name=bodyConditionScore]").FillAsync("3.25");
        await weighing.GetByTestId("add-weighing").ClickAsync();
        await Expect(records.GetByTestId("weighings")).ToContainTextAsync("640 kg");
        await Expect(records.GetByTestId("weighings")).ToContainTextAsync("3.25");
        await Expect(records.GetByTestId("weighings")).ToContainTextAsync("owner"); // who recorded it, by name

        var milk = page.GetByTestId("milk-test-form");
        await milk.Locator("input[name=milkKgPerDay]").FillAsync("36.5");
        await milk.Locator("input[name=fatPercent]").FillAsync("3.9");
        await milk.Locator("input[name=trueProteinPercent]").FillAsync("3.2");
        await milk.Locator("input[name=lactosePercent]").FillAsync("4.8");
        await milk.GetByTestId("add-milk-test").ClickAsync();
        await Expect(records.GetByTestId("milk-tests")).ToContainTextAsync("36.5 kg");
        await Expect(records.GetByTestId("milk-tests")).ToContainTextAsync("3.90 %");
        await Browser.ScreenshotAsync(page, "group-records");
    }

    [Fact]
    public async Task In_Korean_a_new_steer_pen_has_steer_values_no_milk_tests_and_requirements_before_any_ration()
    {
        var herd = await Herd.CreateAsync(web.Server, withRation: false);
        var page = await web.NewPageAsync("ko-KR");
        await Browser.SignInAsync(page, herd.OwnerEmail);
        await page.GetByTestId("language").SelectOptionAsync("ko");
        await page.GotoAsync($"/#/farms/{herd.FarmId}");
        await page.GetByTestId("add-group").ClickAsync();
        var form = page.GetByTestId("group-form");
        await form.Locator("input[name=name]").FillAsync("비육우 1동");
        await form.Locator("select[name=state]").SelectOptionAsync("fatteningSteer");
        // Steer values, not a milking Holstein's: Hanwoo, no parity or pregnancy, no milk.
        await Expect(form.Locator("select[name=breed]")).ToHaveValueAsync("hanwoo");
        await Expect(form.Locator("input[name=bodyWeightKg]")).ToHaveValueAsync("600");
        await Expect(form.Locator("input[name=parity]")).ToHaveCountAsync(0);
        await Expect(form.Locator("input[name=milkKgPerDay]")).ToHaveCountAsync(0);
        await form.GetByTestId("save-group").ClickAsync();
        await Expect(page.GetByTestId("group-name")).ToHaveTextAsync("비육우 1동");

        var records = page.GetByTestId("group-records");
        await Expect(records).ToContainTextAsync("요구량 (두당 1일)");
        var dmi = double.Parse((await records.GetByTestId("requirements-dmi").TextContentAsync())!, CultureInfo.GetCultureInfo("ko-KR"));
        Assert.InRange(dmi, 5, 15); // a 600 kg steer eats some kg DM a day, whatever the ration
        await Expect(records.GetByTestId("requirements").Locator("tbody tr")).Not.ToHaveCountAsync(0);
        await Expect(records).Not.ToContainTextAsync("유검정");
        await Expect(page.GetByTestId("milk-test-form")).ToHaveCountAsync(0);

        // A beef animal's body condition is scored 1–9.
        var weighing = page.GetByTestId("weighing-form");
        await weighing.Locator("input[name=bodyWeightKg]").FillAsync("615");
        await weighing.Locator("input[name=bodyConditionScore]").FillAsync("6");
        await weighing.GetByTestId("add-weighing").ClickAsync();
        await Expect(records.GetByTestId("weighings")).ToContainTextAsync("615 kg");
        await Browser.ScreenshotAsync(page, "group-records-ko");
    }
}
