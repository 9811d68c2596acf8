using Cnucnm.Silo.Hosting;

namespace Cnucnm.Api.Tests.Infrastructure;

/// <summary>The metrics port listens where the process itself listens, unless configured otherwise.</summary>
public sealed class MetricsBindingTests
{
    [Theory]
    [InlineData("http://localhost:5080", null, "http://localhost:9464")]
    [InlineData("http://127.0.0.1:5080;http://10.0.0.5:5080", null, "http://127.0.0.1:9464")]
    [InlineData("http://[::1]:5080", null, "http://[::1]:9464")]
    [InlineData("http://+:8080", null, "http://+:9464")]
    [InlineData("http://0.0.0.0:8081", null, "http://0.0.0.0:9464")]
    [InlineData("http://localhost:5080", "0.0.0.0", "http://0.0.0.0:9464")]
    [InlineData("http://0.0.0.0:8080", "10.1.2.3", "http://10.1.2.3:9464")]
    [InlineData("http://0.0.0.0:8080", "::1", "http://[::1]:9464")]
    public void Metrics_listen_on_the_configured_address_or_the_processs_own(string urls, string? configured, string expected) =>
        Assert.Equal(expected, TelemetrySetup.MetricsUrl(urls.Split(';'), configured, 9464));
}
