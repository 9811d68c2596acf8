using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cnucnm.Web.Tests;

/// <summary>A farm's people and devices in the browser: the owner adds a nutritionist and a device key the
/// scale can use until it is revoked; a viewer sees the members and nothing to change.</summary>
public sealed class FarmSettingsTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_owner_adds_a_member_and_a_device_key_that_works_until_revoked_and_a_viewer_changes_nothing()
    {
        var herd = await Herd.CreateAsync(web.Server);
        var (consultant, consultantEmail) = await Herd.UserAsync(web.Server, "consultant");
        consultant.Dispose();
        var page = await web.NewPageAsync();
        await Browser.SignInAsync(page, herd.OwnerEmail);
        await page.GotoAsync($"/#/farms/{herd.FarmId}");
        await page.GetByTestId("settings-link").ClickAsync();

        var add = page.GetByTestId("add-member");
        await add.Locator("input[name=email]").FillAsync("nobody-here@farm.test");
        await add.Locator("button[type=submit]").ClickAsync();
        await Expect(page.GetByTestId("member-error")).ToHaveTextAsync("no account has this e-mail address; the person must register first.");
        await add.Locator("input[name=email]").FillAsync(consultantEmail);
        await add.Locator("select[name=newRole]").SelectOptionAsync("nutritionist");
        await add.Locator("button[type=submit]").ClickAsync();
        var row = page.Locator($"[data-member='{consultantEmail}']");
        await Expect(row.Locator("select[name=role]")).ToHaveValueAsync("nutritionist");

        // The owner cannot leave the farm without an owner.
        await page.Locator($"[data-member='{herd.OwnerEmail}']").GetByTestId("remove-member").ClickAsync();
        await Expect(page.GetByTestId("member-error")).ToHaveTextAsync("A farm must keep at least one owner.");

        await page.GetByTestId("add-key").Locator("input[name=keyName]").FillAsync("mixer wagon");
        await page.GetByTestId("add-key").Locator("button[type=submit]").ClickAsync();
        var secret = (await page.GetByTestId("key-secret").TextContentAsync())!.Trim();
        await Expect(page.Locator("[data-key='mixer wagon']")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "farm-settings");

        Assert.Equal(HttpStatusCode.OK, (await PostReadingAsync(secret, herd.GroupId, 1)).StatusCode);
        await page.ReloadAsync();
        await Expect(page.GetByTestId("created-key")).ToHaveCountAsync(0); // shown once
        await page.Locator("[data-key='mixer wagon']").GetByTestId("revoke-key").ClickAsync();
        await Expect(page.Locator("[data-key='mixer wagon']")).ToContainTextAsync("revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostReadingAsync(secret, herd.GroupId, 2)).StatusCode);

        var viewerEmail = await herd.AddMemberAsync(web.Server, "viewer");
        var viewer = await web.NewPageAsync();
        await Browser.SignInAsync(viewer, viewerEmail);
        await viewer.GotoAsync($"/#/farms/{herd.FarmId}/settings");
        await Expect(viewer.GetByTestId("members")).ToContainTextAsync(consultantEmail);
        await Expect(viewer.GetByTestId("add-member")).ToHaveCountAsync(0);
        await Expect(viewer.GetByTestId("remove-member")).ToHaveCountAsync(0);
        await Expect(viewer.GetByTestId("device-keys")).ToHaveCountAsync(0);
    }

    private async Task<HttpResponseMessage> PostReadingAsync(string deviceKey, Guid groupId, long sequence)
    {
        using var device = web.Server.CreateClient();
        device.DefaultRequestHeaders.Add("X-Api-Key", deviceKey);
        return await device.PostAsJsonAsync("/api/v1/intake-readings", new
        {
            readings = new[]
            {
                new { deviceId = "wagon-1", sequence, measuredAt = DateTimeOffset.UtcNow.AddMinutes(-1), groupId, feedId = "corn-silage", deliveredKgAsFed = 100.0, refusedKgAsFed = 0.0 },
            },
        }, Ct);
    }
}
