namespace Cnucnm.Nutrition.Beef.Hanwoo;

/// <summary>
/// The requirement equations of the Korean Feeding Standard for Hanwoo (한국가축사양표준 한우, National Institute of
/// Animal Science, NIAS) for growing and fattening steers and bulls. The equations are those of the 2007 edition
/// (Ministry of Agriculture and Forestry, 2007), carried into the 2012 and 2017 NIAS editions; the 2022 edition was
/// not available to us. Their research sources: maintenance CP 5.56 g/BW^0.75 (Kim et al., 2006, protein-balance trial with
/// Hanwoo steers, J. Anim. Sci. Technol. (Kor.), "adopted by the Korean Feeding Standard"); NEg and retained protein of steers from the comparative-slaughter
/// trial of Kim et al. (2007, J. Anim. Sci. Technol. (Kor.), 200 Hanwoo steers slaughtered from 6 to 30 months); the efficiency kf = 0.78 q + 0.006 and the
/// metabolizability q follow the Japanese Feeding Standard for Beef Cattle (2000/2008), on which the Korean standard
/// models its energy system. The same equations are transcribed in the public R package <c>hanwoo</c>
/// (adatalab, Na Y.J., functions <c>req_steer</c> and <c>req_bull</c>), against whose published output the tests check them.
/// Body weight is full (unshrunk, live) weight, kg, and gain is live-weight gain, kg/d: the standard tabulates by
/// live weight and does not shrink.
/// </summary>
public static class KfsEquations
{
    /// <summary>KFS: digestible energy of 1 kg TDN, Mcal (TDN kg = DE / 4.41).</summary>
    public const double DigestibleEnergyPerKgTdnMcal = 4.41;

    /// <summary>KFS: metabolizability of digestible energy, ME = 0.82 DE.</summary>
    public const double MetabolizableFractionOfDigestible = 0.82;

    /// <summary>KFS: efficiency of crude protein use for net protein (maintenance and gain), 0.51.</summary>
    public const double NetProteinPerCrudeProtein = 0.51;

    /// <summary>KFS: maintenance crude protein, g per kg BW^0.75 (Kim et al. 2006).</summary>
    public const double MaintenanceCrudeProteinPerMetabolicKg = 5.56;

    public static double MetabolicWeightKg(double bodyWeightKg) => Math.Pow(bodyWeightKg, 0.75);

    /// <summary>KFS: ME for maintenance, Mcal/d: steers (and heifers on the steer equations) 0.125 BW^0.75, bulls 0.1307 BW^0.75.</summary>
    public static double MaintenanceMetabolizableEnergyMcal(double bodyWeightKg, bool bull) =>
        (bull ? 0.1307 : 0.125) * MetabolicWeightKg(bodyWeightKg);

    /// <summary>KFS: net energy of gain, Mcal/d: steers 0.0533 BW^0.75 ADG, bulls 0.0429 BW^0.75 ADG (the steer equation from Kim et al. 2007).</summary>
    public static double GainNetEnergyMcal(double bodyWeightKg, double liveGainKgPerDay, bool bull) =>
        (bull ? 0.0429 : 0.0533) * MetabolicWeightKg(bodyWeightKg) * liveGainKgPerDay;

    /// <summary>KFS (after the Japanese Feeding Standard): metabolizability of the diet's gross energy expected at a gain,
    /// q = 0.5304 + 0.0748 ADG.</summary>
    public static double Metabolizability(double liveGainKgPerDay) => 0.5304 + 0.0748 * liveGainKgPerDay;

    /// <summary>KFS (after the Japanese Feeding Standard): efficiency of ME use for gain, kf = 0.78 q + 0.006.</summary>
    public static double GainEfficiency(double metabolizability) => 0.78 * metabolizability + 0.006;

    /// <summary>KFS: ME for gain, Mcal/d = NEg / kf.</summary>
    public static double GainMetabolizableEnergyMcal(double gainNetEnergyMcal, double liveGainKgPerDay) =>
        gainNetEnergyMcal / GainEfficiency(Metabolizability(liveGainKgPerDay));

    /// <summary>KFS: ME for maintenance and gain, Mcal/d.</summary>
    public static double MetabolizableEnergyRequirementMcal(double bodyWeightKg, double liveGainKgPerDay, bool bull) =>
        MaintenanceMetabolizableEnergyMcal(bodyWeightKg, bull)
        + GainMetabolizableEnergyMcal(GainNetEnergyMcal(bodyWeightKg, liveGainKgPerDay, bull), liveGainKgPerDay);

    /// <summary>Gross energy of a cattle diet, Mcal per kg DM, as the Japanese Feeding Standard for Beef Cattle (2008) takes
    /// it when it states expected intake as ME requirement ÷ (4.4 q) (its heifer, bull and breeding-cow intake equations,
    /// <see cref="BeefIntake.JapaneseHeiferOrBullKg"/>, <see cref="BeefIntake.JapaneseCowKg"/>).</summary>
    public const double DietGrossEnergyMcalPerKgDm = 4.4;

