namespace Cnucnm.Nutrition.Beef;

/// <summary>Live and shrunk weight gain. NRC (2000) Ch. 3 takes shrunk body weight as 96 % of full weight (4 % shrink,
/// <see cref="BeefBody.ShrunkKg"/>), so a shrunk gain is 0.96 × the live-weight gain; the 0.956 of the same chapter
/// converts shrunk gain to empty-body gain (<see cref="BeefBody.EmptyGainKg"/>), not live to shrunk. The NRC model
/// works in shrunk gain; the Korean Feeding Standard and farm scales work in live gain.</summary>
public static class BeefGains
{
    /// <summary>NRC (2000) Ch. 3: full-to-shrunk weight ratio, 0.96.</summary>
    public const double ShrunkPerLive = 0.96;

    /// <summary>Shrunk weight gain, kg/d, from a live-weight gain, kg/d.</summary>
    public static double ShrunkFromLive(double liveGainKgPerDay) => ShrunkPerLive * liveGainKgPerDay;

    /// <summary>Live-weight gain, kg/d, from a shrunk weight gain, kg/d.</summary>
    public static double LiveFromShrunk(double shrunkGainKgPerDay) => shrunkGainKgPerDay / ShrunkPerLive;
}
