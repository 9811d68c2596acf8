namespace Cnucnm.Nutrition.Dairy;

/// <summary>Maintenance energy and protein, NASEM (2021) Ch. 3 (energy), Ch. 6 (protein), Ch. 10 (calves).</summary>
public static class Maintenance
{
    /// <summary>NASEM (2021) Eq. 3-13 (20-272): NE for maintenance of unstressed cows and heifers, Mcal/d.</summary>
    public static double NetEnergyUnstressedMcal(double bodyWeightKg) => 0.10 * Math.Pow(bodyWeightKg, 0.75);

    /// <summary>NASEM (2021) Ch. 10: NEm of calves on milk or mixed diets, Mcal/d (empty BW^0.75).</summary>
    public static double CalfNetEnergyUnstressedMcal(double emptyBodyWeightKg, bool weaned) =>
        (weaned ? 0.097 : 0.0769) * Math.Pow(emptyBodyWeightKg, 0.75);

    /// <summary>NASEM (2021) Eq. 20-274: NE for grazing activity, Mcal/d (scaled down by supplement intake).</summary>
    public static double GrazingActivityMcal(double metabolicBodyWeight, double pastureShareOfDmi, double supplementDmiKg) =>
        pastureShareOfDmi < 0.005 ? 0 : 0.0075 * metabolicBodyWeight * (600 - 12 * supplementDmiKg) / 600;

    /// <summary>NASEM (2021) Eq. 20-275: NE for walking to and from the parlor, Mcal/d.</summary>
    public static double ParlorWalkingMcal(double bodyWeightKg, double distanceMeters, double tripsPerDay) =>
        0.00035 * distanceMeters / 1000 * tripsPerDay * bodyWeightKg;

    /// <summary>NASEM (2021) Eq. 20-276: NE for climbing (positive elevation change), Mcal/d.</summary>
    public static double TopographyMcal(double bodyWeightKg, double climbMeters) => 0.0067 * climbMeters / 1000 * bodyWeightKg;

    /// <summary>NASEM (2021) Ch. 10: cold or heat stress of calves under 100 kg, Mcal/d per °C outside the thermoneutral zone.</summary>
    public static double CalfThermalStressMcal(double bodyWeightKg, double metabolicBodyWeight, double temperatureCelsius, double lowerCritical, double upperCritical) =>
        bodyWeightKg >= 100 ? 0
        : temperatureCelsius < lowerCritical ? 0.00201 * (lowerCritical - temperatureCelsius) * metabolicBodyWeight
        : temperatureCelsius > upperCritical ? 0.00201 * (temperatureCelsius - upperCritical) * metabolicBodyWeight
        : 0;

    /// <summary>NASEM (2021) Ch. 6: scurf CP, g/d (calves 0.219·BW^0.6).</summary>
    public static double ScurfCpGrams(double bodyWeightKg, bool calf) => (calf ? 0.219 : 0.20) * Math.Pow(bodyWeightKg, 0.60);

    /// <summary>NASEM (2021) Ch. 6: endogenous urinary N, g/d (0.053 g/kg BW).</summary>
    public static double UrinaryEndogenousNGrams(double bodyWeightKg) => 0.053 * bodyWeightKg;

    /// <summary>NASEM (2021) Ch. 6: endogenous urinary true protein, g/d; calves (Ch. 10) 2.75·BW^0.5.</summary>
    public static double UrinaryEndogenousNpGrams(double bodyWeightKg, bool calf) =>
        calf ? 2.75 * Math.Pow(bodyWeightKg, 0.50) : UrinaryEndogenousNGrams(bodyWeightKg) * 6.25;
}