    /// <summary>
    /// Expected dry-matter intake of a Hanwoo steer or bull, kg DM/d: the intake at which a diet of the metabolizability the
    /// standard expects at this gain (q = 0.5304 + 0.0748 ADG) meets the standard's ME requirement,
    /// DMI = ME / (4.4 Mcal GE/kg DM × q). This is the construction by which the Japanese Feeding Standard (2008), on whose
    /// energy system the KFS is built, states the expected intake of heifers, bulls and breeding cows, applied to the KFS's own
    /// ME and q; the KFS's own intake equation was not found in any source we could reach (docs/science.md). It implies a diet
    /// of 1.217 q × 100 % TDN (70 % at 0.6 kg/d, 73 % at 0.95 kg/d live), the range of the NIAS Hanwoo steer feeding programme
    /// (72 % growing, 76 % fattening; <c>program_nias</c> of the <c>hanwoo</c> R package).
    /// </summary>
    public static double ExpectedDryMatterIntakeKg(double bodyWeightKg, double liveGainKgPerDay, bool bull) =>
        MetabolizableEnergyRequirementMcal(bodyWeightKg, liveGainKgPerDay, bull) / (DietGrossEnergyMcalPerKgDm * Metabolizability(liveGainKgPerDay));

    /// <summary>KFS: DE, Mcal/d = ME / 0.82.</summary>
    public static double DigestibleEnergyMcal(double metabolizableEnergyMcal) => metabolizableEnergyMcal / MetabolizableFractionOfDigestible;

    /// <summary>KFS: TDN, kg/d = DE / 4.41.</summary>
    public static double TdnKg(double digestibleEnergyMcal) => digestibleEnergyMcal / DigestibleEnergyPerKgTdnMcal;

    /// <summary>KFS: net protein for maintenance, g/d = 0.51 × 5.56 BW^0.75.</summary>
    public static double MaintenanceNetProteinGrams(double bodyWeightKg) =>
        NetProteinPerCrudeProtein * MaintenanceCrudeProteinPerMetabolicKg * MetabolicWeightKg(bodyWeightKg);

    /// <summary>KFS: protein retained in gain, g/d: steers ADG (224.7 − 0.251 BW), bulls ADG (224.7 − 0.209 BW) (the steer equation from Kim et al. 2007).</summary>
    public static double RetainedProteinGrams(double bodyWeightKg, double liveGainKgPerDay, bool bull) =>
        liveGainKgPerDay * (224.7 - (bull ? 0.209 : 0.251) * bodyWeightKg);

    /// <summary>KFS: crude protein, g/d = (net protein for maintenance + retained protein) / 0.51.</summary>
    public static double CrudeProteinGrams(double maintenanceNetProteinGrams, double retainedProteinGrams) =>
        (maintenanceNetProteinGrams + retainedProteinGrams) / NetProteinPerCrudeProtein;

    /// <summary>KFS: dietary Ca, g/d = (0.0154 BW + 0.071 RP + 0.0137 ADG) / 0.50.</summary>
    public static double CalciumGrams(double bodyWeightKg, double retainedProteinGrams, double liveGainKgPerDay) =>
        (0.0154 * bodyWeightKg + 0.071 * retainedProteinGrams + 0.0137 * liveGainKgPerDay) / 0.50;

    /// <summary>KFS: dietary P, g/d = (0.0280 BW + 0.039 RP + 0.0076 ADG) / 0.85.</summary>
    public static double PhosphorusGrams(double bodyWeightKg, double retainedProteinGrams, double liveGainKgPerDay) =>
        (0.0280 * bodyWeightKg + 0.039 * retainedProteinGrams + 0.0076 * liveGainKgPerDay) / 0.85;

    /// <summary>KFS: vitamin A, 1000 IU/d = 0.0424 BW (42.4 IU per kg BW).</summary>
    public static double VitaminAThousandIu(double bodyWeightKg) => 0.0424 * bodyWeightKg;

    /// <summary>KFS: vitamin D, 1000 IU/d = 0.006 BW (6 IU per kg BW).</summary>
    public static double VitaminDThousandIu(double bodyWeightKg) => 0.006 * bodyWeightKg;
}

