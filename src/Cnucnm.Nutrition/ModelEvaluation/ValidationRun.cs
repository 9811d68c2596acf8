using System.Globalization;
using Cnucnm.Nutrition.Beef;
using Cnucnm.Nutrition.Beef.Hanwoo;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.ModelEvaluation;

/// <summary>The predictions for every case that could run, and the reason for every case that could not.</summary>
public sealed record ValidationOutcome(int CaseCount, IReadOnlyList<CasePrediction> Predictions, IReadOnlyList<SkippedCase> Skipped);

/// <summary>
/// Runs the dairy model (NASEM 2021) on heifers and cows and the beef model (NRC 2000, Hanwoo parameters) on steers
/// of the evaluation database. Each case is fed its recorded diet (shares rescaled to 100 % of DM) at its measured
/// intake; allowable gain and milk are the model's answers at that intake, and predicted DMI is the class's intake
/// equation. The conventions below are written out in docs/validation.md.
/// </summary>
public static class ValidationRun
{
    /// <summary>Days per month used by the original CNUCNM to convert ages (origin model, section 4.1).</summary>
    public const double DaysPerMonth = 30.4;

    /// <summary>Milk true protein as a fraction of crude protein (NASEM 2021 software; CNUCNM v3 constants).</summary>
    public const double MilkTrueProteinPerCrudeProtein = 0.951;

    /// <summary>A non-lactating animal eating more than this (% of BW) while losing weight contradicts itself: growing heifers
    /// and dry cows eat about 2–2.5 % of BW (the NASEM heifer and dry-cow equations), and one eating more gains.</summary>
    public const double NonLactatingIntakeLimitPercentOfBodyWeight = 3.0;

    /// <summary>NASEM (2021) DMIn_eqn: Eq. 2-4 heifers (animal and diet NDF), Eq. 2-1 lactating cows (animal factors;
    /// Eq. 2-2 needs forage NDF digestibility, which the Korean library lacks), late-gestation equation for dry cows.</summary>
    private static int DairyIntakeEquation(AnimalClass animalClass) => animalClass switch
    {
        AnimalClass.HolsteinHeifer => 3,
        AnimalClass.LactatingCow => 8,
        _ => 10,
    };

    private static string DairyIntakeEquationName(AnimalClass animalClass) => animalClass switch
    {
        AnimalClass.HolsteinHeifer => "NASEM Eq. 2-4",
        AnimalClass.LactatingCow => "NASEM Eq. 2-1",
        _ => "NASEM dry cow (Ch. 12)",
    };

    public static ValidationOutcome Run(IReadOnlyList<ValidationCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var predictions = new List<CasePrediction>();
        var skipped = new List<SkippedCase>();
        foreach (var c in cases)
        {
            var (prediction, reason) = Evaluate(c);
            if (prediction is not null)
            {
                predictions.Add(prediction);
            }
            else
            {
                skipped.Add(new SkippedCase(c.Number, reason!));
            }
        }

        return new ValidationOutcome(cases.Count, predictions, skipped);
    }

    /// <summary>The class of a case, or why it has none.</summary>
    public static (AnimalClass? Class, string? Reason) Classify(ValidationCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.SexCode == 2)
        {
            return c.BreedType switch
            {
                1 => (AnimalClass.HanwooSteer, null),
                2 => (AnimalClass.CrossbredSteer, null),
                3 when c.BreedCode == 3 => (AnimalClass.BreedCode3Steer, null),
                3 => (AnimalClass.HolsteinSteer, null),
                _ => (null, $"breed type {c.BreedType} is not 1 (Hanwoo), 2 (Holstein × Hanwoo) or 3 (Holstein)."),
            };
        }

        if (c.SexCode is not (3 or 4))
        {
            return (null, $"sex code {c.SexCode}: only steers (2), heifers (3) and cows (4) are in the evaluation.");
        }

        if (c.IsLactating)
        {
            return c.MilkKgPerDay > 0 && c.MilkFatPercent > 0 && c.MilkCrudeProteinPercent > 0
                ? (AnimalClass.LactatingCow, null)
                : (null, "lactating, but milk yield, fat or protein is not recorded (0); the dairy model needs all three.");
        }

