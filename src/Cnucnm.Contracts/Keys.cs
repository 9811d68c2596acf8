using Cnucnm.Contracts.Farms;

namespace Cnucnm.Contracts;

/// <summary>The one place that knows how grains are keyed. Callers never build keys by hand.</summary>
public static class Keys
{
    public static IFarmGrain Farm(this IGrainFactory grains, Guid farmId) => grains.GetGrain<IFarmGrain>(farmId);
}
