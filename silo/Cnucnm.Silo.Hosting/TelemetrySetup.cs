using System.ComponentModel.DataAnnotations;
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
    [Url]
    public string? OtlpEndpoint { get; set; }

    /// <summary>Port of the Prometheus scrape endpoint <c>/metrics</c>, kept off the public port so the
    /// ingress never exposes it (0: no scrape endpoint).</summary>
    [Range(0, 65535)]
    public int MetricsPort { get; set; } = 9464;

    /// <summary>Address the metrics port listens on. Empty: the address of the process's own first URL
    /// (<c>Urls</c>), so a process bound to loopback keeps its metrics on loopback too; <c>0.0.0.0</c> for a pod
    /// that Prometheus scrapes from outside.</summary>
    public string? MetricsAddress { get; set; }
}

public static class TelemetrySetup
{
    /// <summary>OpenTelemetry traces (ASP.NET Core → Orleans → Npgsql) and metrics (ASP.NET Core, runtime,
    /// Orleans, CNUCNM), exported by OTLP when configured and scraped by Prometheus.</summary>
    public static TelemetryOptions AddCnucnmTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var options = builder.AddSettings<TelemetryOptions>(TelemetryOptions.SectionName);
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
            web.WebHost.UseUrls([.. urls, MetricsUrl(urls, options.MetricsAddress, options.MetricsPort)]);
        }

        return options;
    }

    /// <summary>The metrics port's URL: on <paramref name="configuredAddress"/>, or else on the host of the first of
    /// the process's own URLs (<c>localhost</c> stays loopback; <c>+</c>, <c>*</c> and <c>0.0.0.0</c> stay every interface).</summary>
    public static string MetricsUrl(IReadOnlyList<string> urls, string? configuredAddress, int port)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var host = configuredAddress is { Length: > 0 } configured ? configured : urls.Count > 0 ? HostOf(urls[0]) : "localhost";
        if (host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('['))
        {
            host = $"[{host}]"; // an IPv6 address
        }

        return $"http://{host}:{port}";
    }

    /// <summary>The host part of a Kestrel URL, which may be a wildcard (<c>http://+:80</c>) that <see cref="Uri"/> does not parse.</summary>
    private static string HostOf(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal) is var scheme and >= 0 ? scheme + 3 : 0;
        var rest = url[start..];
        if (rest.StartsWith('['))
        {
            return rest[..(rest.IndexOf(']', StringComparison.Ordinal) + 1)];
        }

        var end = rest.IndexOfAny([':', '/']);
        return end >= 0 ? rest[..end] : rest;
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
