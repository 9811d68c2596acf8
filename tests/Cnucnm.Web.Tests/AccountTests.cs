using Cnucnm.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cnucnm.Web.Tests;

/// <summary>Accounts in Chromium: a new farmer signs up, creates the account with the e-mailed link and registers
/// a farm; a forgotten password is replaced from the e-mailed link.</summary>
public sealed class AccountTests(WebFixture web)
{
    [Fact]
    public async Task A_new_farmer_signs_up_creates_the_account_from_the_email_and_registers_a_farm()
    {
        var email = $"new-farmer-{Guid.NewGuid():N}@farm.test";
        var page = await web.NewPageAsync();
        await page.GotoAsync("/#/signin");
        await page.GetByTestId("register-link").ClickAsync();
        await page.Locator("input[name=displayName]").FillAsync("김농부");
        await page.Locator("input[name=email]").FillAsync(email);
        await page.Locator("input[name=password]").FillAsync("short");
        await page.Locator("form.signin button[type=submit]").ClickAsync();
        // The API's field message, under the field.
        await Expect(page.GetByTestId("error-password")).ToHaveTextAsync("must be at least 10 characters.");
        await Browser.ScreenshotAsync(page, "register");

        await page.Locator("input[name=password]").FillAsync(Herd.Password);
        await page.Locator("form.signin button[type=submit]").ClickAsync();
        // The same page whether or not the address has an account: the e-mail tells which.
        await Expect(page.GetByTestId("register-sent")).ToContainTextAsync($"We sent an e-mail to {email}.");

        var confirmation = await web.Smtp.WaitForAsync(email, m => m.Subject == "Confirm your CNUCNM registration");
        var token = SmtpReceiver.LinkToken(confirmation, "confirm-registration");
        await page.GotoAsync($"/#/confirm-registration?token={token}");
        await Expect(page.GetByText("You are not a member of any farm yet.")).ToBeVisibleAsync();
        // A link works once.
        await page.GotoAsync($"/#/confirm-registration?token={token}");
        await Expect(page.GetByTestId("confirm-registration")).ToContainTextAsync("This link is invalid, already used or expired");

        await page.GotoAsync("/#/");
        await page.GetByTestId("add-farm").ClickAsync();
        var form = page.GetByTestId("new-farm");
        await form.Locator("input[name=name]").FillAsync("새봄 목장");
        await form.Locator("input[name=region]").FillAsync("Chungcheongnam-do");
        await form.Locator("input[name=timeZone]").FillAsync("Mars/Olympus");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(form.GetByTestId("error-timeZone")).ToHaveTextAsync("is not a known IANA time zone.");
        await form.Locator("input[name=timeZone]").FillAsync("Asia/Seoul");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(page.GetByTestId("farm-name")).ToHaveTextAsync("새봄 목장 · Herd overview");
        await Expect(page.GetByText("No groups yet.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Repeated_wrong_passwords_make_this_browser_wait_and_say_how_long()
    {
        var (client, email) = await Herd.UserAsync(web.Server, "mistyped");
        client.Dispose();
        var page = await web.NewPageAsync();
        await page.GotoAsync("/#/signin");
        await page.Locator("input[name=email]").FillAsync(email);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await page.Locator("input[name=password]").FillAsync($"mistyped-password-{attempt}");
            await page.Locator("form.signin button[type=submit]").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("E-mail or password is wrong.");
        }

        // Then waits begin (1 s, 2 s, 4 s … after each further mistake): keep mistyping until a try lands in one.
        var alert = page.GetByRole(AriaRole.Alert);
        var throttled = new System.Text.RegularExpressions.Regex("^Too many wrong passwords from here: wait \\d+ s and try again\\.$");
        for (var attempt = 4; attempt <= 12 && !throttled.IsMatch(await alert.TextContentAsync() ?? ""); attempt++)
        {
            await page.Locator("input[name=password]").FillAsync($"mistyped-password-{attempt}");
            await page.Locator("form.signin button[type=submit]").ClickAsync();
            await Expect(page.Locator("form.signin button[type=submit]")).ToBeEnabledAsync();
        }

        await Expect(alert).ToHaveTextAsync(throttled);
    }

    [Fact]
    public async Task A_forgotten_password_is_replaced_from_the_emailed_link_and_only_the_new_one_signs_in()
    {
        var (client, email) = await Herd.UserAsync(web.Server, "forgetful");
        client.Dispose();
        var page = await web.NewPageAsync();
        await page.GotoAsync("/#/signin");
        await page.GetByTestId("forgot-link").ClickAsync();
        await page.Locator("input[name=email]").FillAsync(email);
        await page.Locator("form.signin button[type=submit]").ClickAsync();
        await Expect(page.GetByTestId("reset-sent")).ToContainTextAsync(email);

        var reset = await web.Smtp.WaitForAsync(email, m => (m.TextBody ?? "").Contains("#/reset-password", StringComparison.Ordinal));
        var token = SmtpReceiver.LinkToken(reset, "reset-password");
        await page.GotoAsync($"/#/reset-password?token={token}");
        await page.Locator("input[name=newPassword]").FillAsync("new-password-22");
        await page.Locator("input[name=repeat]").FillAsync("new-password-23");
        await page.Locator("form.signin button[type=submit]").ClickAsync();
        await Expect(page.GetByTestId("error-repeat")).ToHaveTextAsync("The two passwords differ.");
        await page.Locator("input[name=repeat]").FillAsync("new-password-22");
        await page.Locator("form.signin button[type=submit]").ClickAsync();
        await Expect(page.GetByTestId("reset-done")).ToBeVisibleAsync();

        await page.GetByTestId("to-sign-in").ClickAsync();
        await page.Locator("input[name=email]").FillAsync(email);
        await page.Locator("input[name=password]").FillAsync(Herd.Password);
        await page.Locator("form.signin button[type=submit]").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("E-mail or password is wrong.");
        await page.Locator("input[name=password]").FillAsync("new-password-22");
        await page.Locator("form.signin button[type=submit]").ClickAsync();
        await Expect(page.GetByTestId("add-farm")).ToBeVisibleAsync();

        // The used link now explains itself and offers a new one.
        await page.GotoAsync($"/#/reset-password?token={token}");
        await page.Locator("input[name=newPassword]").FillAsync("newer-password-33");
        await page.Locator("input[name=repeat]").FillAsync("newer-password-33");
        await page.Locator("form.signin button[type=submit]").ClickAsync();
        await Expect(page.GetByTestId("error-token")).ToContainTextAsync("invalid, already used or expired");
    }

    [Fact]
    public async Task A_page_whose_requests_all_meet_a_stale_access_token_renews_the_session_once_and_stays_signed_in()
    {
        var herd = await Herd.CreateAsync(web.Server);
        var page = await web.NewPageAsync();
        await Browser.SignInAsync(page, herd.OwnerEmail);
        await Browser.OpenLiveAsync(page, $"/farms/{herd.FarmId}");
        var before = await page.EvaluateAsync<string>("() => JSON.parse(localStorage.getItem('cnucnm.session')).refreshToken");

        // Every request of the reloaded page (the person, the farm, its groups, the event stream) answers 401 at once.
        await page.EvaluateAsync("() => { const s = JSON.parse(localStorage.getItem('cnucnm.session')); s.accessToken = 'stale'; localStorage.setItem('cnucnm.session', JSON.stringify(s)); }");
        await page.ReloadAsync();
        await Expect(page.Locator($"[data-group='{herd.GroupId}']")).ToContainTextAsync("High pen");
        await Expect(page.Locator("[data-live=ready]")).ToBeVisibleAsync();

        // One renewal: a second use of the same refresh token would have revoked the session.
        var after = await page.EvaluateAsync<string>("() => JSON.parse(localStorage.getItem('cnucnm.session')).refreshToken");
        Assert.NotEqual(before, after);
        await page.GetByTestId("alerts-link").ClickAsync();
        await Expect(page.GetByTestId("alerts")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_session_that_cannot_be_renewed_goes_to_sign_in_and_comes_back_after_it()
    {
        var herd = await Herd.CreateAsync(web.Server);
        var page = await web.NewPageAsync();
        await Browser.SignInAsync(page, herd.OwnerEmail);
        await page.GotoAsync($"/#/farms/{herd.FarmId}/alerts");
        await Expect(page.GetByTestId("alerts")).ToBeVisibleAsync();
        await page.EvaluateAsync("() => localStorage.setItem('cnucnm.session', JSON.stringify({ accessToken: 'stale', refreshToken: 'revoked' }))");
        await page.ReloadAsync();

        await Expect(page.Locator("form.signin")).ToBeVisibleAsync();
        await page.Locator("input[name=email]").FillAsync(herd.OwnerEmail);
        await page.Locator("input[name=password]").FillAsync(Herd.Password);
        await page.Locator("form.signin button[type=submit]").ClickAsync();
        await Expect(page.GetByTestId("alerts")).ToBeVisibleAsync();
    }
}
