using Orleans.TestingHost;

namespace Cnucnm.Cluster.Tests;

/// <summary>One 2-silo in-memory cluster shared by the tests of the collection; tests use random keys.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = TestClusters.Build(silos: 2);

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async ValueTask InitializeAsync() => await Cluster.DeployAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync(CancellationToken.None);
        await Cluster.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
