namespace Cnucnm.Nutrition.Beef;

/// <summary>Dry-matter intake of beef cattle and Hanwoo, kg DM/d: the NRC (2000) Ch. 7 Feed Intake equations with
/// their adjustments, and the Japanese Feeding Standard for Beef Cattle (2008) equations the original CNUCNM used
/// for Hanwoo (as printed in the National GHG Inventory Report of Japan, 2015).</summary>
public static class BeefIntake
{
    /// <summary>NRC (2000) Ch. 7: diet NEm below 1.0 Mcal/kg is replaced by 0.95 in the divisor of the intake equations.</summary>
    public static double NetEnergyDivisor(double dietNetEnergyMaintenanceMcalPerKg) =>
        dietNetEnergyMaintenanceMcalPerKg < 1 ? 0.95 : dietNetEnergyMaintenanceMcalPerKg;

    /// <summary>NRC (2000) Ch. 7: growing calves under 12 months, kg/d = SBW^0.75 × (0.2435 NEm − 0.0466 NEm² − 0.1128) / NEm.</summary>
    public static double GrowingCalfKg(double shrunkBodyWeightKg, double dietNetEnergyMaintenanceMcalPerKg) =>
        Math.Pow(shrunkBodyWeightKg, 0.75)
        * (0.2435 * dietNetEnergyMaintenanceMcalPerKg - 0.0466 * dietNetEnergyMaintenanceMcalPerKg * dietNetEnergyMaintenanceMcalPerKg - 0.1128)
        / NetEnergyDivisor(dietNetEnergyMaintenanceMcalPerKg);

    /// <summary>NRC (2000) Ch. 7: growing yearlings (12 months and older), kg/d = SBW^0.75 × (0.2435 NEm − 0.0466 NEm² − 0.0869) / NEm.</summary>
    public static double GrowingYearlingKg(double shrunkBodyWeightKg, double dietNetEnergyMaintenanceMcalPerKg) =>
        Math.Pow(shrunkBodyWeightKg, 0.75)
        * (0.2435 * dietNetEnergyMaintenanceMcalPerKg - 0.0466 * dietNetEnergyMaintenanceMcalPerKg * dietNetEnergyMaintenanceMcalPerKg - 0.0869)
        / NetEnergyDivisor(dietNetEnergyMaintenanceMcalPerKg);

    /// <summary>NRC (2000) Ch. 7: beef cows, kg/d = SBW^0.75 × (0.04997 NEm² + c) / NEm + 0.2 × milk, c = 0.04631 from
    /// day 95 of pregnancy, 0.03840 otherwise.</summary>
    public static double BeefCowKg(double shrunkBodyWeightKg, double dietNetEnergyMaintenanceMcalPerKg, double daysPregnant, double milkKgPerDay) =>
        Math.Pow(shrunkBodyWeightKg, 0.75)
        * (0.04997 * dietNetEnergyMaintenanceMcalPerKg * dietNetEnergyMaintenanceMcalPerKg + (daysPregnant > 94 ? 0.04631 : 0.03840))
        / NetEnergyDivisor(dietNetEnergyMaintenanceMcalPerKg)
        + 0.2 * milkKgPerDay;

    /// <summary>NRC (2000) Ch. 7: body-fat adjustment of growing cattle by equivalent shrunk weight: 1.00 up to 350 kg,
    /// 0.97 to 400, 0.90 to 450, 0.82 to 500, 0.73 above.</summary>
    public static double BodyFatFactor(double equivalentShrunkBodyWeightKg) => equivalentShrunkBodyWeightKg switch
    {
        <= 350 => 1.00,
        <= 400 => 0.97,
        <= 450 => 0.90,
        <= 500 => 0.82,
        _ => 0.73,
    };

    /// <summary>NRC (2000) Ch. 7: growing cattle without an anabolic implant eat 0.94 of the implanted.</summary>
    public static double ImplantFactor(bool implanted) => implanted ? 1.0 : 0.94;

