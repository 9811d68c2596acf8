using System.Globalization;
using Cnucnm.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Cnucnm.Api.Tests.Infrastructure;

/// <summary>Every settings class is bound one way (<c>Settings.AddSettings</c>: BindConfiguration, validators, ValidateOnStart):
/// a wrong value stops the service at start, with a message naming the setting, before it listens.</summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("Cnucnm:ClusterId", "Not Valid", "Cnucnm:ClusterId")]
    [InlineData("Cnucnm:Silo:SiloPort", "70000", "Cnucnm:Silo:SiloPort")]
    [InlineData("Cnucnm:ShutdownTimeoutSeconds", "0", "Cnucnm:ShutdownTimeoutSeconds")]
    [InlineData("Cnucnm:Api:TrustedProxyNetworks:0", "10.0.0.0/33", "Cnucnm:Api:TrustedProxyNetworks")]
    [InlineData("Cnucnm:Api:CorsOrigins:0", "farm.example", "Cnucnm:Api:CorsOrigins")]
    [InlineData("Cnucnm:RateLimits:UserPerSecond", "0", "Cnucnm:RateLimits:UserPerSecond")]
    [InlineData("Cnucnm:Auth:AccessTokenMinutes", "0", "Cnucnm:Auth:AccessTokenMinutes")]
    [InlineData("Cnucnm:Auth:SigningKey", "c2hvcnQ=", "Cnucnm:Auth:SigningKey")]
    [InlineData("Cnucnm:Integrations:Webhooks:MaxAttempts", "0", "Cnucnm:Integrations:Webhooks:MaxAttempts")]
    [InlineData("Cnucnm:Email:FromAddress", "not-an-address", "Cnucnm:Email:FromAddress")]
    [InlineData("Cnucnm:Telemetry:MetricsPort", "-1", "Cnucnm:Telemetry:MetricsPort")]
    [InlineData("Cnucnm:Demo:Email", "not-an-address", "Cnucnm:Demo:Email")]
    public void A_wrong_setting_stops_the_service_at_start_naming_the_setting(string key, string value, string named)
    {
        using var api = new BadSettingApi(key, value);

        var exception = Record.Exception(() => api.Server);

        var failure = Assert.IsType<OptionsValidationException>(Unwrap(exception));
        Assert.Contains(failure.Failures, f => f.StartsWith(named, StringComparison.Ordinal));
    }

    private static Exception? Unwrap(Exception? exception)
    {
        while (exception is AggregateException or System.Reflection.TargetInvocationException or InvalidOperationException { InnerException: not null })
        {
            exception = exception.InnerException;
        }

        return exception;
    }

    private sealed class BadSettingApi(string key, string value) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Cnucnm:Profile", "Embedded");
            builder.UseSetting("Cnucnm:ClusterId", $"settings-{Guid.NewGuid():N}"[..24]);
            builder.UseSetting("Cnucnm:Silo:SiloPort", PostgresServer.FreePort().ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Cnucnm:Silo:GatewayPort", PostgresServer.FreePort().ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Cnucnm:Silo:AdvertisedAddress", "127.0.0.1");
            builder.UseSetting("Cnucnm:Telemetry:MetricsPort", "0");
            builder.UseSetting(key, value);
        }
    }
}
