namespace Cnucnm.Nutrition.ModelEvaluation;

/// <summary>What a model predicted for one case, beside what was measured. Gains and milk are allowable at the
/// measured intake; predicted DMI comes from the class's intake equation. Null: not measured or not defined.</summary>
/// <param name="PredictedDryMatterIntakeKg">DMI from the intake equation, kg DM/d.</param>
/// <param name="IntakeEquation">The intake equation that predicted DMI.</param>
/// <param name="ObservedGainKgPerDay">Measured ADG, kg/d; null for cows whose ADG was recorded as 0 (not measured).</param>
/// <param name="EnergyAllowableGainKgPerDay">ME- (NASEM: NE-) allowable gain at the measured intake, kg/d.</param>
/// <param name="ProteinAllowableGainKgPerDay">MP-allowable gain at the measured intake, kg/d.</param>
/// <param name="ObservedMilkKgPerDay">Measured milk, kg/d; null when not lactating.</param>
/// <param name="EnergyAllowableMilkKgPerDay">NE-allowable milk at the measured intake, kg/d.</param>
/// <param name="ProteinAllowableMilkKgPerDay">MP-allowable milk at the measured intake, kg/d.</param>
public sealed record CasePrediction(
    int Number,
    AnimalClass Class,
    double ObservedDryMatterIntakeKg,
    double PredictedDryMatterIntakeKg,
    string IntakeEquation,
    double? ObservedGainKgPerDay,
    double EnergyAllowableGainKgPerDay,
    double ProteinAllowableGainKgPerDay,
    double? ObservedMilkKgPerDay,
    double? EnergyAllowableMilkKgPerDay,
    double? ProteinAllowableMilkKgPerDay);

/// <summary>A case the models could not evaluate, and why.</summary>
public sealed record SkippedCase(int Number, string Reason);
