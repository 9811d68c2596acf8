using Cnucnm.FieldValidation;
namespace Cnucnm.Nutrition.Beef.Hanwoo;

/// <summary>A Hanwoo animal as the Korean Feeding Standard states requirements: by sex, live weight and live-weight gain.</summary>
/// <param name="Sex">Steer, bull or heifer (growing and fattening). Cows are not covered (see <see cref="KoreanFeedingStandard"/>).</param>
/// <param name="BodyWeightKg">Full (unshrunk, live) body weight, kg: the standard tabulates by live weight.</param>
/// <param name="LiveGainKgPerDay">Live-weight gain, kg/d (not shrunk; NRC shrunk gain = 0.96 × live gain, see <see cref="BeefGains"/>).</param>
/// <param name="DaysPregnant">Day of gestation, 0 when open. Pregnant animals are not covered.</param>
/// <param name="DaysInMilk">Days in milk, 0 when not lactating. Lactating animals are not covered.</param>
public sealed record HanwooAnimal(BeefSex Sex, double BodyWeightKg, double LiveGainKgPerDay, double DaysPregnant = 0, double DaysInMilk = 0)
{
    /// <summary>The same animal from the beef model's input (its target gain is shrunk; converted to live gain here).</summary>
    public static HanwooAnimal From(BeefAnimal animal)
    {
        ArgumentNullException.ThrowIfNull(animal);
        return new HanwooAnimal(animal.Sex, animal.BodyWeightKg, BeefGains.LiveFromShrunk(animal.TargetGainKgPerDay), animal.DaysPregnant, animal.DaysInMilk);
    }
}

/// <summary>Daily requirements of one Hanwoo animal under the Korean Feeding Standard, every quantity per head per day.</summary>
/// <param name="Source">Which equations gave each quantity (standard, edition, research source), in one sentence.</param>
/// <param name="Animal">The animal the requirements are for.</param>
/// <param name="DryMatterIntakeKgPerDay">Expected dry-matter intake, kg DM/d: steers and bulls ME ÷ (4.4 q)
/// (<see cref="KfsEquations.ExpectedDryMatterIntakeKg"/>), heifers the Japanese Feeding Standard 2008 heifer equation; the KFS's own
/// intake equation was not found.</param>
/// <param name="MetabolizableEnergyMcalPerDay">ME for maintenance and gain, Mcal/d.</param>
/// <param name="MaintenanceMetabolizableEnergyMcalPerDay">ME for maintenance, Mcal/d.</param>
/// <param name="GainMetabolizableEnergyMcalPerDay">ME for gain, Mcal/d.</param>
/// <param name="GainNetEnergyMcalPerDay">Net energy retained in gain, Mcal/d; null where the source states none (heifers).</param>
/// <param name="DigestibleEnergyMcalPerDay">DE, Mcal/d.</param>
/// <param name="TdnKgPerDay">Total digestible nutrients, kg/d.</param>
/// <param name="CrudeProteinGramsPerDay">Crude protein, g/d (the standard states protein as CP).</param>
/// <param name="RetainedProteinGramsPerDay">Protein retained in gain, g/d; null where the source states none (heifers).</param>
/// <param name="CalciumGramsPerDay">Dietary calcium, g/d.</param>
/// <param name="PhosphorusGramsPerDay">Dietary phosphorus, g/d.</param>
/// <param name="VitaminAThousandIuPerDay">Vitamin A, 1000 IU/d.</param>
/// <param name="VitaminDThousandIuPerDay">Vitamin D, 1000 IU/d.</param>
public sealed record HanwooRequirements(
    string Source,
    HanwooAnimal Animal,
    double DryMatterIntakeKgPerDay,
    double MetabolizableEnergyMcalPerDay,
    double MaintenanceMetabolizableEnergyMcalPerDay,
    double GainMetabolizableEnergyMcalPerDay,
    double? GainNetEnergyMcalPerDay,
    double DigestibleEnergyMcalPerDay,
    double TdnKgPerDay,
    double CrudeProteinGramsPerDay,
    double? RetainedProteinGramsPerDay,
    double CalciumGramsPerDay,
    double PhosphorusGramsPerDay,
    double VitaminAThousandIuPerDay,
    double VitaminDThousandIuPerDay)
{
    /// <summary>TDN as % of the expected dry-matter intake.</summary>
    public double TdnPercentOfDryMatter => TdnKgPerDay / DryMatterIntakeKgPerDay * 100;

    /// <summary>CP as % of the expected dry-matter intake.</summary>
    public double CrudeProteinPercentOfDryMatter => CrudeProteinGramsPerDay / 10 / DryMatterIntakeKgPerDay;
}