        var intakePercent = c.ObservedDryMatterIntakeKg / c.BodyWeightKg * 100;
        if (intakePercent > NonLactatingIntakeLimitPercentOfBodyWeight && c.ObservedGainKgPerDay < 0)
        {
            return (null, string.Create(CultureInfo.InvariantCulture,
                $"recorded as a non-lactating {(c.SexCode == 3 ? "heifer" : "cow")} (no days in milk, no milk) yet eating {c.ObservedDryMatterIntakeKg:0.0} kg DM/d = {intakePercent:0.0} % of BW while losing {-c.ObservedGainKgPerDay:0.00} kg/d: a lactating animal whose milk was not recorded."));
        }

        if (c.SexCode == 4)
        {
            return (AnimalClass.DryCow, null);
        }

        return c.BreedCode == 2
            ? (AnimalClass.HolsteinHeifer, null)
            : (null, $"heifer of breed code {c.BreedCode}: only Holstein heifers are evaluated (NASEM dairy model).");
    }

    private static (CasePrediction? Prediction, string? Reason) Evaluate(ValidationCase c)
    {
        if (c.Diet.Count == 0)
        {
            return (null, "no diet recorded.");
        }

        if (c.ObservedDryMatterIntakeKg <= 0 || c.BodyWeightKg <= 0)
        {
            return (null, "measured DMI or body weight is not recorded (0).");
        }

        var totalPercent = c.Diet.Sum(d => d.PercentOfDryMatter);
        var diet = new List<DietEntry>();
        foreach (var share in c.Diet)
        {
            var (feed, whyNot) = ValidationFeeds.Find(share.FeedId);
            if (feed is null)
            {
                return (null, whyNot);
            }

            diet.Add(new DietEntry(feed, share.PercentOfDryMatter / totalPercent * c.ObservedDryMatterIntakeKg));
        }

        var (animalClass, reason) = Classify(c);
        if (animalClass is not { } cls)
        {
            return (null, reason);
        }

        var prediction = cls.IsDairy() ? Dairy(c, cls, diet) : Beef(c, cls, diet);
        // Only the quantities compared with a measurement must be numbers; the others are reported as they come.
        var gainMeasured = prediction.ObservedGainKgPerDay is not null;
        (string Name, double? Value)[] values =
        [
            ("predicted DMI", prediction.PredictedDryMatterIntakeKg),
            ("energy-allowable gain", gainMeasured ? prediction.EnergyAllowableGainKgPerDay : null),
            ("MP-allowable gain", gainMeasured ? prediction.ProteinAllowableGainKgPerDay : null),
            ("energy-allowable milk", prediction.EnergyAllowableMilkKgPerDay), ("MP-allowable milk", prediction.ProteinAllowableMilkKgPerDay),
        ];
        var undefined = values.Where(v => v.Value is { } x && !double.IsFinite(x)).Select(v => v.Name).ToList();
        return undefined.Count > 0
            ? (null, $"the {cls.Model()} model returns no number for {string.Join(", ", undefined)} on this record.")
            : (prediction, null);
    }

    private static CasePrediction Dairy(ValidationCase c, AnimalClass cls, List<DietEntry> diet)
    {
        var lactating = cls == AnimalClass.LactatingCow;
        var cow = cls != AnimalClass.HolsteinHeifer;
        var state = cls switch
        {
            AnimalClass.HolsteinHeifer => PhysiologicalState.Heifer,
            AnimalClass.LactatingCow => PhysiologicalState.LactatingCow,
            _ => PhysiologicalState.DryCow,
        };

        // Cows of any recorded lactation number are at least in their first lactation; ADG recorded as 0 for a cow means not measured.
        var observedGain = cow && c.ObservedGainKgPerDay == 0 ? (double?)null : c.ObservedGainKgPerDay;
        var animal = new DairyAnimal(state, c.BreedCode == 2 ? DairyBreed.Holstein : DairyBreed.Other, c.BodyWeightKg, c.MatureWeightKg,
            c.ConditionScore, cow ? Math.Max(1, c.LactationNumber) : 0, c.AgeMonths * DaysPerMonth, lactating ? c.DaysInMilk : 0, c.DaysPregnant, 280,
            c.DaysPregnant > 0 ? c.CalfBirthWeightKg : 0, lactating ? c.MilkKgPerDay : 0, lactating ? c.MilkFatPercent : 0,
            lactating ? c.MilkCrudeProteinPercent * MilkTrueProteinPerCrudeProtein : 0, 4.85,
            cow ? 0 : c.ObservedGainKgPerDay, cow ? observedGain ?? 0 : 0, c.ObservedDryMatterIntakeKg, 280, 14, 0, new DairyEnvironment());
        var atMeasuredIntake = DairyModel.Evaluate(new DairyInput(animal, EquationSelection.Default, diet));
        var predicted = DairyModel.Evaluate(new DairyInput(animal, EquationSelection.Default with { DmiEquation = DairyIntakeEquation(cls) }, diet));
        var production = atMeasuredIntake.Production;
        return new CasePrediction(c.Number, cls, c.ObservedDryMatterIntakeKg, predicted.DryMatterIntakeKg, DairyIntakeEquationName(cls), observedGain,
            production.EnergyAllowableGainKgPerDay, production.ProteinAllowableGainKgPerDay, lactating ? c.MilkKgPerDay : null,
            lactating ? production.EnergyAllowableMilkKg : null, lactating ? production.ProteinAllowableMilkKg : null);
    }

    private static CasePrediction Beef(ValidationCase c, AnimalClass cls, List<DietEntry> diet)
    {
        var breed = cls switch
        {
            AnimalClass.HanwooSteer => BeefBreeds.Hanwoo,
            AnimalClass.CrossbredSteer => BeefBreeds.HolsteinHanwooCross,
            _ => BeefBreeds.Holstein,
        };

        // Growing steers finish at the breed table's steer weight; the file's MW is the breed's mature cow weight of the
        // original breed table (680 kg for every Holstein-coded steer). The breed-code-3 steers have no row: their 450 kg is used.
        var finishingWeight = cls == AnimalClass.BreedCode3Steer ? c.MatureWeightKg : breed.MatureWeightKg(BeefSex.Steer)!.Value;

        // Scores up to 5 are on the dairy 1–5 scale (every growing record reads 3); the 60-month Hanwoo steers' 5.3–5.4 are on the beef 1–9 scale.
        var beefScore = c.ConditionScore > 5 ? c.ConditionScore : 2 * c.ConditionScore - 1;
        var animal = BeefAnimal.Create(breed, BeefSex.Steer, c.BodyWeightKg, c.AgeMonths, c.ObservedGainKgPerDay, finishingWeight)
            with { BodyConditionScore = beefScore };
        var result = BeefModel.Evaluate(new BeefInput(animal, diet));
        var equation = result.Intake.Equation switch
        {
            BeefIntakeEquation.JapaneseStandard => "JFS 2008 steer",
            BeefIntakeEquation.NrcBeefCow => "NRC 2000 beef cow",
            _ => c.AgeMonths < 12 ? "NRC 2000 calf" : "NRC 2000 yearling",
        };
        return new CasePrediction(c.Number, cls, c.ObservedDryMatterIntakeKg, result.PredictedDryMatterIntakeKg, equation, c.ObservedGainKgPerDay,
            result.EnergyAllowableGainKgPerDay, result.ProteinAllowableGainKgPerDay, null, null, null,
            cls == AnimalClass.HanwooSteer ? Kfs(c, result) : null);
    }

    /// <summary>The Hanwoo steer under the Korean Feeding Standard, fed the same diet at the measured intake: ME supply from the
    /// diet's TDN (4.41 Mcal DE per kg TDN × 0.82, which is also the NRC 2000 conversion, so both models see the same energy)
    /// and the CP intake; null when the case lies outside the standard's weight range.</summary>
    private static KfsPrediction? Kfs(ValidationCase c, BeefResult nrc)
    {
        var (minWeight, maxWeight) = KoreanFeedingStandard.WeightRangeKg(BeefSex.Steer);
        if (c.BodyWeightKg < minWeight || c.BodyWeightKg > maxWeight)
        {
            return null;
        }

        // The KFS model's intake is its expected intake at the measured gain, ME ÷ (4.4 q) (the KFS model's own 1.6 kg/d input
        // limit is for formulation targets, and two of these steers gained 1.62-1.68 kg/d).
        var meSupply = c.ObservedDryMatterIntakeKg * KfsAllowableGain.MetabolizableEnergyMcalPerKgFromTdn(nrc.Diet.TdnPercent);
        return new KfsPrediction(c.BodyWeightKg, KfsEquations.ExpectedDryMatterIntakeKg(c.BodyWeightKg, c.ObservedGainKgPerDay, bull: false),
            KfsAllowableGain.EnergyAllowableKgPerDay(c.BodyWeightKg, bull: false, meSupply),
            KfsAllowableGain.ProteinAllowableKgPerDay(c.BodyWeightKg, bull: false, nrc["CPI_g"]),
            BeefGains.LiveFromShrunk(nrc.EnergyAllowableGainKgPerDay), BeefGains.LiveFromShrunk(nrc.ProteinAllowableGainKgPerDay));
    }
}
