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
/// <param name="Kfs">Hanwoo steers: the same case under the Korean Feeding Standard; null for other classes or outside its range.</param>
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
    double? ProteinAllowableMilkKgPerDay,
    KfsPrediction? Kfs = null);

/// <summary>A Hanwoo case under the Korean Feeding Standard (gains live, kg/d), with the NRC 2000 answers on the same live basis.</summary>
/// <param name="BodyWeightKg">Live weight of the case, kg.</param>
/// <param name="PredictedDryMatterIntakeKg">DMI the KFS model expects at the measured gain (KFS ME ÷ 4.4 q, <see cref="Beef.Hanwoo.KfsEquations.ExpectedDryMatterIntakeKg"/>), kg DM/d.</param>
/// <param name="EnergyAllowableGainKgPerDay">Live gain at which the KFS ME requirement equals the ME supply at the measured intake.</param>
/// <param name="ProteinAllowableGainKgPerDay">Live gain at which the KFS CP requirement equals the CP supply at the measured intake.</param>
/// <param name="NrcEnergyAllowableLiveGainKgPerDay">The NRC 2000 ME-allowable shrunk gain as live gain (÷ 0.96).</param>
/// <param name="NrcProteinAllowableLiveGainKgPerDay">The NRC 2000 MP-allowable shrunk gain as live gain (÷ 0.96).</param>
public sealed record KfsPrediction(
    double BodyWeightKg,
    double PredictedDryMatterIntakeKg,
    double EnergyAllowableGainKgPerDay,
    double ProteinAllowableGainKgPerDay,
    double NrcEnergyAllowableLiveGainKgPerDay,
    double NrcProteinAllowableLiveGainKgPerDay);

/// <summary>A case the models could not evaluate, and why.</summary>
public sealed record SkippedCase(int Number, string Reason);
