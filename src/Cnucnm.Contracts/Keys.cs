using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Lots;

namespace Cnucnm.Contracts;

/// <summary>The one place that knows how grains are keyed. Callers never build keys by hand.</summary>
public static class Keys
{
    public static IFarmGrain Farm(this IGrainFactory grains, Guid farmId) => grains.GetGrain<IFarmGrain>(farmId);

    public static IFeedLotGrain Lot(this IGrainFactory grains, Guid lotId) => grains.GetGrain<IFeedLotGrain>(lotId);
}
