namespace Cnucnm.Nutrition.Dairy;

/// <summary>Body composition, gut fill, and the composition and energy of frame and reserves gain,
/// NASEM (2021) Ch. 3, 6 and 11 (heifers), Ch. 10 (calves).</summary>
public static class Growth
{
    /// <summary>True protein per kg of body CP.</summary>
    public const double BodyNpPerCp = 0.86;

    /// <summary>Fat fraction of reserves gain (66 % fat, 8 % CP tissue; NASEM 2021 Ch. 3).</summary>
    public const double FatPerReserveGain = 0.622;
    public const double CpPerReserveGain = 0.068;

    /// <summary>NASEM (2021) Eq. 20-242: gut fill as a fraction of BW by age and diet.</summary>
    public static double GutFillFraction(PhysiologicalState state, double parity, double liquidDmiKg, double starterDmiKg, double bodyWeightKg, double matureBodyWeightKg)
    {
        var fill = 0.06; // milk-fed calf
        if (state == PhysiologicalState.Calf && liquidDmiKg > 0.01 && starterDmiKg <= 0.01 && bodyWeightKg > 0.16 * matureBodyWeightKg)
        {
            fill = 0.09; // heavy milk-fed veal calf
        }

        if (state == PhysiologicalState.Calf && liquidDmiKg > 0.01 && starterDmiKg > 0.01)
        {
            fill = 0.07; // milk plus starter
        }

        if (state == PhysiologicalState.Calf && liquidDmiKg < 0.01)
        {
            fill = 0.15; // weaned calf
        }

        if (state == PhysiologicalState.Heifer)
        {
            fill = 0.15;
        }

        if (state is PhysiologicalState.DryCow or PhysiologicalState.LactatingCow && parity > 0)
        {
            fill = 0.18; // mature cows
        }

        return fill;
    }

    /// <summary>NASEM (2021) Eq. 20-253: fat in frame gain, kg/kg empty gain (calves: Ch. 10 from RE gain).</summary>
    public static double FatPerFrameGain(bool calf, double calfRetainedEnergyMcal, double bodyWeightKg, double matureBodyWeightKg) =>
        calf ? 0.0786 + 0.0370 * calfRetainedEnergyMcal : 0.067 + 0.375 * bodyWeightKg / matureBodyWeightKg;

    /// <summary>NASEM (2021) Ch. 3: CP in frame gain of heifers and cows, kg/kg empty gain.</summary>
    public static double CpPerFrameGain(double bodyWeightKg, double matureBodyWeightKg) => 0.201 - 0.081 * bodyWeightKg / matureBodyWeightKg;

    /// <summary>NASEM (2021) Eq. 11-11: retained energy of calves, Mcal/d.</summary>
    public static double CalfRetainedEnergyMcal(double emptyGainKg, double emptyBodyWeightKg) =>
        Math.Pow(emptyGainKg, 1.10) * Math.Pow(emptyBodyWeightKg, 0.205);

    /// <summary>NASEM (2021) Eq. 3-20c: retained energy of gain, Mcal/d (9.4 Mcal/kg fat, 5.55 Mcal/kg CP).</summary>
    public static double RetainedEnergyMcal(double fatGainKg, double cpGainKg) => 9.4 * fatGainKg + 5.55 * cpGainKg;

    /// <summary>NASEM (2021) Eq. 3-19a: efficiency of ME use for reserves: 0.60 (heifers, dry cows),
    /// 0.75 (lactating cows gaining), 0.89 (energy released by reserve loss).</summary>
    public static double ReserveMeToReEfficiency(double targetMilkKgPerDay, double targetReserveGainKgPerDay) =>
        targetReserveGainKgPerDay <= 0 ? 0.89 : targetMilkKgPerDay > 0 ? 0.75 : 0.60;

    /// <summary>NASEM (2021) Ch. 10: efficiency of ME use for calf frame gain on dry feed, from diet DE.</summary>
    public static double CalfDryFeedFrameEfficiency(double dietDeMcalPerKg)
    {
        var me = dietDeMcalPerKg * 0.93;
        return (1.1376 * me - 0.1198 * me * me + 0.0076 * me * me * me - 1.2979) / me;
    }
}
