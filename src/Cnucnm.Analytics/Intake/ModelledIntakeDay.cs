namespace Cnucnm.Analytics.Intake;

/// <summary>One day of a group: the nutrition model's predicted dry matter intake and the intake the feed records
/// observed, both kg DM per head per day.</summary>
public sealed record ModelledIntakeDay(DateOnly Date, double ModelDryMatterKgPerHeadPerDay, double ObservedDryMatterKgPerHeadPerDay);
