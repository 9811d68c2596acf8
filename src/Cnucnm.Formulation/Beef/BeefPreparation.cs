using Cnucnm.Formulation.Preparation;
using Cnucnm.FieldValidation;
using Cnucnm.Nutrition.Beef;

namespace Cnucnm.Formulation.Beef;

/// <summary>Beef animal mode after validation: the model's animal, the requirement model, the targets and the guard rails.</summary>
internal sealed record PreparedBeef(
    BeefAnimal Animal,
    BeefGrowthPhase Phase,
    IBeefRequirementModel Model,
    double TolerancePercent,
    IReadOnlyDictionary<string, RequirementTarget> Requirements,
    BeefDefaults.PhaseDefaults Limits,
    BeefEnvironmentUsed Environment);

/// <summary>Validates <see cref="FormulationRequest.Beef"/> field by field (paths <c>beef.animal.bodyWeightKg</c> …).</summary>
internal static class BeefPreparation
{
    public static PreparedBeef? Prepare(FormulationRequest request, Validation v)
    {
        var beef = request.Beef!;
        var before = v.FieldErrors.Count;
        if (request.Animal is not null)
        {
            v.Add("beef", "give animal (the NASEM dairy model) or beef (beef and Hanwoo), not both.");
        }

        var resolved = BeefAnimals.Resolve(beef, v);
        var a = beef.Animal;

        var tolerance = request.DryMatterIntakeTolerancePercent ?? 5;
        v.RequireRange(tolerance, "dryMatterIntakeTolerancePercent", 0, 50);
        // The requirement model: the one asked for (a field error when the Korean standard does not cover the animal), or the
        // animal's default (KFS for the Hanwoo steers, bulls and open heifers it covers, NRC 2000 otherwise).
        var intakeEquation = beef.IntakeEquation ?? DefaultIntakeEquation(a);
        IBeefRequirementModel model = new NrcBeefRequirements(intakeEquation);
        if (resolved is var (candidate, _))
        {
            BeefRequirementModels.ValidateChoice(v, beef.RequirementModel, candidate, "beef.");
            if ((beef.RequirementModel ?? BeefRequirementModels.DefaultFor(candidate)) == BeefRequirementModel.KoreanFeedingStandard)
            {
                model = new KfsBeefRequirements(japaneseIntake: beef.IntakeEquation == BeefIntakeEquation.JapaneseStandard);
            }
        }

        if (beef.IntakeEquation is BeefIntakeEquation.NrcGrowing or BeefIntakeEquation.NrcBeefCow && model is KfsBeefRequirements)
        {
            v.Add("beef.intakeEquation", "the Korean Feeding Standard formulates at its own expected intake (koreanStandard) or at the Japanese Feeding Standard's (japaneseStandard): leave intakeEquation out, choose one of those, or choose requirementModel nrc2000.");
        }

        var requirements = RequestPreparation.RequirementTargets(request.Requirements, [.. model.Rows.Select(r => r.Nutrient)], $"the {model.Name} model", v);

        var rails = beef.GuardRails ?? new BeefGuardRails();
        const string r = "beef.guardRails.";
        v.RequireRange(rails.MinRoughagePercentOfDm, r + "minRoughagePercentOfDm", 0, 100, required: false)
         .RequireRange(rails.MinForageNdfPercentOfDm, r + "minForageNdfPercentOfDm", 0, 100, required: false)
         .RequireRange(rails.MaxStarchPercentOfDm, r + "maxStarchPercentOfDm", 0, 100, required: false)
         .RequireRange(rails.MaxFatPercentOfDm, r + "maxFatPercentOfDm", 0, 100, required: false)
         .RequireRange(rails.MaxUreaPercentOfDm, r + "maxUreaPercentOfDm", 0, 10, required: false)
         .RequireRange(rails.MinCalciumToPhosphorus, r + "minCalciumToPhosphorus", 0, 20, required: false)
         .RequireRange(rails.MaxCalciumToPhosphorus, r + "maxCalciumToPhosphorus", 0, 20, required: false)
         .RequireRange(rails.MinDegradableProteinBalanceGramsPerDay, r + "minDegradableProteinBalanceGramsPerDay", -5000, 5000, required: false);
        if (rails is { MinCalciumToPhosphorus: { } low, MaxCalciumToPhosphorus: { } high } && low > high)
        {
            v.Add(r + "minCalciumToPhosphorus", $"({low}) must not exceed maxCalciumToPhosphorus ({high}).");
        }

        if (v.FieldErrors.Count > before || resolved is not var (animal, phase))
        {
            return null;
        }

        var defaults = BeefDefaults.For(phase);

        var limits = new BeefDefaults.PhaseDefaults(animal.TargetGainKgPerDay,
            rails.MinRoughagePercentOfDm ?? defaults.MinRoughagePercentOfDm,
            rails.MinForageNdfPercentOfDm ?? defaults.MinForageNdfPercentOfDm,
            rails.MaxStarchPercentOfDm ?? defaults.MaxStarchPercentOfDm,
            rails.MaxFatPercentOfDm ?? defaults.MaxFatPercentOfDm,
            rails.MaxUreaPercentOfDm ?? defaults.MaxUreaPercentOfDm,
            rails.MinCalciumToPhosphorus ?? defaults.MinCalciumToPhosphorus,
            rails.MaxCalciumToPhosphorus ?? defaults.MaxCalciumToPhosphorus,
            rails.MinDegradableProteinBalanceGramsPerDay ?? defaults.MinDegradableProteinBalanceGramsPerDay);
        return new PreparedBeef(animal, phase, model, tolerance, requirements, limits, BeefAnimalDescriptions.DescribeEnvironment(beef.Environment));
    }

