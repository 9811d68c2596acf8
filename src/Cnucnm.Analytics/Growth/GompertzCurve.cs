namespace Cnucnm.Analytics.Growth;

/// <summary>
/// Gompertz growth curve BW(t) = A·exp(−b·exp(−k·t)), body weight in kg at age t days
/// (Gompertz 1825, Phil. Trans. R. Soc. Lond. 115:513; in the growth form listed by Fitzhugh 1976, J. Anim. Sci. 42:1036,
/// Table 1). <paramref name="MatureWeightKg"/> is the asymptote A, <paramref name="B"/> fixes the weight at birth
/// (BW(0) = A·e^(−b)) and <paramref name="RatePerDay"/> is the maturing rate k, 1/d.
/// </summary>
public sealed record GompertzCurve(double MatureWeightKg, double B, double RatePerDay)
{
    /// <summary>BW(t) = A·exp(−b·exp(−k·t)), kg.</summary>
    public double BodyWeightKg(double ageDays) => MatureWeightKg * Math.Exp(-B * Math.Exp(-RatePerDay * ageDays));

    /// <summary>dBW/dt = k·b·exp(−k·t)·BW(t), the average daily gain on the curve, kg/d.</summary>
    public double GainKgPerDay(double ageDays) => RatePerDay * B * Math.Exp(-RatePerDay * ageDays) * BodyWeightKg(ageDays);

    /// <summary>Age of fastest gain, where d²BW/dt² = 0: t = ln(b)/k, at BW = A/e (Fitzhugh 1976, Table 1).</summary>
    public double InflectionAgeDays => Math.Log(B) / RatePerDay;

    /// <summary>Age at which the curve reaches <paramref name="targetWeightKg"/>, solving BW(t) = W for t:
    /// t = −ln(−ln(W/A)/b)/k. Null when the target is at or above the mature weight A (never reached).</summary>
    public double? AgeAtWeightDays(double targetWeightKg)
    {
        if (!(targetWeightKg > 0) || targetWeightKg >= MatureWeightKg)
        {
            return null;
        }

        return -Math.Log(-Math.Log(targetWeightKg / MatureWeightKg) / B) / RatePerDay;
    }

    /// <summary>Days from <paramref name="ageDays"/> until the curve reaches <paramref name="targetWeightKg"/>
    /// (0 when already past it); null when the target is never reached.</summary>
    public double? DaysToWeight(double ageDays, double targetWeightKg) =>
        AgeAtWeightDays(targetWeightKg) is { } age ? Math.Max(0, age - ageDays) : null;
}