/// <summary>
/// The Korean Feeding Standard for Hanwoo (한국가축사양표준 한우, NIAS) as a requirement model. Covered: growing and
/// fattening steers (100–850 kg) and bulls (100–950 kg) on the standard's own equations (<see cref="KfsEquations"/>), and
/// open growing heifers (100–450 kg) on the NLRI heifer equations of Chung et al. (1992) that stand in for the standard's
/// heifer table (<see cref="HanwooHeiferEquations"/>; Ca and P of heifers after NRC 2000). Live gain 0–1.6 kg/d.
/// Not covered (a field error says so; use <see cref="BeefRequirementModel.Nrc2000"/>): cows, pregnant or lactating
/// animals and suckling calves, whose KFS equations were not available to us.
/// </summary>
public static class KoreanFeedingStandard
{
    /// <summary>Mature weight of Hanwoo females used only for the NRC 2000 Ca and P of heifers, kg (breed table).</summary>
    private static double HeiferMatureWeightKg => BeefBreeds.Hanwoo.MatureWeightKg(BeefSex.Heifer) ?? 474;

    /// <summary>
    /// Daily requirements of a Hanwoo steer, bull or open heifer under the Korean Feeding Standard.
    /// Input: <paramref name="animal"/> with full live weight (kg) and live-weight gain (kg/d), which must pass
    /// <see cref="Validate"/> (otherwise <see cref="ArgumentException"/> naming the first bad field).
    /// Output: DMI kg DM/d, ME/DE Mcal/d (total, maintenance, gain), NEg Mcal/d, TDN kg/d, CP g/d, retained protein g/d,
    /// Ca and P g/d (dietary), vitamins A and D 1000 IU/d, and a <see cref="HanwooRequirements.Source"/> sentence.
    /// No climate adjustment: the standard's requirements are for thermoneutral conditions.
    /// </summary>
    public static HanwooRequirements Requirements(HanwooAnimal animal)
    {
        ArgumentNullException.ThrowIfNull(animal);
        var v = new Validation();
        Validate(v, animal);
        if (!v.IsValid)
        {
            var first = v.FieldErrors[0];
            throw new ArgumentException($"{first.Field} {first.Message}", nameof(animal));
        }

        var bw = animal.BodyWeightKg;
        var gain = animal.LiveGainKgPerDay;
        return animal.Sex == BeefSex.Heifer ? Heifer(animal, bw, gain) : SteerOrBull(animal, bw, gain, animal.Sex == BeefSex.Bull);
    }

    /// <summary>True when the standard covers the animal (sex and state; weights and gains are checked by <see cref="Validate"/>).</summary>
    public static bool Covers(BeefSex sex, double daysPregnant, double daysInMilk) =>
        sex is BeefSex.Steer or BeefSex.Bull or BeefSex.Heifer && daysPregnant <= 0 && daysInMilk <= 0;

    /// <summary>Adds a field error for every input the standard cannot answer (<paramref name="prefix"/> e.g. <c>beef.</c>):
    /// <c>animal.sex</c>, <c>animal.daysPregnant</c>, <c>animal.daysInMilk</c>, <c>animal.bodyWeightKg</c>, <c>animal.targetGainKgPerDay</c>.</summary>
    public static void Validate(Validation v, HanwooAnimal animal, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(animal);
        const string useNrc = "; choose requirementModel nrc2000 for it.";
        if (animal.Sex == BeefSex.Cow)
        {
            v.Add(prefix + "animal.sex", "cow: the Korean Feeding Standard model here covers steers, bulls and open growing heifers, not cows" + useNrc);
            return;
        }

        if (animal.Sex is BeefSex.Steer or BeefSex.Bull)
        {
            var name = animal.Sex.ToString().ToLowerInvariant();
            v.Require(animal.DaysPregnant <= 0, prefix + "animal.daysPregnant", $"must be 0: a {name} cannot be pregnant.")
             .Require(animal.DaysInMilk <= 0, prefix + "animal.daysInMilk", $"must be 0: a {name} cannot be lactating.");
        }
        else
        {
            v.Require(animal.DaysPregnant <= 0, prefix + "animal.daysPregnant", "must be 0: pregnant heifers are not covered by the Korean Feeding Standard model here" + useNrc)
             .Require(animal.DaysInMilk <= 0, prefix + "animal.daysInMilk", "must be 0: lactating heifers are not covered by the Korean Feeding Standard model here" + useNrc);
        }

        var (min, max) = WeightRangeKg(animal.Sex);
        v.Require(double.IsFinite(animal.BodyWeightKg) && animal.BodyWeightKg >= min && animal.BodyWeightKg <= max, prefix + "animal.bodyWeightKg",
            $"must be between {min} and {max} kg (live) for a Hanwoo {animal.Sex.ToString().ToLowerInvariant()} under the Korean Feeding Standard"
            + (animal.BodyWeightKg < min ? "; suckling calves are not covered" + useNrc : "."));
        v.Require(double.IsFinite(animal.LiveGainKgPerDay) && animal.LiveGainKgPerDay is >= 0 and <= 1.6, prefix + "animal.targetGainKgPerDay",
            "must give a live-weight gain between 0 and 1.6 kg/d under the Korean Feeding Standard (a growth standard: no weight loss).");
    }

