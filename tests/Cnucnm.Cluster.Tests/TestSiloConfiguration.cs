using Cnucnm.Grains;
using Cnucnm.Contracts;
using Cnucnm.Silo.Hosting;
using Cnucnm.Storage;
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

    public void Configure(ISiloBuilder siloBuilder)
    {
        var silo = siloBuilder;
        var connectionString = silo.Configuration[ConnectionStringKey];
        CnucnmHosting.ConfigureSerialization(silo.Services);
        silo.Services.TryAddSingleton(TimeProvider.System);
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
    public static TestCluster Build(int silos, string? connectionString = null, string? clusterId = null)
    {
        var builder = new TestClusterBuilder((short)silos);
        builder.Options.ServiceId = CnucnmOptions.ServiceId;
        builder.Options.ClusterId = clusterId ?? $"test-{Guid.NewGuid():N}"[..20];
        if (connectionString is not null)
        {
            builder.Options.UseTestClusterMembership = false;
            builder.Properties[TestSiloConfigurator.ConnectionStringKey] = connectionString;
        }

        builder.AddSiloBuilderConfigurator<TestSiloConfigurator>();
        builder.AddClientBuilderConfigurator<TestClientConfigurator>();
        return builder.Build();
    }
}
