using Cnucnm.Nutrition.Beef;

namespace Cnucnm.Formulation.Beef;

/// <summary>
/// Defaults of beef animal mode by growth phase. Sources, checked in December 2026 against what could be reached
/// (docs/formulation.md, Beef and Hanwoo, repeats them and says which were verified):
/// <list type="bullet">
/// <item>Roughage: finishing diets of US feedlots are 70–85 % grain (Vasconcelos and Galyean 2007, J. Anim. Sci.
/// 85:2772–2781, survey of 29 consulting nutritionists); Hanwoo fattening programmes feed rice straw or hay beside
/// concentrate, 10 % forage DM in late fattening, 20 % in fattening, 40 % while growing (NIAS steer feeding programme,
/// <c>program_nias</c> of the <c>hanwoo</c> R package). The minimums 30 / 30 / 15 / 10 / 40 % are CNUCNM choices within these.</item>
/// <item>Forage NDF stands in for physically effective NDF (peNDF of long hay and straw ≈ their NDF): the 7–10 % peNDF of
/// finishing diets and ≥ 20 % for ruminal pH above 6.2 (Fox and Tedeschi 2002, Proc. Plains Nutr. Council; Pitt et al.
/// 1996, J. Anim. Sci. 74:226) were not re-checked against a reachable copy.</item>
/// <item>Starch: acidosis follows excessive readily fermented carbohydrate in concentrate-rich diets; more roughage and less
/// thorough grain processing reduce it (Owens et al. 1998, J. Anim. Sci. 76:275–286). The maximums are CNUCNM choices.</item>
/// <item>Fat: supplemental fat should not exceed 5–6 % of finishing diets: intestinal digestion falls and intake drops
/// (MFA Inc. extension, 2024; Zinn and Jorquera 2007, Vet. Clin. Food Anim. 23:247–268 on fat in feedlot diets); 6 % total
/// ether extract. (Hess et al. 2008, J. Anim. Sci. 86(E. Suppl.):E188–E204, cited before, was not re-checked.)</item>
/// <item>Urea: optimum 0.9 % of DM in dry-rolled corn diets with prairie hay and 0.5 % with alfalfa hay; 1.4 % lowered
/// intake and gain (Milton et al. 1997, J. Anim. Sci. 75:1415–1424): 1 % (calves 0.5 %).</item>
/// <item>Ca:P: 1:1 to 7:1 gave similar performance in 45 Hereford calves, below 1:1 it fell markedly (Wise et al. 1963,
/// J. Anim. Sci.; NRC 2000 Minerals chapter). Growing and fattening cattle get at least 1.5:1 against phosphatic urinary
/// calculi of steers fed corn and corn co-products (corn gluten feed, distillers' grains: at least 1:1, 2:1 preferred;
/// Arnold and Lehmkuhler 2017, Univ. of Kentucky beef extension; in lambs, raising dietary Ca from 0.56 to 1.06 % at
/// 0.47 % P cut calculi from 50 to 29 %, Hoar et al. 1970, J. Anim. Sci. 31:118). Breeding cows keep 1:1.</item>
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
        BeefGrowthPhase.Calf => new(0.8, 30, 12, 35, 6, 0.5, 1.5, 7, 0),
        BeefGrowthPhase.Growing => new(0.9, 30, 12, 35, 6, 1, 1.5, 7, 0),
        BeefGrowthPhase.EarlyFattening => new(0.8, 15, 7, 45, 6, 1, 1.5, 7, 0),
        BeefGrowthPhase.LateFattening => new(0.67, 10, 5, 50, 6, 1, 1.5, 7, 0),
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
