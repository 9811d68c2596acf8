using Cnucnm.Contracts.Events;
using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Formulation;
using Cnucnm.Contracts.Groups;
using Cnucnm.Contracts.Intake;
using Cnucnm.Contracts.Lots;
using Cnucnm.Contracts.Rations;
using Cnucnm.Contracts.Registry;

namespace Cnucnm.Contracts;

/// <summary>The one place that knows how grains are keyed. Callers never build keys by hand (the sign-in throttle
/// grains are keyed by <see cref="Security.SignInKeys"/>, which hashes the address).</summary>
public static class Keys
{
    /// <summary>Key of the stateless-worker grains (ingest, formulation pool): one per silo, so any fixed key.</summary>
    private const long StatelessWorker = 0;

    public static IFarmGrain Farm(this IGrainFactory grains, Guid farmId) => grains.GetGrain<IFarmGrain>(farmId);

    public static IFeedLotGrain Lot(this IGrainFactory grains, Guid lotId) => grains.GetGrain<IFeedLotGrain>(lotId);

    public static IAnimalGroupGrain Group(this IGrainFactory grains, Guid groupId) => grains.GetGrain<IAnimalGroupGrain>(groupId);

    /// <summary>A group's ration: keyed by the group's id (one ration per group).</summary>
    public static IRationGrain Ration(this IGrainFactory grains, Guid groupId) => grains.GetGrain<IRationGrain>(groupId);

    public static IFarmEventsGrain FarmEvents(this IGrainFactory grains, Guid farmId) => grains.GetGrain<IFarmEventsGrain>(farmId);

    public static IHerdCalendarGrain HerdCalendar(this IGrainFactory grains, Guid farmId) => grains.GetGrain<IHerdCalendarGrain>(farmId);

    public static ISensorGrain Sensor(this IGrainFactory grains, Guid farmId, string deviceId) => grains.GetGrain<ISensorGrain>(SensorKey(farmId, deviceId));

    /// <summary>The local ingest worker (a stateless worker: calls stay on the receiving silo).</summary>
    public static IIntakeIngestGrain IntakeIngest(this IGrainFactory grains) => grains.GetGrain<IIntakeIngestGrain>(StatelessWorker);

    /// <summary>The formulation pool (a bounded stateless worker on each silo).</summary>
    public static IFormulationGrain FormulationPool(this IGrainFactory grains) => grains.GetGrain<IFormulationGrain>(StatelessWorker);

    /// <summary>A sensor's key: "{farmId}/{deviceId}" (a device id is unique within its farm only).</summary>
    public static string SensorKey(Guid farmId, string deviceId) => $"{farmId}/{deviceId}";

    /// <summary>The farm and device of a sensor key made by <see cref="SensorKey"/>.</summary>
    public static (Guid FarmId, string DeviceId) ParseSensorKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (Guid.Parse(key.AsSpan(0, slash)), key[(slash + 1)..]);
    }
}