    /// <summary>Weights the standard's equations are used for, kg live: steers 100–850 (retained protein stays positive),
    /// bulls 100–950, heifers 100–450 (the heifer trial covered 150–350 kg).</summary>
    public static (double Min, double Max) WeightRangeKg(BeefSex sex) => sex switch
    {
        BeefSex.Bull => (100, 950),
        BeefSex.Heifer => (100, 450),
        _ => (100, 850),
    };

    private static HanwooRequirements SteerOrBull(HanwooAnimal animal, double bw, double gain, bool bull)
    {
        var mem = KfsEquations.MaintenanceMetabolizableEnergyMcal(bw, bull);
        var neg = KfsEquations.GainNetEnergyMcal(bw, gain, bull);
        var meg = KfsEquations.GainMetabolizableEnergyMcal(neg, gain);
        var me = mem + meg;
        var de = KfsEquations.DigestibleEnergyMcal(me);
        var retainedProtein = KfsEquations.RetainedProteinGrams(bw, gain, bull);
        var cp = KfsEquations.CrudeProteinGrams(KfsEquations.MaintenanceNetProteinGrams(bw), retainedProtein);
        var dmi = KfsEquations.ExpectedDryMatterIntakeKg(bw, gain, bull);
        var source = $"Korean Feeding Standard for Hanwoo (NIAS; {(bull ? "bull" : "steer")} equations of the 2007 edition, carried into 2012 and 2017): "
                     + "energy, CP, Ca, P, vitamins A and D; expected DMI = KFS ME ÷ (4.4 Mcal GE/kg DM × the standard's metabolizability q), "
                     + "the Japanese Feeding Standard (2008) construction.";
        return new HanwooRequirements(source, animal, dmi, me, mem, meg, neg, de, KfsEquations.TdnKg(de), cp, retainedProtein,
            KfsEquations.CalciumGrams(bw, retainedProtein, gain), KfsEquations.PhosphorusGrams(bw, retainedProtein, gain),
            KfsEquations.VitaminAThousandIu(bw), KfsEquations.VitaminDThousandIu(bw));
    }

    private static HanwooRequirements Heifer(HanwooAnimal animal, double bw, double gain)
    {
        var me = HanwooHeiferEquations.MetabolizableEnergyMcal(bw, gain);
        var mem = HanwooHeiferEquations.MaintenanceMetabolizableEnergyMcal(bw);

        // Ca and P after NRC (2000) Minerals chapter: net protein gain from the NRC growth equations at the heifer's
        // equivalent weight (mature Hanwoo female weight from the breed table), shrunk gain = 0.96 × live gain.
        var sbw = BeefBody.ShrunkKg(bw);
        var eqsbw = BeefBody.EquivalentShrunkKg(sbw, BeefBody.ShrunkKg(HeiferMatureWeightKg));
        var shrunkGain = BeefGains.ShrunkFromLive(gain);
        var retainedEnergy = BeefGrowth.RetainedEnergyMcal(BeefBody.EmptyKg(eqsbw), BeefBody.EmptyGainKg(shrunkGain));
        var netProtein = BeefGrowth.NetProteinGrams(shrunkGain, retainedEnergy);
        const string source = "Hanwoo heifer equations of Chung et al. (1992, NLRI metabolism trial) for ME, DE, TDN and CP in place of the Korean "
                              + "Feeding Standard heifer table; Ca and P after NRC (2000); vitamins A and D per kg BW as in the KFS; DMI from the "
                              + "Japanese Feeding Standard for Beef Cattle (2008).";
        return new HanwooRequirements(source, animal, BeefIntake.JapaneseHeiferOrBullKg(bw, gain), me, mem, me - mem, null,
            HanwooHeiferEquations.DigestibleEnergyMcal(bw, gain), HanwooHeiferEquations.TdnKg(bw, gain), HanwooHeiferEquations.CrudeProteinGrams(bw, gain),
            null, BeefMinerals.CalciumGrams(sbw, netProtein, 0, 0, 0), BeefMinerals.PhosphorusGrams(sbw, netProtein, 0, 0, 0),
            KfsEquations.VitaminAThousandIu(bw), KfsEquations.VitaminDThousandIu(bw));
    }
}