    /// <summary>Effective temperature index, °C, from temperature (°C), relative humidity (%), wind (km/h) and hours of sun
    /// (CNCPS, Fox et al. 2004, as used by the original CNUCNM).</summary>
    public static double EffectiveTemperatureIndex(double temperatureCelsius, double relativeHumidityPercent, double windKmPerHour, double sunHours)
    {
        var t = temperatureCelsius;
        var rh = relativeHumidityPercent;
        var v = windKmPerHour / 3.6; // m/s
        return 27.88 - 0.456 * t + 0.010754 * t * t - 0.4905 * rh + 0.00088 * rh * rh + 1.1507 * v - 0.126447 * v * v
               + 0.019876 * t * rh - 0.046313 * t * v + 0.4167 * sunHours;
    }

    /// <summary>NRC (2000) Ch. 7 temperature effect in the continuous form of CNCPS (Fox et al. 2004): 1.16 below −20 °C;
    /// 1.0433 − 0.0044 T + 0.0001 T² up to 20 °C; above, (119.62 − 0.9708 ETI) / 100 without night cooling and
    /// 0.75 × (1 − that) + that with cool nights.</summary>
    public static double TemperatureFactor(double temperatureCelsius, double effectiveTemperatureIndex, bool nightCooling)
    {
        if (temperatureCelsius < -20)
        {
            return 1.16;
        }

        if (temperatureCelsius < 20)
        {
            return 1.0433 - 0.0044 * temperatureCelsius + 0.0001 * temperatureCelsius * temperatureCelsius;
        }

        var hot = Math.Clamp((119.62 - 0.9708 * effectiveTemperatureIndex) / 100, 0, 1);
        return nightCooling ? 0.75 * (1 - hot) + hot : hot;
    }

    /// <summary>NRC (2000) Ch. 7: mud reduces intake by 1 % per cm of depth.</summary>
    public static double MudFactor(double mudDepthCm) => Math.Max(0, 1 - 0.01 * mudDepthCm);

    /// <summary>Japanese Feeding Standard (2008), fattening steers: −3.481 + 2.668 ADG + 4.548·10⁻² BW − 7.207·10⁻⁵ BW²
    /// + 3.867·10⁻⁸ BW³, kg/d (BW full weight, kg; ADG kg/d).</summary>
    public static double JapaneseSteerKg(double bodyWeightKg, double gainKgPerDay) =>
        -3.481 + 2.668 * gainKgPerDay + 4.548e-2 * bodyWeightKg - 7.207e-5 * bodyWeightKg * bodyWeightKg + 3.867e-8 * bodyWeightKg * bodyWeightKg * bodyWeightKg;

    /// <summary>Japanese Feeding Standard (2008), breeding cows: [0.1108 BW^0.75 + 0.0609 BW^0.75 ADG / (0.78 q + 0.006)] / (4.4 q),
    /// q = 0.5018 + 0.0956 ADG (metabolizability of the diet), kg/d.</summary>
    public static double JapaneseCowKg(double bodyWeightKg, double gainKgPerDay)
    {
        var metabolicWeight = Math.Pow(bodyWeightKg, 0.75);
        var q = 0.5018 + 0.0956 * gainKgPerDay;
        return (0.1108 * metabolicWeight + 0.0609 * metabolicWeight * gainKgPerDay / (0.78 * q + 0.006)) / (4.4 * q);
    }

    /// <summary>Japanese Feeding Standard (2008), growing heifers and bulls: [0.1067 BW^0.75 + 0.0639 BW^0.75 ADG / (0.78 q + 0.006)] / (4.4 q),
    /// q = 0.4213 + 0.1491 ADG, kg/d.</summary>
    public static double JapaneseHeiferOrBullKg(double bodyWeightKg, double gainKgPerDay)
    {
        var metabolicWeight = Math.Pow(bodyWeightKg, 0.75);
        var q = 0.4213 + 0.1491 * gainKgPerDay;
        return (0.1067 * metabolicWeight + 0.0639 * metabolicWeight * gainKgPerDay / (0.78 * q + 0.006)) / (4.4 * q);
    }
}