    /// <summary>Pregnant and lactating cows: the NRC (2000) Ch. 7 beef-cow equation, whatever the breed. The Japanese Feeding
    /// Standard (2008) cow equation the beef model uses for Hanwoo by default is the intake that meets maintenance and gain at
    /// a typical metabolizability (ME requirement ÷ diet ME): it leaves out the conceptus, so a cow in late gestation would be
    /// formulated at about 1 % of body weight. Otherwise the beef model's own choice.</summary>
    internal static BeefIntakeEquation DefaultIntakeEquation(BeefAnimalDescription? a) =>
        a is { Sex: BeefSex.Cow or BeefSex.Heifer } && (a.DaysPregnant is > 0 || a.DaysInMilk is > 0) ? BeefIntakeEquation.NrcBeefCow : BeefIntakeEquation.Automatic;
}

/// <summary>The beef animal of a request: the description validated and mapped, the phase chosen, its default gain applied.</summary>
public static class BeefAnimals
{
    /// <summary>The model's animal and its phase, or every problem of the description (fields named <c>beef.animal.…</c>).</summary>
    public static (BeefAnimal? Animal, BeefGrowthPhase Phase, IReadOnlyList<FieldError> Errors) Resolve(BeefFormulationDescription beef)
    {
        ArgumentNullException.ThrowIfNull(beef);
        var v = new Validation();
        var resolved = Resolve(beef, v);
        return v.IsValid && resolved is var (animal, phase) ? (animal, phase, []) : (null, default, v.FieldErrors);
    }

    internal static (BeefAnimal Animal, BeefGrowthPhase Phase)? Resolve(BeefFormulationDescription beef, Validation v)
    {
        var before = v.FieldErrors.Count;
        BeefAnimalDescriptions.Validate(v, beef.Animal, beef.Environment, "beef.");
        var a = beef.Animal;
        var cowLike = a is not null && (a.Sex == BeefSex.Cow || (a.Sex == BeefSex.Heifer && (a.DaysPregnant is > 0 || a.DaysInMilk is > 0)));
        var noTarget = a is not null && a.TargetGainKgPerDay is null && a.TargetLiveGainKgPerDay is null;
        if (noTarget && beef.Phase is null && !cowLike)
        {
            v.Add("beef.animal.targetGainKgPerDay",
                "is required for growing cattle (kg/d, shrunk; or targetLiveGainKgPerDay, live), or give beef.phase for its default gain.");
        }

        if (a?.Sex is BeefSex.Bull or BeefSex.Steer && beef.Phase == BeefGrowthPhase.Breeding)
        {
            v.Add("beef.phase", $"breeding is the phase of cows and heifers, not of a {a.Sex.ToString()!.ToLowerInvariant()}: use calf, growing, earlyFattening or lateFattening.");
        }

        if (v.FieldErrors.Count > before || a is null)
        {
            return null;
        }

        // The phase's default gain stands in for a target gain left out, shrunk or live (cows: 0, the book's maintenance and reserves).
        var animal = BeefAnimalDescriptions.ToAnimal(a, beef.Environment);
        var phase = beef.Phase ?? BeefDefaults.PhaseOf(animal);
        if (noTarget)
        {
            animal = animal with { TargetGainKgPerDay = cowLike ? 0 : BeefDefaults.For(phase).TargetGainKgPerDay };
        }

        return (animal, phase);
    }
}

/// <summary>Sets one beef guard rail (the one-click fix of an infeasibility explanation).</summary>
internal static class BeefRelaxations
{
    public static BeefFormulationDescription Apply(BeefFormulationDescription beef, string rail, double value)
    {
        var rails = beef.GuardRails ?? new BeefGuardRails();
        rails = rail switch
        {
            "minRoughagePercentOfDm" => rails with { MinRoughagePercentOfDm = value },
            "minForageNdfPercentOfDm" => rails with { MinForageNdfPercentOfDm = value },
            "maxStarchPercentOfDm" => rails with { MaxStarchPercentOfDm = value },
            "maxFatPercentOfDm" => rails with { MaxFatPercentOfDm = value },
            "maxUreaPercentOfDm" => rails with { MaxUreaPercentOfDm = value },
            "minCalciumToPhosphorus" => rails with { MinCalciumToPhosphorus = value },
            "maxCalciumToPhosphorus" => rails with { MaxCalciumToPhosphorus = value },
            "minDegradableProteinBalanceGramsPerDay" => rails with { MinDegradableProteinBalanceGramsPerDay = value },
            _ => throw new ArgumentException($"No beef guard rail '{rail}' to relax.", nameof(rail)),
        };
        return beef with { GuardRails = rails };
    }
}
