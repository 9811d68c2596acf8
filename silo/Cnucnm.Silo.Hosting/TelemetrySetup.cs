using Cnucnm.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Cnucnm.Silo.Hosting;

/// <summary>Settings of section <c>Cnucnm:Telemetry</c>.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Cnucnm:Telemetry";

    /// <summary>OTLP endpoint for traces and metrics (e.g. http://otel-collector:4317); empty: no export.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Port of the Prometheus scrape endpoint <c>/metrics</c>, kept off the public port so the
    /// ingress never exposes it (0: no scrape endpoint).</summary>
    public int MetricsPort { get; set; } = 9464;
}

public static class TelemetrySetup
{
    /// <summary>OpenTelemetry traces (ASP.NET Core → Orleans → Npgsql) and metrics (ASP.NET Core, runtime,
    /// Orleans, CNUCNM), exported by OTLP when configured and scraped by Prometheus.</summary>
    public static TelemetryOptions AddCnucnmTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing => tracing
                .AddSource(Telemetry.Name, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(Telemetry.Name, "Microsoft.Orleans")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation();
                if (options.MetricsPort > 0)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            telemetry.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(options.OtlpEndpoint));
        }

        if (options.MetricsPort > 0 && builder is WebApplicationBuilder web)
        {
            var urls = (web.Configuration["urls"] ?? web.Configuration["Urls"] ?? "http://localhost:5000")
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            web.WebHost.UseUrls([.. urls, $"http://0.0.0.0:{options.MetricsPort}"]);
        }

        return options;
    }

    /// <summary>
    /// <c>/metrics</c> on the metrics port only. The Host header is the client's to choose (a request to the
    /// public port saying <c>Host: x:9464</c> matches <c>RequireHost</c>), so the connection's own port decides.
    /// </summary>
    public static void MapCnucnmMetrics(this IEndpointRouteBuilder endpoints, TelemetryOptions options)
    {
        if (options.MetricsPort > 0)
        {
            var port = options.MetricsPort;
            endpoints.MapPrometheusScrapingEndpoint("/metrics").RequireHost($"*:{port}")
                .WithMetadata(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute())
                .Add(endpoint =>
                {
                    var scrape = endpoint.RequestDelegate!;
                    endpoint.RequestDelegate = context =>
                    {
                        if (context.Connection.LocalPort == port)
                        {
                            return scrape(context);
                        }

                        context.Response.StatusCode = StatusCodes.Status404NotFound;
                        return Task.CompletedTask;
                    };
                });
        }
    }
}
