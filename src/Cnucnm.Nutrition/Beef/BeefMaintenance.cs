namespace Cnucnm.Nutrition.Beef;

/// <summary>Maintenance energy and protein of beef cattle (NRC 2000 Ch. 1 Energy and Ch. 2 Protein;
/// kept by NASEM 2016 Ch. 2 and 3). Energy Mcal/d, protein g/d.</summary>
public static class BeefMaintenance
{
    /// <summary>NEm of Bos taurus beef cattle in confinement (activity included), Mcal per kg SBW^0.75 per day
    /// (NRC 2000 Ch. 1; Lofgreen and Garrett 1968).</summary>
    public const double BaseCoefficient = 0.077;

    /// <summary>NRC (2000) Ch. 1: bulls need 15 % more NEm than steers and heifers.</summary>
    public const double BullMultiplier = 1.15;

    /// <summary>NRC (2000) Ch. 1: adjustment for previous plane of nutrition from condition score (1–9): COMP = 0.8 + 0.05 (CS − 1).</summary>
    public static double ConditionMultiplier(double conditionScore) => 0.8 + 0.05 * (conditionScore - 1);

    /// <summary>NRC (2000) Ch. 1: acclimatization to the previous month's temperature, Mcal per kg SBW^0.75 per day: 0.0007 (20 − Tp).</summary>
    public static double AcclimatizationCoefficient(double previousMonthTemperatureCelsius) => 0.0007 * (20 - previousMonthTemperatureCelsius);

    /// <summary>NRC (2000) Ch. 1: NEm requirement without cold stress, Mcal/d:
    /// SBW^0.75 × (a1 × BE × L × COMP × SEX + a2), a1 = 0.077.</summary>
    /// <param name="shrunkBodyWeightKg">Shrunk weight (less the conceptus of a pregnant cow), kg.</param>
    public static double NetEnergyMcal(double shrunkBodyWeightKg, double breedMultiplier, double lactationMultiplier, double conditionScore, bool bull,
        double previousMonthTemperatureCelsius) =>
        Math.Pow(shrunkBodyWeightKg, 0.75)
        * (BaseCoefficient * breedMultiplier * lactationMultiplier * ConditionMultiplier(conditionScore) * (bull ? BullMultiplier : 1)
           + AcclimatizationCoefficient(previousMonthTemperatureCelsius));

    /// <summary>NRC (2000) Ch. 1: NEm multiplier under heat stress from the panting code: 1.07 rapid shallow, 1.18 open-mouth panting.</summary>
    public static double HeatStressMultiplier(int pantingCode) => pantingCode switch
    {
        3 => 1.18,
        2 => 1.07,
        _ => 1.0,
    };

    /// <summary>NRC (2000) Ch. 1: body surface area, m² = 0.09 × SBW^0.67.</summary>
    public static double SurfaceAreaSquareMeters(double shrunkBodyWeightKg) => 0.09 * Math.Pow(shrunkBodyWeightKg, 0.67);

    /// <summary>NRC (2000) Ch. 1: tissue (internal) insulation, °C per Mcal/m²/d, by age and condition score:
    /// &lt; 1 month 2.5, 1–6 months 6.5, 6–12 months 5.1875 + 0.3125 CS, older 5.25 + 0.75 CS.</summary>
    public static double TissueInsulation(double ageMonths, double conditionScore) => ageMonths switch
    {
        < 1 => 2.5,
        < 6 => 6.5,
        < 12 => 5.1875 + 0.3125 * conditionScore,
        _ => 5.25 + 0.75 * conditionScore,
    };

    /// <summary>NRC (2000) Ch. 1: coat factor for mud and wetness: 1.0 dry and clean, 0.8 some mud on the lower body,
    /// 0.5 wet and matted, 0.2 covered with wet snow or mud.</summary>
    public static double CoatFactor(int coatCondition) => coatCondition switch
    {
        <= 1 => 1.0,
        2 => 0.8,
        3 => 0.5,
        _ => 0.2,
    };

    /// <summary>NRC (2000) Ch. 1: hide factor: 0.8 thin, 1.0 average, 1.2 thick.</summary>
    public static double HideFactor(int hideThickness) => 0.8 + 0.2 * (Math.Clamp(hideThickness, 1, 3) - 1);

    /// <summary>NRC (2000) Ch. 1: external (coat) insulation, °C per Mcal/m²/d = (7.36 − 0.296 wind km/h + 2.55 hair cm) × coat × hide,
    /// not below 0.</summary>
    public static double ExternalInsulation(double windKmPerHour, double hairDepthCm, int coatCondition, int hideThickness) =>
        Math.Max(0, (7.36 - 0.296 * windKmPerHour + 2.55 * hairDepthCm) * CoatFactor(coatCondition) * HideFactor(hideThickness));

    /// <summary>NRC (2000) Ch. 1: lower critical temperature, °C = 39 − 0.85 × insulation × heat production per m².</summary>
    /// <param name="heatProductionMcalPerSquareMeter">Heat production, (ME intake − retained energy) / surface area, Mcal/m²/d.</param>
    public static double LowerCriticalTemperatureCelsius(double totalInsulation, double heatProductionMcalPerSquareMeter) =>
        39 - 0.85 * totalInsulation * heatProductionMcalPerSquareMeter;

    /// <summary>NRC (2000) Ch. 1: ME needed against cold, Mcal/d = SA × (LCT − T) / insulation when T is below LCT.</summary>
    public static double ColdStressMetabolizableEnergyMcal(double surfaceAreaSquareMeters, double lowerCriticalTemperatureCelsius, double temperatureCelsius,
        double totalInsulation) =>
        temperatureCelsius < lowerCriticalTemperatureCelsius && totalInsulation > 0
            ? surfaceAreaSquareMeters * (lowerCriticalTemperatureCelsius - temperatureCelsius) / totalInsulation
            : 0;

    /// <summary>NRC (2000) Ch. 2: metabolizable protein for maintenance, g/d = 3.8 g per kg SBW^0.75.</summary>
    public static double MetabolizableProteinGrams(double shrunkBodyWeightKg) => 3.8 * Math.Pow(shrunkBodyWeightKg, 0.75);
}
