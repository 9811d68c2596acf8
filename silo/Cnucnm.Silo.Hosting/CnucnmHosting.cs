using Cnucnm.Grains;
using System.Net;
using System.Net.Sockets;
using Cnucnm.Contracts;
using Cnucnm.Silo.Hosting.Email;
using Cnucnm.Silo.Hosting.Webhooks;
using Cnucnm.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace Cnucnm.Silo.Hosting;

/// <summary>Wires a host as a silo or as a client of the cluster, by profile.</summary>
public static class CnucnmHosting
{
    private const string NpgsqlInvariant = "Npgsql";

    /// <summary>Binds and validates section <c>Cnucnm</c> (<see cref="Settings.AddSettings"/>; Orleans is configured from it
    /// before the host starts) and registers it for injection.</summary>
    public static CnucnmOptions AddCnucnmOptions(this IHostApplicationBuilder builder)
    {
        var options = builder.AddSettings<CnucnmOptions>(CnucnmOptions.SectionName, settings => settings.PostConfigure<IConfiguration>(
            (cnucnm, configuration) => cnucnm.ConnectionString = string.IsNullOrWhiteSpace(cnucnm.ConnectionString)
                ? configuration.GetConnectionString("Cnucnm")
                : cnucnm.ConnectionString));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(options.ShutdownTimeoutSeconds));
        builder.Services.AddCnucnmStorage(options.Profile == HostingProfile.Postgres ? options.ConnectionString : null);
        if (options.MigrateOnStart && options.Profile == HostingProfile.Postgres)
        {
            builder.Services.AddHostedService<MigrateOnStartService>();
        }

        builder.AddCnucnmIntegrations(options);

        // After the migration (Starting phase): the built-in feed libraries into the search table.
        builder.Services.AddHostedService<Cnucnm.Storage.Feeds.FeedSearchLoader>();

