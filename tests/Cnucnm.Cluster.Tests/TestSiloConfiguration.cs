using Cnucnm.Grains;
using Cnucnm.Contracts;
using Cnucnm.Silo.Hosting;
using Cnucnm.Storage;
using Cnucnm.Storage.LiveHerd;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Cnucnm.Cluster.Tests;

/// <summary>Silo set-up of the test clusters: the product's providers, memory or PostgreSQL by the
/// <c>ConnectionString</c> property of the cluster.</summary>
public sealed class TestSiloConfigurator : ISiloConfigurator
{
    public const string ConnectionStringKey = "CnucnmTestConnectionString";
    public const string FakeClockKey = "CnucnmTestFakeClock";

    /// <summary>The clock of clusters built with a fake clock: tests move it; Orleans' own timers stay on real time.</summary>
    public static FakeTimeProvider FakeClock { get; } = new(new DateTimeOffset(2026, 11, 2, 3, 0, 0, TimeSpan.Zero));

    // In-process silos of the memory profile share one store, as silos share PostgreSQL.
    public static InMemoryIntakeStore SharedIntakeStore { get; } = new();

    public static InMemoryAlertStore SharedAlertStore { get; } = new();

    public void Configure(ISiloBuilder siloBuilder)
    {
        var silo = siloBuilder;
        var connectionString = silo.Configuration[ConnectionStringKey];
        CnucnmHosting.ConfigureSerialization(silo.Services);
        if (silo.Configuration[FakeClockKey] == "true")
        {
            silo.Services.AddSingleton<TimeProvider>(FakeClock);
            silo.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
        }

        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddSingleton(new LiveHerdOptions(SensorCheckMinimumPeriod: TimeSpan.FromSeconds(1), SensorCheckMaximumPeriod: TimeSpan.FromSeconds(1)));
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        if (string.IsNullOrEmpty(connectionString))
        {
            silo.Services.AddSingleton<IIntakeStore>(SharedIntakeStore);
            silo.Services.AddSingleton<IAlertStore>(SharedAlertStore);
        }

        silo.Services.AddCnucnmGrainServices();
        silo.Services.AddCnucnmStorage(connectionString);
        silo.AddMemoryStreams(ProviderNames.Streams);
        if (string.IsNullOrEmpty(connectionString))
        {
            silo.AddMemoryGrainStorage(ProviderNames.GrainState);
            silo.AddMemoryGrainStorage(ProviderNames.PubSubStore);
            silo.UseInMemoryReminderService();
            return;
        }

        silo.UseAdoNetClustering(o => { o.Invariant = "Npgsql"; o.ConnectionString = connectionString; });
        silo.AddAdoNetGrainStorage(ProviderNames.GrainState, o => { o.Invariant = "Npgsql"; o.ConnectionString = connectionString; });
        silo.AddAdoNetGrainStorage(ProviderNames.PubSubStore, o => { o.Invariant = "Npgsql"; o.ConnectionString = connectionString; });
        silo.UseAdoNetReminderService(o => { o.Invariant = "Npgsql"; o.ConnectionString = connectionString; });
        // Declare a killed silo dead in a few seconds instead of ~17 s.
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
            o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
        });
    }
}

public sealed class TestClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
    {
        var client = clientBuilder;
        var connectionString = configuration[TestSiloConfigurator.ConnectionStringKey];
        CnucnmHosting.ConfigureSerialization(client.Services);
        client.AddMemoryStreams(ProviderNames.Streams);
        if (!string.IsNullOrEmpty(connectionString))
        {
            client.UseAdoNetClustering(o => { o.Invariant = "Npgsql"; o.ConnectionString = connectionString; });
        }
    }
}

public static class TestClusters
{
    /// <summary>Builds a cluster of <paramref name="silos"/> silos; PostgreSQL-backed when a
    /// connection string is given (the schema must be applied).</summary>
    public static TestCluster Build(int silos, string? connectionString = null, string? clusterId = null, bool fakeClock = false)
    {
        var builder = new TestClusterBuilder((short)silos);
        builder.Options.ServiceId = CnucnmOptions.ServiceId;
        builder.Options.ClusterId = clusterId ?? $"test-{Guid.NewGuid():N}"[..20];
        if (connectionString is not null)
        {
            builder.Options.UseTestClusterMembership = false;
            builder.Properties[TestSiloConfigurator.ConnectionStringKey] = connectionString;
        }

        if (fakeClock)
        {
            builder.Properties[TestSiloConfigurator.FakeClockKey] = "true";
        }

        builder.AddSiloBuilderConfigurator<TestSiloConfigurator>();
        builder.AddClientBuilderConfigurator<TestClientConfigurator>();
        return builder.Build();
    }
}
