using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cnucnm.Web.Tests;

/// <summary>A farm's people and devices in the browser: the owner invites people by e-mail (the same answer for any
/// address, in English and Korean), revokes an invitation, the invited nutritionist accepts hers signed in, and the
/// owner adds a device key the scale can use until it is revoked; a viewer sees the members and nothing to change.</summary>
public sealed class FarmSettingsTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_owner_invites_a_member_who_accepts_and_adds_a_device_key_that_works_until_revoked_and_a_viewer_changes_nothing()
    {
        var herd = await Herd.CreateAsync(web.Server);
        var (consultant, consultantEmail) = await Herd.UserAsync(web.Server, "consultant");
        consultant.Dispose();
        var page = await web.NewPageAsync();
        await Browser.SignInAsync(page, herd.OwnerEmail);
        await page.GotoAsync($"/#/farms/{herd.FarmId}");
        await page.GetByTestId("settings-link").ClickAsync();

        // An address without an account gets the same answer as a registered one: an invitation is on its way.
        var add = page.GetByTestId("add-member");
        await add.Locator("input[name=email]").FillAsync("nobody-here@farm.test");
        await add.Locator("button[type=submit]").ClickAsync();
        await Expect(page.GetByTestId("invitation-sent")).ToHaveTextAsync(
            "An invitation is on its way to nobody-here@farm.test. The person accepts it signed in with that address (registering with it first if needed).");
        await Expect(page.Locator("[data-invitation='nobody-here@farm.test']")).ToBeVisibleAsync();
        await page.GetByTestId("language").SelectOptionAsync("ko");
        await add.Locator("input[name=email]").FillAsync(consultantEmail);
        await add.Locator("select[name=newRole]").SelectOptionAsync("nutritionist");
        await add.Locator("button[type=submit]").ClickAsync();
        await Expect(page.GetByTestId("invitation-sent")).ToHaveTextAsync(
            $"{consultantEmail}(으)로 초대 메일을 보냈습니다. 그 주소로 로그인해서(계정이 없으면 먼저 가입해서) 수락하면 됩니다.");
        await Expect(page.Locator($"[data-invitation='{consultantEmail}']")).ToContainTextAsync("영양 컨설턴트");
        await Expect(page.GetByTestId("member-error")).ToHaveCountAsync(0);
        await page.Locator("[data-invitation='nobody-here@farm.test']").GetByTestId("revoke-invitation").ClickAsync();
        await Expect(page.Locator("[data-invitation='nobody-here@farm.test']")).ToHaveCountAsync(0);
        await page.GetByTestId("language").SelectOptionAsync("en");

        // The nutritionist signs in with the invited address and accepts.
        var consultantPage = await web.NewPageAsync();
        await consultantPage.GotoAsync("/#/signin");
        await consultantPage.Locator("input[name=email]").FillAsync(consultantEmail);
        await consultantPage.Locator("input[name=password]").FillAsync(Herd.Password);
        await consultantPage.Locator("form.signin button[type=submit]").ClickAsync();
        var invitation = consultantPage.Locator($"[data-invitation='{herd.FarmName}']");
        await Expect(invitation).ToContainTextAsync($"{herd.FarmName} invites you as Nutritionist.");
        await invitation.GetByTestId("accept-invitation").ClickAsync();
        await Expect(consultantPage.GetByTestId("farms")).ToContainTextAsync(herd.FarmName);
        await Expect(consultantPage.GetByTestId("my-invitations")).ToHaveCountAsync(0);

        await page.ReloadAsync();
        var row = page.Locator($"[data-member='{consultantEmail}']");
        await Expect(row.Locator("select[name=role]")).ToHaveValueAsync("nutritionist");
        await Expect(page.Locator($"[data-invitation='{consultantEmail}']")).ToHaveCountAsync(0);

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
        await Expect(viewer.GetByTestId("invitations")).ToHaveCountAsync(0);
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