        return options;
    }

    /// <summary>Runs a silo in this host.</summary>
    public static void AddCnucnmSilo(this IHostApplicationBuilder builder, CnucnmOptions options)
    {
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ServiceId = CnucnmOptions.ServiceId;
                cluster.ClusterId = options.ClusterId;
            });
            if (options.Silo.Name is { Length: > 0 } name)
            {
                silo.Configure<SiloOptions>(s => s.SiloName = name);
            }

            if (options.Kubernetes)
            {
                silo.UseKubernetesHosting();
            }

            if (options.Profile == HostingProfile.Postgres)
            {
                var connectionString = options.ConnectionString!;
                silo.ConfigureEndpoints(AdvertisedAddress(options.Silo), options.Silo.SiloPort, options.Silo.GatewayPort, listenOnAnyHostAddress: true);
                silo.Configure<ClusterMembershipOptions>(membership =>
                {
                    // A silo that stops answering is suspected after 3 missed probes of 2 s (Orleans' default: 5 s each)
                    // and declared dead once two others agree: about 6 s instead of 15-17 s, so grains it held are
                    // re-activated on the survivors within a sensor's 10 s budget (docs/reliability.md). A live silo
                    // would have to be unresponsive for 6 s to be falsely declared: far beyond a GC pause.
                    membership.ProbeTimeout = TimeSpan.FromSeconds(2);
                    membership.NumMissedProbesLimit = 3;
                });
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = NpgsqlInvariant;
                    o.ConnectionString = connectionString;
                });
                silo.AddAdoNetGrainStorage(ProviderNames.GrainState, o =>
                {
                    o.Invariant = NpgsqlInvariant;
                    o.ConnectionString = connectionString;
                });
                silo.AddAdoNetGrainStorage(ProviderNames.PubSubStore, o =>
                {
                    o.Invariant = NpgsqlInvariant;
                    o.ConnectionString = connectionString;
                });
                silo.UseAdoNetReminderService(o =>
                {
                    o.Invariant = NpgsqlInvariant;
                    o.ConnectionString = connectionString;
                });
            }
            else
            {
                silo.UseLocalhostClustering(options.Silo.SiloPort, options.Silo.GatewayPort,
                    serviceId: CnucnmOptions.ServiceId, clusterId: options.ClusterId);
                silo.AddMemoryGrainStorage(ProviderNames.GrainState);
                silo.AddMemoryGrainStorage(ProviderNames.PubSubStore);
                silo.UseInMemoryReminderService();
            }

            silo.AddMemoryStreams(ProviderNames.Streams);
            silo.AddDashboard();
            silo.AddActivityPropagation();
            ConfigureSerialization(silo.Services);
            silo.Services.AddCnucnmGrainServices();
        });

        if (builder.Configuration.GetValue($"{WebhookOptions.SectionName}:{nameof(WebhookOptions.DeliveryEnabled)}", defaultValue: true))
        {
            // The outbox worker runs beside every silo (the API's embedded one included); claims never overlap.
            builder.Services.AddSingleton<WebhookDeliveryWorker>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<WebhookDeliveryWorker>());
        }

        builder.Services.AddSingleton<WeeklyReportBuilder>();
        builder.Services.AddHostedService<AlertEmailWorker>();
        builder.Services.AddHealthChecks()
            .AddCheck<SiloJoinedHealthCheck>("silo", tags: [HealthTags.Ready, HealthTags.Startup]);
        AddDatabaseCheck(builder, options);
    }

    /// <summary>Connects this host to the cluster as a client (the API in production).</summary>
    public static void AddCnucnmClient(this IHostApplicationBuilder builder, CnucnmOptions options)
    {
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(cluster =>
            {
                cluster.ServiceId = CnucnmOptions.ServiceId;
                cluster.ClusterId = options.ClusterId;
            });
            if (options.Profile == HostingProfile.Postgres)
            {
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = NpgsqlInvariant;
                    o.ConnectionString = options.ConnectionString!;
                });
            }
            else
            {
                client.UseLocalhostClustering(options.Silo.GatewayPort, CnucnmOptions.ServiceId, options.ClusterId);
            }

            client.AddMemoryStreams(ProviderNames.Streams);
            client.AddDashboard();
            client.AddActivityPropagation();
            ConfigureSerialization(client.Services);
        });

        builder.Services.AddHealthChecks()
            .AddCheck<ClusterReachableHealthCheck>("cluster", tags: [HealthTags.Ready, HealthTags.Startup]);
        AddDatabaseCheck(builder, options);
    }

    /// <summary><c>/health/live</c> (process only), <c>/health/startup</c>, <c>/health/ready</c>.</summary>
    public static IEndpointRouteBuilder MapCnucnmHealth(this IEndpointRouteBuilder endpoints)
    {
        // Probes carry no credentials: health is always anonymous and says nothing about farms.
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/startup", new HealthCheckOptions { Predicate = c => c.Tags.Contains(HealthTags.Startup) }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(HealthTags.Ready) }).AllowAnonymous();
        return endpoints;
    }

    /// <summary>The Orleans dashboard at <c>/dashboard</c>; the caller chains authorization.</summary>
    public static IEndpointConventionBuilder MapCnucnmDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapOrleansDashboard(routePrefix: "/dashboard");

    /// <summary>Serialization shared by silos, clients and test clusters.</summary>
    public static void ConfigureSerialization(IServiceCollection services)
    {
        // Records of the pure libraries (Cnucnm.Nutrition, Cnucnm.Formulation) carry no Orleans
        // attributes; they cross the wire as JSON.
        services.AddSerializer(serializer => serializer.AddJsonSerializer(
            isSupported: type => type.Namespace is { } ns
                && (ns.StartsWith("Cnucnm.Nutrition", StringComparison.Ordinal)
                    || ns.StartsWith("Cnucnm.Formulation", StringComparison.Ordinal))));
        // Grain state is stored in Orleans' version-tolerant binary format: ids, not .NET type names.
        services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
    }

    private static void AddDatabaseCheck(IHostApplicationBuilder builder, CnucnmOptions options)
    {
        if (options.Profile == HostingProfile.Postgres)
        {
            builder.Services.AddHealthChecks()
                .AddCheck<DatabaseHealthCheck>("database", tags: [HealthTags.Ready]);
        }
    }

    private static IPAddress AdvertisedAddress(SiloEndpointOptions endpoint)
    {
        if (!string.IsNullOrWhiteSpace(endpoint.AdvertisedAddress))
        {
            return IPAddress.Parse(endpoint.AdvertisedAddress);
        }

        var address = Dns.GetHostAddresses(Dns.GetHostName())
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        return address ?? IPAddress.Loopback;
    }
}

public static class HealthTags
{
    public const string Ready = "ready";
    public const string Startup = "startup";
}
