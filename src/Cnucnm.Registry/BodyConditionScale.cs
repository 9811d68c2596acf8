namespace Cnucnm.Registry;

/// <summary>The body condition scales in use: dairy breeds 1–5, beef breeds 1–9.</summary>
public enum BodyConditionScale
{
    Dairy5 = 0,
    Beef9 = 1,
}

/// <summary>
/// Conversion between the two scales, CS9 = 2 × CS5 − 1 (NRC 2001 Nutrient Requirements of Dairy Cattle, Ch. 2,
/// body reserves: dairy scores are converted to the 9-point beef scale of Fox et al. (1999) by ((CS5 − 1) × 2) + 1;
/// the original CNUCNM R-v3 model uses the same relation, BCS_dairy = (BCS_beef + 1) / 2).
/// </summary>
public static class BodyCondition
{
    public static double Minimum(BodyConditionScale scale) => 1;

    public static double Maximum(BodyConditionScale scale) => scale == BodyConditionScale.Dairy5 ? 5 : 9;

    public static double Beef9FromDairy5(double dairyScore) => 2 * dairyScore - 1;

    public static double Dairy5FromBeef9(double beefScore) => (beefScore + 1) / 2;

    /// <summary>A score on <paramref name="from"/> expressed on <paramref name="to"/>.</summary>
    public static double Convert(double score, BodyConditionScale from, BodyConditionScale to) => (from, to) switch
    {
        (BodyConditionScale.Dairy5, BodyConditionScale.Beef9) => Beef9FromDairy5(score),
        (BodyConditionScale.Beef9, BodyConditionScale.Dairy5) => Dairy5FromBeef9(score),
        _ => score,
    };
}
