using Cnucnm.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cnucnm.LoadTests;

/// <summary>The product's silo hosted in this process (warnings only in the log), started with the given settings: the grain
/// loads call grains directly, with no API or gateway between.</summary>
internal static class InProcessSilo
{
    public static async Task<IHost> StartAsync(IDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCnucnmSilo(builder.AddCnucnmOptions());
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
