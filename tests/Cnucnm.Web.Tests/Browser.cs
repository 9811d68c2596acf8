using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cnucnm.Web.Tests;

/// <summary>What a person does in the browser, and where the screenshots go.</summary>
public static class Browser
{
    public static async Task SignInAsync(IPage page, string email, string password = Herd.Password)
    {
        await page.GotoAsync("/#/signin");
        await page.Locator("input[name=email]").FillAsync(email);
        await page.Locator("input[name=password]").FillAsync(password);
        await page.Locator("form.signin button[type=submit]").ClickAsync();
        await Expect(page.GetByTestId("farms")).ToBeVisibleAsync();
    }

    /// <summary>Opens a farm page and waits until its event stream is live.</summary>
    public static async Task OpenLiveAsync(IPage page, string hashPath)
    {
        await page.GotoAsync("/#" + hashPath);
        await Expect(page.Locator("[data-live=ready]")).ToBeVisibleAsync();
    }

    /// <summary>docs/screenshots/NAME.png in the repository (committed; CI keeps them as artifacts).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CNUCNM.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var target = Path.Combine(directory.FullName, "docs", "screenshots");
        Directory.CreateDirectory(target);
        await page.ScreenshotAsync(new() { Path = Path.Combine(target, name + ".png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }
}
