using System.Security.Cryptography;
using Cnucnm.Silo.Hosting.Webhooks;
using CsCheck;

namespace Cnucnm.Api.Tests.Integrations;

public sealed class WebhookSigningTests
{
    private const string Body = """{"id":"0193","type":"ration.changed"}""";

    [Fact]
    public void Signature_matches_an_independent_HMAC_SHA256_of_timestamp_dot_body()
    {
        // Computed with Python: hmac.new(b'whsec_test-secret', b'1764063000.' + body, hashlib.sha256).hexdigest()
        Assert.Equal("v1=2cc2ff0989435f262981c73d72fa5337756245f2cb20af36bf6107cbe6f1017e",
            WebhookSignature.Sign("whsec_test-secret", 1764063000, Body));
    }

    [Fact]
    public void Verification_rejects_a_changed_body_a_wrong_secret_and_a_replayed_timestamp()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1764063000);
        var signature = WebhookSignature.Sign("whsec_a", now.ToUnixTimeSeconds(), Body);
        var tolerance = TimeSpan.FromMinutes(5);
        Assert.True(WebhookSignature.Verify("whsec_a", "1764063000", Body, signature, now.AddMinutes(4), tolerance));
        Assert.True(WebhookSignature.Verify("whsec_a", "1764063000", Body, $"v1=00, {signature}", now, tolerance));
        Assert.False(WebhookSignature.Verify("whsec_a", "1764063000", Body + " ", signature, now, tolerance));
        Assert.False(WebhookSignature.Verify("whsec_b", "1764063000", Body, signature, now, tolerance));
        Assert.False(WebhookSignature.Verify("whsec_a", "1764063000", Body, signature, now.AddMinutes(6), tolerance));
        Assert.False(WebhookSignature.Verify("whsec_a", "1764063001", Body, signature, now, tolerance));
        Assert.False(WebhookSignature.Verify("whsec_a", null, Body, signature, now, tolerance));
    }

    [Fact]
    public void Back_off_ceilings_double_from_the_base_up_to_the_maximum()
    {
        var schedule = new RetrySchedule(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1));
        Assert.Equal([5, 10, 20, 40, 60, 60], Enumerable.Range(1, 6).Select(n => schedule.Ceiling(n).TotalSeconds));
        Assert.Equal(TimeSpan.FromMinutes(1), schedule.Ceiling(1000));
    }

    [Fact]
    public void Full_jitter_draws_every_wait_between_zero_and_the_ceiling() =>
        Gen.Select(Gen.Int[1, 100], Gen.Double[0, 0.999999]).Sample((attempt, uniform) =>
        {
            var schedule = new RetrySchedule(TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1));
            var delay = schedule.Delay(attempt, uniform);
            return delay >= TimeSpan.Zero && delay < schedule.Ceiling(attempt) + TimeSpan.FromTicks(1);
        });

    [Fact]
    public void A_protected_secret_opens_only_with_its_key_and_its_subscription_id()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var subscription = Guid.NewGuid();
        var secret = WebhookSecretProtector.NewSecret();
        var stored = new WebhookSecretProtector(key).Protect(secret, subscription);
        Assert.Equal(secret, new WebhookSecretProtector(key).Unprotect(stored, subscription));
        Assert.NotEqual(stored, new WebhookSecretProtector(key).Protect(secret, subscription)); // fresh nonce each time
        Assert.ThrowsAny<CryptographicException>(() => new WebhookSecretProtector(RandomNumberGenerator.GetBytes(32)).Unprotect(stored, subscription));
        Assert.ThrowsAny<CryptographicException>(() => new WebhookSecretProtector(key).Unprotect(stored, Guid.NewGuid()));
        stored[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => new WebhookSecretProtector(key).Unprotect(stored, subscription));
    }
}
