using Cnucnm.Contracts.Alerts;
using Cnucnm.Contracts.Intake;
using Orleans.TestingHost;

namespace Cnucnm.Cluster.Tests.LiveHerd;

/// <summary>A one-silo cluster whose grains read <see cref="TestSiloConfigurator.FakeClock"/>; Orleans' own
/// timers and the reminder service keep real time, so reminders fire every second of real time.</summary>
public sealed class FakeClockClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = TestClusters.Build(silos: 1, fakeClock: true);

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await Cluster.DeployAsync(ct);
        // Orleans starts its reminder service some time after the silo joins and gives no readiness signal, and here
        // grain timers (the sensor's registration retry among them) run on the fake clock. Wait until a probe
        // sensor's silence check is registered, moving the fake clock so its retry timer fires.
        var probe = Cluster.GrainFactory.GetGrain<ISensorGrain>($"{Guid.NewGuid()}/probe");
        await probe.SetExpectedIntervalAsync(TimeSpan.FromMinutes(30), ct);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while ((await probe.GetStatusAsync(ct)).SilenceCheckPeriod is null)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Orleans' reminder service did not start within 2 minutes.");
            }

            TestSiloConfigurator.FakeClock.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(500, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync(CancellationToken.None);
        await Cluster.DisposeAsync();
    }
}

public sealed class SensorSilenceTests(FakeClockClusterFixture fixture) : IClassFixture<FakeClockClusterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sensor_silent_longer_than_expected_raises_one_alert_through_its_reminder()
    {
        var grains = fixture.Cluster.GrainFactory;
        var clock = TestSiloConfigurator.FakeClock;
        var scenario = await LiveHerdScenario.CreateAsync(grains, withRation: false);
        var sensor = grains.GetGrain<ISensorGrain>($"{scenario.FarmId}/feeder-3");
        await sensor.SetExpectedIntervalAsync(TimeSpan.FromMinutes(30), Ct);
        Assert.Equal(TimeSpan.FromSeconds(1), (await sensor.GetStatusAsync(Ct)).SilenceCheckPeriod); // the test silo's 1 s limits
        await grains.GetGrain<IIntakeIngestGrain>(0).IngestAsync(scenario.FarmId,
            [new("feeder-3", 1, clock.GetUtcNow().AddMinutes(-1), scenario.GroupId, "corn-silage", 50, 0)], Ct);

        // Within the expected interval: reminders tick (every real second) and find nothing wrong.
        clock.Advance(TimeSpan.FromMinutes(20));
        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct);
        Assert.Empty(await SilenceAlertsAsync(scenario.FarmId));
        Assert.False((await sensor.GetStatusAsync(Ct)).Silent);

        clock.Advance(TimeSpan.FromMinutes(45));
        // Generous: on a loaded machine Orleans may still be starting its reminder service, and the sensor
        // retries its registration until it has.
        var alerts = await WaitForAsync(() => SilenceAlertsAsync(scenario.FarmId), TimeSpan.FromSeconds(60));

        var alert = Assert.Single(alerts);
        Assert.Contains("feeder-3", alert.Title, StringComparison.Ordinal);
        Assert.Contains("No reading for 66 minutes", alert.Detail, StringComparison.Ordinal);
        Assert.True((await sensor.GetStatusAsync(Ct)).Silent);
        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct);
        Assert.Single(await SilenceAlertsAsync(scenario.FarmId)); // one alert per silence, not one per tick
    }

    private static async Task<IReadOnlyList<Alert>> SilenceAlertsAsync(Guid farmId) =>
        [.. (await TestSiloConfigurator.SharedAlertStore.ListAsync(farmId, openOnly: true, 100, Ct)).Where(a => a.Kind == AlertKind.SensorSilent)];

    private static async Task<IReadOnlyList<Alert>> WaitForAsync(Func<Task<IReadOnlyList<Alert>>> read, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var alerts = await read();
            if (alerts.Count > 0 || DateTime.UtcNow > deadline)
            {
                return alerts;
            }

            await Task.Delay(200, Ct);
        }
    }
}
