namespace Cnucnm.Nutrition.Dairy;

/// <summary>Intake and diet concentrations (NASEM 2021 Ch. 2, 19).</summary>
public sealed record IntakeSection(
    double DryMatterKgPerDay,
    double AsFedKgPerDay,
    double DryMatterPercentOfBodyWeight,
    double DietDryMatterPercentAsFed,
    double CrudeProteinPercentOfDm,
    double NdfPercentOfDm,
    double ForageNdfPercentOfDm,
    double StarchPercentOfDm,
    double FattyAcidsPercentOfDm);

/// <summary>Body weights and the composition of gain (NASEM 2021 Ch. 3, 10, 11).</summary>
public sealed record BodySection(
    double MetabolicBodyWeightKg075,
    double EmptyBodyWeightKg,
    double GutFillKg,
    double GravidUterusKg,
    double FetusKg,
    double FrameGainEmptyKgPerDay,
    double ReserveGainEmptyKgPerDay,
    double RetainedEnergyMcalPerDay);

/// <summary>Energy supply and use, Mcal/d unless the name says otherwise (NASEM 2021 Ch. 3).</summary>
public sealed record EnergySection(
    double GrossEnergyIntakeMcal,
    double DigestibleEnergyIntakeMcal,
    double MetabolizableEnergyIntakeMcal,
    double NetEnergyLactationIntakeMcal,
    double DietMetabolizableEnergyMcalPerKgDm,
    double DietNetEnergyLactationMcalPerKgDm,
    double NdfDigestibilityPercent,
    double StarchDigestibilityPercent,
    double MaintenanceNetEnergyMcal,
    double ActivityNetEnergyMcal,
    double MaintenanceMetabolizableEnergyMcal,
    double LactationMetabolizableEnergyMcal,
    double GestationMetabolizableEnergyMcal,
    double FrameGainMetabolizableEnergyMcal,
    double ReserveGainMetabolizableEnergyMcal,
    double RequiredMetabolizableEnergyMcal,
    double RequiredNetEnergyLactationMcal,
    double MetabolizableEnergyBalanceMcal);

/// <summary>Protein supply and use at target efficiencies (NASEM 2021 Ch. 6).</summary>
public sealed record ProteinSection(
    double CrudeProteinIntakeKg,
    double RumenDegradableProteinKg,
    double RumenUndegradableProteinKg,
    double MicrobialNitrogenGrams,
    double MicrobialCrudeProteinGrams,
    double DigestedMicrobialTrueProteinGrams,
    double DigestedRumenUndegradableProteinKg,
    double DuodenalEndogenousCrudeProteinGrams,
    double MetabolizableProteinSupplyGrams,
    double MaintenanceMetabolizableProteinGrams,
    double GestationMetabolizableProteinGrams,
    double LactationMetabolizableProteinGrams,
    double GainMetabolizableProteinGrams,
    double RequiredMetabolizableProteinGrams,
    double MetabolizableProteinBalanceGrams);

/// <summary>One essential amino acid, g/d: absorbed, target absorbed (none for Arg) and dietary (NASEM 2021 Ch. 6).</summary>
public sealed record AminoAcidLine(AminoAcid AminoAcid, double AbsorbedGrams, double? TargetAbsorbedGrams, double DietaryGrams)
{
    public double? BalanceGrams => TargetAbsorbedGrams is { } target ? AbsorbedGrams - target : null;
}

/// <summary>Milk: target output and allowable production (NASEM 2021 Ch. 3, 6).</summary>
public sealed record MilkSection(
    double TargetMilkKgPerDay,
    double MilkNetEnergyMcalPerKg,
    double TargetMilkTrueProteinGrams,
    AllowableProduction Allowable);
