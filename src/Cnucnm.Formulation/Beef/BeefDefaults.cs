using Cnucnm.Nutrition.Beef;

namespace Cnucnm.Formulation.Beef;

/// <summary>
/// Defaults of beef animal mode by growth phase. Sources (docs/formulation.md, Beef and Hanwoo, repeats them):
/// <list type="bullet">
/// <item>Roughage: US feedlot finishing diets hold about 8–10 % roughage DM (Vasconcelos and Galyean 2007,
/// J. Anim. Sci. 85:2772–2781, survey of consulting nutritionists); Hanwoo fattening programmes feed 1–2 kg of rice
/// straw or hay a day beside concentrate in late fattening (≈ 10–15 % of DM), more while growing.</item>
/// <item>Forage NDF stands in for physically effective NDF (peNDF of long hay and straw ≈ their NDF): finishing diets
/// run at 7–10 % peNDF, ≥ 20 % keeps ruminal pH above 6.2 (Fox and Tedeschi 2002, Proc. Plains Nutr. Council;
/// Pitt et al. 1996, J. Anim. Sci. 74:226).</item>
/// <item>Starch: high-grain finishing diets reach 50–60 % starch; acidosis risk rises with starch (Owens et al. 1998,
/// J. Anim. Sci. 76:275–286). Growing cattle and cows get less.</item>
/// <item>Fat: total dietary fat above about 6 % of DM depresses intake and fibre digestion (Hess et al. 2008,
/// J. Anim. Sci. 86(E. Suppl.):E188–E204; NRC 2000 Ch. 2 on fat).</item>
/// <item>Urea: about 1 % of DM in grain-based finishing diets (Milton et al. 1997, J. Anim. Sci. 75:1415–1424).</item>
/// <item>Ca:P: ratios from 1:1 to 7:1 give satisfactory performance (NRC 2000 Ch. 5 Minerals, after Wise et al. 1963).</item>
/// <item>Degradable protein balance ≥ 0: NRC (2000) Level 1 sets the RDP requirement equal to microbial CP
/// (130 g/kg TDN intake).</item>
/// </list>
/// Target gains (shrunk, kg/d) are CNUCNM defaults for steers within the gains of Hanwoo steer feeding programmes
/// (about 170 kg at 6 months to 330 kg at 12 months, then ≈ 0.8 kg/d early in fattening). Late fattening: 0.67 kg/d shrunk
/// (0.70 live), the NIAS steer feeding programme's gain at 662 kg (24 months; 0.6–0.8 kg/d live from 23 to 29 months,
/// <c>program_nias</c> of the <c>hanwoo</c> R package). Give <c>targetGainKgPerDay</c> to set your own.
/// </summary>
internal static class BeefDefaults
{
    public sealed record PhaseDefaults(
        double TargetGainKgPerDay,
        double MinRoughagePercentOfDm,
        double MinForageNdfPercentOfDm,
        double MaxStarchPercentOfDm,
        double MaxFatPercentOfDm,
        double MaxUreaPercentOfDm,
        double MinCalciumToPhosphorus,
        double MaxCalciumToPhosphorus,
        double MinDegradableProteinBalanceGramsPerDay);

    public static PhaseDefaults For(BeefGrowthPhase phase) => phase switch
    {
        BeefGrowthPhase.Calf => new(0.8, 30, 12, 35, 6, 0.5, 1, 7, 0),
        BeefGrowthPhase.Growing => new(0.9, 30, 12, 35, 6, 1, 1, 7, 0),
        BeefGrowthPhase.EarlyFattening => new(0.8, 15, 7, 45, 6, 1, 1, 7, 0),
        BeefGrowthPhase.LateFattening => new(0.67, 10, 5, 50, 6, 1, 1, 7, 0),
        _ => new(0, 40, 20, 30, 6, 1, 1, 7, 0),
    };

    /// <summary>The phase of an animal given without one: cows and pregnant or lactating heifers breed; growing cattle by
    /// the share of their mature (finishing) weight: calves to 30 %, growing to 50 %, early fattening to 75 %, then late.</summary>
    public static BeefGrowthPhase PhaseOf(BeefAnimal animal)
    {
        if (animal.IsCow)
        {
            return BeefGrowthPhase.Breeding;
        }

        var share = animal.BodyWeightKg / animal.MatureBodyWeightKg;
        return share switch
        {
            < 0.30 => BeefGrowthPhase.Calf,
            < 0.50 => BeefGrowthPhase.Growing,
            < 0.75 => BeefGrowthPhase.EarlyFattening,
            _ => BeefGrowthPhase.LateFattening,
        };
    }
}
