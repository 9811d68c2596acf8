namespace Cnucnm.Analytics.Kpis;

/// <summary>Prices of what the farm sells, farm currency: milk per kg, carcass per kg, and the dressing percentage
/// that turns a kg of live weight gain into carcass (carcass kg = live kg × dressing % / 100).</summary>
public sealed record ProductPrices(double MilkPerKg = 0, double CarcassPerKg = 0, double DressingPercent = 0)
{
    /// <summary>Value of one kg of live weight gain sold as carcass, farm currency per kg live weight.</summary>
    public double LiveWeightGainPerKg => CarcassPerKg * DressingPercent / 100;
}
