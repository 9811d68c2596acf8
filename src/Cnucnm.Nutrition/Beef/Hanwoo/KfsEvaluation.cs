using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.Beef.Hanwoo;

/// <summary>A ration judged by the Korean Feeding Standard: the animal's requirements, what the diet supplies at the intake
/// used, and the live-weight gains the supply allows. Energy supply is the diet's TDN (the same composition TDN the NRC run
/// uses) × 4.41 Mcal DE/kg TDN × 0.82.</summary>
/// <param name="Requirements">The standard's requirements at the animal's target gain (converted to live gain).</param>
/// <param name="DryMatterIntakeKgPerDay">Intake the supply is computed at (the evaluation's DMI), kg DM/d.</param>
/// <param name="MetabolizableEnergySupplyMcalPerDay">ME supplied, Mcal/d.</param>
/// <param name="TdnSupplyKgPerDay">TDN supplied, kg/d.</param>
/// <param name="CrudeProteinSupplyGramsPerDay">CP supplied, g/d.</param>
/// <param name="CalciumSupplyGramsPerDay">Dietary Ca supplied, g/d.</param>
/// <param name="PhosphorusSupplyGramsPerDay">Dietary P supplied, g/d.</param>
/// <param name="EnergyAllowableLiveGainKgPerDay">Live gain the ME supply allows (steers and bulls; null for heifers).</param>
/// <param name="ProteinAllowableLiveGainKgPerDay">Live gain the CP supply allows (steers and bulls; null for heifers).</param>
public sealed record KfsEvaluation(
    HanwooRequirements Requirements,
    double DryMatterIntakeKgPerDay,
    double MetabolizableEnergySupplyMcalPerDay,
    double TdnSupplyKgPerDay,
    double CrudeProteinSupplyGramsPerDay,
    double CalciumSupplyGramsPerDay,
    double PhosphorusSupplyGramsPerDay,
    double? EnergyAllowableLiveGainKgPerDay,
    double? ProteinAllowableLiveGainKgPerDay)
{
    public double MetabolizableEnergyBalanceMcalPerDay => MetabolizableEnergySupplyMcalPerDay - Requirements.MetabolizableEnergyMcalPerDay;

    public double TdnBalanceKgPerDay => TdnSupplyKgPerDay - Requirements.TdnKgPerDay;

    public double CrudeProteinBalanceGramsPerDay => CrudeProteinSupplyGramsPerDay - Requirements.CrudeProteinGramsPerDay;

    /// <summary>The standard's view of a diet eaten at <paramref name="dryMatterIntakeKgPerDay"/> (diet amounts give the proportions).</summary>
    public static KfsEvaluation Evaluate(HanwooAnimal animal, IReadOnlyList<DietEntry> diet, double dryMatterIntakeKgPerDay)
    {
        ArgumentNullException.ThrowIfNull(animal);
        ArgumentNullException.ThrowIfNull(diet);
        var requirements = KoreanFeedingStandard.Requirements(animal);
        var total = diet.Sum(d => d.KgDryMatterPerDay);
        if (total <= 0)
        {
            throw new ArgumentException("The diet must contain at least one feed with a positive amount.", nameof(diet));
        }

        double PerKgDm(Func<Feed, double> value) => diet.Sum(d => d.KgDryMatterPerDay / total * value(d.Feed));
        var tdnPercent = PerKgDm(BeefFeedEnergy.TdnPercent);
        var tdnSupply = dryMatterIntakeKgPerDay * tdnPercent / 100;
        var meSupply = dryMatterIntakeKgPerDay * KfsAllowableGain.MetabolizableEnergyMcalPerKgFromTdn(tdnPercent);
        var cpSupply = dryMatterIntakeKgPerDay * PerKgDm(f => f.OrZero(FeedNutrient.Fd_CP)) * 10;
        var bull = animal.Sex == BeefSex.Bull;
        var steerOrBull = animal.Sex is BeefSex.Steer or BeefSex.Bull;
        return new KfsEvaluation(requirements, dryMatterIntakeKgPerDay, meSupply, tdnSupply, cpSupply,
            dryMatterIntakeKgPerDay * PerKgDm(f => f.OrZero(FeedNutrient.Fd_Ca)) * 10, dryMatterIntakeKgPerDay * PerKgDm(f => f.OrZero(FeedNutrient.Fd_P)) * 10,
            steerOrBull ? KfsAllowableGain.EnergyAllowableKgPerDay(animal.BodyWeightKg, bull, meSupply) : null,
            steerOrBull ? KfsAllowableGain.ProteinAllowableKgPerDay(animal.BodyWeightKg, bull, cpSupply) : null);
    }
}
