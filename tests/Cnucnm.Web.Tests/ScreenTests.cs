using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cnucnm.Web.Tests;

/// <summary>
/// Every screen of docs/web.md in English and Korean, each waited for until its own content is on screen, with its screenshot
/// (docs/screenshots/screen-NAME.png and screen-NAME-ko.png). The flows behind the screens have their own tests; this one shows that
/// each screen renders in both languages and keeps the screenshots of docs/web.md current.
/// </summary>
public sealed class ScreenTests(WebFixture web)
{
    [Fact]
    public async Task Every_screen_renders_in_English_and_Korean_with_its_screenshot()
    {
        var herd = await Herd.CreateAsync(web.Server);
        var farm = $"/farms/{herd.FarmId}";
        var group = $"{farm}/groups/{herd.GroupId}";
        foreach (var language in new[] { "en", "ko" })
        {
            var korean = language == "ko";
            var suffix = korean ? "-ko" : "";

            // Public screens, signed out (links from e-mails carry a token; an unknown one says so on the screen).
            var page = await web.NewPageAsync(korean ? "ko-KR" : "en-US");
            await page.GotoAsync("/#/signin");
            await page.GetByTestId("language").SelectOptionAsync(language);
            foreach (var (name, path, heading) in new[]
                     {
                         ("signin", "/signin", korean ? "로그인" : "Sign in"),
                         ("register", "/register", korean ? "계정" : "account"),
                         ("forgot-password", "/forgot-password", korean ? "비밀번호" : "password"),
                         ("reset-password", "/reset-password?token=unknown", korean ? "비밀번호" : "password"),
                         ("confirm-registration", "/confirm-registration?token=unknown", korean ? "계정" : "account"),
                     })
            {
                await page.GotoAsync("/#" + path);
                await Expect(page.Locator("h1")).ToContainTextAsync(heading, new() { IgnoreCase = true });
                await Browser.ScreenshotAsync(page, $"screen-{name}{suffix}");
            }

            // Signed in: the farms, every farm screen and a page that does not exist.
            await Browser.SignInAsync(page, herd.OwnerEmail);
            await page.GetByTestId("language").SelectOptionAsync(language);
            var screens = new (string Name, string Path, Func<Task> Ready)[]
            {
                ("farms", "/", () => Expect(page.GetByTestId("farms")).ToContainTextAsync(herd.FarmName)),
                ("verify-email", "/verify-email?token=unknown", () => Expect(page.Locator("h1")).ToBeVisibleAsync()),
                ("invitation", "/invitation?token=unknown", () => Expect(page.Locator("h1")).ToBeVisibleAsync()),
                ("herd-overview", farm, () => Expect(page.GetByTestId("groups").Locator("tbody tr")).ToHaveCountAsync(1)),
                ("alerts", $"{farm}/alerts", () => Expect(page.GetByTestId("alerts")).ToBeVisibleAsync()),
                ("kpis", $"{farm}/kpis", () => Expect(page.GetByTestId("kpi-from")).ToBeVisibleAsync()),
                ("farm-feeds", $"{farm}/feeds", () => Expect(page.GetByTestId("farm-feeds").Locator("tbody tr").First).ToBeVisibleAsync()),
                ("farm-settings", $"{farm}/settings", () => Expect(page.Locator("h1")).ToContainTextAsync(herd.FarmName)),
                ("growth", $"{farm}/growth", () => Expect(page.GetByTestId("simulate")).ToBeVisibleAsync()),
                ("group", group, () => Expect(page.GetByTestId("ration-history").Locator("tbody tr").First).ToBeVisibleAsync()),
                ("workbench", $"{group}/workbench", () => Expect(page.GetByTestId("candidates").Locator("tbody tr").First).ToBeVisibleAsync()),
                ("mixer-sheet", $"{group}/mixer", () => Expect(page.GetByTestId("mixer-load").First).ToBeVisibleAsync()),
                ("not-found", "/no/such/page", () => Expect(page.Locator("h1")).ToContainTextAsync(korean ? "찾을 수 없" : "not found", new() { IgnoreCase = true })),
            };
            foreach (var (name, path, ready) in screens)
            {
                await page.GotoAsync("/#" + path);
                await ready();
                // The chrome and the page in the chosen language.
                await Expect(page.GetByTestId("language")).ToHaveValueAsync(language);
                await Browser.ScreenshotAsync(page, $"screen-{name}{suffix}");
            }

            await page.Context.CloseAsync();
        }
    }
}
