using Cnucnm.Nutrition.Beef;

namespace Cnucnm.Formulation.Beef;

/// <summary>The stage of a beef or Hanwoo animal's life a ration is formulated for. For growing cattle it sets the
/// default target gain (when <see cref="BeefAnimalDescription.TargetGainKgPerDay"/> is left out) and the default guard rails.</summary>
public enum BeefGrowthPhase
{
    /// <summary>Weaned calves to about 6 months.</summary>
    Calf,

    /// <summary>Growing (육성기), about 6–12 months.</summary>
    Growing,

    /// <summary>Early fattening (비육전기), about 13–22 months for Hanwoo steers.</summary>
    EarlyFattening,

    /// <summary>Late fattening (비육후기), about 23–30 months for Hanwoo steers.</summary>
    LateFattening,

    /// <summary>Breeding cows and heifers (번식우): gestation, lactation, maintenance.</summary>
    Breeding,
}

/// <summary>
/// Beef animal mode: the animal (or a group's mean animal) and how to formulate for it. Requirements come from the
/// chosen requirement model, intake from that model's equation (the ration is formulated at the predicted DMI ±
/// <see cref="FormulationRequest.DryMatterIntakeTolerancePercent"/>), beside the beef guard rails.
/// </summary>
/// <param name="Animal">The animal: breed, sex, full body weight, age; a target (shrunk) gain or <paramref name="Phase"/>.</param>
/// <param name="Environment">Climate and coat (defaults: 15 °C now, 20 °C the previous month (no acclimatization), 50 % RH, 5 km/h wind; a
/// province with a month takes the KMA normals, <see cref="BeefAnimalDescriptions.DescribeEnvironment"/>).</param>
/// <param name="Phase">The growth phase: the default target gain and guard rails of growing cattle.</param>
/// <param name="RequirementModel">koreanFeedingStandard or nrc2000; when left out, the Korean Feeding Standard for the Hanwoo
/// steers, bulls and open heifers it covers, NRC (2000) for every other animal (<see cref="BeefRequirementModels.DefaultFor(BeefAnimal)"/>).</param>
/// <param name="IntakeEquation">automatic (default), nrcGrowing, nrcBeefCow or japaneseStandard (NRC 2000 requirement model).</param>
/// <param name="GuardRails">Beef guard rails; each left out takes the phase's default.</param>
public sealed record BeefFormulationDescription(
    BeefAnimalDescription? Animal,
    BeefEnvironmentDescription? Environment = null,
    BeefGrowthPhase? Phase = null,
    BeefRequirementModel? RequirementModel = null,
    BeefIntakeEquation? IntakeEquation = null,
    BeefGuardRails? GuardRails = null);

/// <summary>Beef guard rails beside the requirements; diet concentrations are % of diet DM.</summary>
/// <param name="MinRoughagePercentOfDm">Roughage (forage DM, including the forage share of mixed feeds) minimum.</param>
/// <param name="MinForageNdfPercentOfDm">Forage NDF minimum, the stand-in for physically effective NDF.</param>
/// <param name="MaxStarchPercentOfDm">Starch maximum.</param>
/// <param name="MaxFatPercentOfDm">Ether extract (crude fat) maximum.</param>
/// <param name="MaxUreaPercentOfDm">Urea and other feeds whose protein is all non-protein N, maximum.</param>
/// <param name="MinCalciumToPhosphorus">Dietary Ca:P minimum (g Ca per g P).</param>
/// <param name="MaxCalciumToPhosphorus">Dietary Ca:P maximum.</param>
/// <param name="MinDegradableProteinBalanceGramsPerDay">Degradable protein less microbial CP from TDN (NRC 2000 Level 1 RDP balance), g/d, minimum.</param>
public sealed record BeefGuardRails(
    double? MinRoughagePercentOfDm = null,
    double? MinForageNdfPercentOfDm = null,
    double? MaxStarchPercentOfDm = null,
    double? MaxFatPercentOfDm = null,
    double? MaxUreaPercentOfDm = null,
    double? MinCalciumToPhosphorus = null,
    double? MaxCalciumToPhosphorus = null,
    double? MinDegradableProteinBalanceGramsPerDay = null);
