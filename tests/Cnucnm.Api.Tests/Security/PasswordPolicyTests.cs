using Cnucnm.Api.Security;

namespace Cnucnm.Api.Tests.Security;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("1234567890")]   // sequence, and in the breached list
    [InlineData("aaaaaaaaaa")]   // repetition
    [InlineData("password12")]   // breached list
    [InlineData("qwertyuiop")]   // keyboard pattern
    [InlineData("PASSWORD12")]   // the list ignores case
    public void Common_and_guessable_passwords_are_refused(string password) =>
        Assert.NotNull(PasswordPolicy.Problem(password));

    [Theory]
    [InlineData("correct-horse-1")]
    [InlineData("new-horse-battery-2")]
    [InlineData("한우 사료 배합 2026")]
    public void Long_uncommon_passwords_are_accepted(string password) =>
        Assert.Null(PasswordPolicy.Problem(password));

    [Fact]
    public void Length_limits_hold_whatever_the_characters()
    {
        Assert.Contains("at least 10", PasswordPolicy.Problem("x7#Qp!2z"), StringComparison.Ordinal);
        Assert.Contains("at most 256", PasswordPolicy.Problem(new string('x', 100) + Guid.NewGuid().ToString("N") + new string('y', 200)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_made_of_the_accounts_own_name_and_address_is_refused()
    {
        const string password = "kimminsu-hanwoo";
        Assert.Null(PasswordPolicy.Problem(password));
        Assert.NotNull(PasswordPolicy.Problem(password, "kimminsu@hanwoo.kr", "Kim Minsu"));
    }

    [Fact]
    public void The_breached_list_comes_from_the_package_in_full() =>
        Assert.True(PasswordPolicy.BreachedCount > 25_000, $"{PasswordPolicy.BreachedCount} passwords");
}