/// <summary>
/// Energy and protein of growing Hanwoo heifers from the NLRI metabolism trial of Chung et al. (1992, Korean J. Anim. Sci.
/// 34:293–300; heifers of 150–350 kg at target gains 0.2–0.8 kg/d on rice straw and concentrate). The Korean Feeding
/// Standard's heifer table was not available to us; these Hanwoo heifer equations stand in for it and the result says so.
/// </summary>
public static class HanwooHeiferEquations
{
    /// <summary>Chung et al. (1992): ME, kcal per kg BW^0.75 per day = 116.98 + 171.32 ADG − 35.73 ADG².</summary>
    public static double MetabolizableEnergyMcal(double bodyWeightKg, double liveGainKgPerDay) =>
        (116.98 + 171.32 * liveGainKgPerDay - 35.73 * liveGainKgPerDay * liveGainKgPerDay) / 1000 * KfsEquations.MetabolicWeightKg(bodyWeightKg);

    /// <summary>Chung et al. (1992): ME for maintenance, 116.98 kcal per kg BW^0.75 per day.</summary>
    public static double MaintenanceMetabolizableEnergyMcal(double bodyWeightKg) => 0.11698 * KfsEquations.MetabolicWeightKg(bodyWeightKg);

    /// <summary>Chung et al. (1992): DE, kcal per kg BW^0.75 per day = 134.34 + 220.59 ADG − 71.90 ADG².</summary>
    public static double DigestibleEnergyMcal(double bodyWeightKg, double liveGainKgPerDay) =>
        (134.34 + 220.59 * liveGainKgPerDay - 71.90 * liveGainKgPerDay * liveGainKgPerDay) / 1000 * KfsEquations.MetabolicWeightKg(bodyWeightKg);

    /// <summary>Chung et al. (1992): TDN, g per kg BW^0.75 per day = 28.13 + 60.40 ADG − 14.03 ADG²; returned in kg/d.</summary>
    public static double TdnKg(double bodyWeightKg, double liveGainKgPerDay) =>
        (28.13 + 60.40 * liveGainKgPerDay - 14.03 * liveGainKgPerDay * liveGainKgPerDay) / 1000 * KfsEquations.MetabolicWeightKg(bodyWeightKg);

    /// <summary>Chung et al. (1992): N, g per kg BW^0.75 per day = 0.98 + 1.25 ADG − 0.44 ADG²; CP = 6.25 N, g/d.</summary>
    public static double CrudeProteinGrams(double bodyWeightKg, double liveGainKgPerDay) =>
        6.25 * (0.98 + 1.25 * liveGainKgPerDay - 0.44 * liveGainKgPerDay * liveGainKgPerDay) * KfsEquations.MetabolicWeightKg(bodyWeightKg);
}

/// <summary>What a ration allows under the Korean Feeding Standard: the live-weight gain at which the steer or bull
/// requirement equals the supply. The standard states requirements, not allowable gains; these invert its equations.</summary>
public static class KfsAllowableGain
{
    /// <summary>Gain, kg/d live, at which KFS ME (maintenance + NEg / kf) equals the ME supply. The ME requirement rises
    /// monotonically with gain, so bisection on −2…3 kg/d finds it; below maintenance the same equations are extrapolated to
    /// negative gains (the standard itself gives no weight-loss equation).</summary>
    public static double EnergyAllowableKgPerDay(double bodyWeightKg, bool bull, double metabolizableEnergySupplyMcal)
    {
        double Requirement(double gain) => KfsEquations.MaintenanceMetabolizableEnergyMcal(bodyWeightKg, bull)
                                           + KfsEquations.GainMetabolizableEnergyMcal(KfsEquations.GainNetEnergyMcal(bodyWeightKg, gain, bull), gain);
        double low = -2, high = 3;
        if (metabolizableEnergySupplyMcal <= Requirement(low))
        {
            return low;
        }

        if (metabolizableEnergySupplyMcal >= Requirement(high))
        {
            return high;
        }

        for (var i = 0; i < 60; i++)
        {
            var middle = (low + high) / 2;
            if (Requirement(middle) < metabolizableEnergySupplyMcal)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return (low + high) / 2;
    }

    /// <summary>Gain, kg/d live, at which KFS CP equals the CP supply: (0.51 CP − NPm) / (224.7 − c BW), c 0.251 steers, 0.209 bulls.</summary>
    public static double ProteinAllowableKgPerDay(double bodyWeightKg, bool bull, double crudeProteinSupplyGrams) =>
        (KfsEquations.NetProteinPerCrudeProtein * crudeProteinSupplyGrams - KfsEquations.MaintenanceNetProteinGrams(bodyWeightKg))
        / KfsEquations.RetainedProteinGrams(bodyWeightKg, 1, bull);

    /// <summary>KFS: ME of a diet, Mcal/kg DM, from its TDN (% DM): 4.41 Mcal DE per kg TDN × 0.82.</summary>
    public static double MetabolizableEnergyMcalPerKgFromTdn(double tdnPercentOfDryMatter) =>
        tdnPercentOfDryMatter / 100 * KfsEquations.DigestibleEnergyPerKgTdnMcal * KfsEquations.MetabolizableFractionOfDigestible;
}
