using Cnucnm.Contracts.Alerts;
using Cnucnm.Storage.LiveHerd;
using Cnucnm.Testing;

namespace Cnucnm.Storage.Tests.LiveHerd;

/// <summary>Alerts: one open alert per farm and dedupe key; acknowledged once (the first acknowledgement stands);
/// listed newest first.</summary>
public abstract class AlertStoreContract : StoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static Alert NewAlert(Guid farm, string dedupeKey, int minutes = 0) =>
        new(Guid.NewGuid(), farm, Guid.NewGuid(), AlertKind.IntakeDrop, AlertSeverity.Warning, "Intake dropped", "pen 3: −18 %",
            Now.AddMinutes(minutes), null, null, dedupeKey);

    [Fact]
    public async Task A_condition_has_one_open_alert_and_may_be_raised_again_once_it_is_acknowledged()
    {
        var alerts = Store<IAlertStore>();
        var (farm, other) = (Guid.NewGuid(), Guid.NewGuid());
        var first = NewAlert(farm, "intake-drop:pen-3");
        Assert.Equal(first, await alerts.RaiseAsync(first, Ct));
        Assert.Null(await alerts.RaiseAsync(NewAlert(farm, "intake-drop:pen-3", 1), Ct));
        Assert.NotNull(await alerts.RaiseAsync(NewAlert(other, "intake-drop:pen-3", 1), Ct));

        var closed = await alerts.AcknowledgeOpenAsync(farm, "intake-drop:pen-3", "system", Now.AddMinutes(2), Ct);
        Assert.Equal(first with { AcknowledgedAt = Now.AddMinutes(2), AcknowledgedBy = "system" }, closed);
        Assert.Null(await alerts.AcknowledgeOpenAsync(farm, "intake-drop:pen-3", "system", Now.AddMinutes(3), Ct));

        var again = NewAlert(farm, "intake-drop:pen-3", 4);
        Assert.Equal(again, await alerts.RaiseAsync(again, Ct));
        Assert.Equal([again], await alerts.ListAsync(farm, openOnly: true, 10, Ct));
        Assert.Equal([again.Id, first.Id], (await alerts.ListAsync(farm, openOnly: false, 10, Ct)).Select(a => a.Id));
        Assert.Equal([again.Id], (await alerts.ListAsync(farm, openOnly: false, 1, Ct)).Select(a => a.Id));
    }

    [Fact]
    public async Task The_first_acknowledgement_stands_and_only_the_alerts_farm_may_acknowledge_it()
    {
        var alerts = Store<IAlertStore>();
        var farm = Guid.NewGuid();
        var alert = NewAlert(farm, "sensor-silent:scale-1");
        await alerts.RaiseAsync(alert, Ct);

        Assert.Null(await alerts.AcknowledgeAsync(Guid.NewGuid(), alert.Id, "intruder", Now, Ct));
        Assert.Null(await alerts.AcknowledgeAsync(farm, Guid.NewGuid(), "kim", Now, Ct));
        var acknowledged = alert with { AcknowledgedAt = Now.AddMinutes(1), AcknowledgedBy = "kim" };
        Assert.Equal(acknowledged, await alerts.AcknowledgeAsync(farm, alert.Id, "kim", Now.AddMinutes(1), Ct));
        Assert.Equal(acknowledged, await alerts.AcknowledgeAsync(farm, alert.Id, "lee", Now.AddMinutes(5), Ct));
        Assert.Empty(await alerts.ListAsync(farm, openOnly: true, 10, Ct));
    }
}

public sealed class InMemoryAlertStoreTests : AlertStoreContract
{
    protected override Task<string?> ConnectionStringAsync() => InMemoryStores.ConnectionStringAsync();
}

public sealed class PostgresAlertStoreTests(PostgresServer postgres) : AlertStoreContract
{
    protected override Task<string?> ConnectionStringAsync() => PostgresStores.ConnectionStringAsync(postgres);
}
