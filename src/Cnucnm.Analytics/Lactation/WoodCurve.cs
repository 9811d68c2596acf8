namespace Cnucnm.Analytics.Lactation;

/// <summary>
/// Wood's lactation curve y(t) = a·t^b·e^(−c·t), milk in kg/d at t days in milk
/// (Wood, P. D. P. 1967, "Algebraic model of the lactation curve in cattle", Nature 216:164–165).
/// <paramref name="A"/> scales the yield (kg/d), <paramref name="B"/> shapes the rise to peak and
/// <paramref name="C"/> (1/d) the decline after it.
/// </summary>
public sealed record WoodCurve(double A, double B, double C)
{
    /// <summary>Wood (1967): y(t) = a·t^b·e^(−c·t), kg/d.</summary>
    public double MilkKgPerDay(double daysInMilk) => A * Math.Pow(daysInMilk, B) * Math.Exp(-C * daysInMilk);

    /// <summary>Wood (1967): dy/dt = 0 at t = b/c, the day of peak yield.</summary>
    public double PeakDaysInMilk => B / C;

    /// <summary>Wood (1967): peak yield y(b/c) = a·(b/c)^b·e^(−b), kg/d.</summary>
    public double PeakMilkKgPerDay => A * Math.Pow(B / C, B) * Math.Exp(-B);

    /// <summary>Total milk from day 0 to <paramref name="lastDay"/> (305 for a standard lactation), kg, by adaptive
    /// Gauss–Legendre integration of the curve (MathNet.Numerics).</summary>
    public double TotalMilkKg(double lastDay = 305) =>
        MathNet.Numerics.Integrate.OnClosedInterval(MilkKgPerDay, 0, lastDay, 1e-8);

    /// <summary>Projected daily milk for the <paramref name="days"/> days after <paramref name="fromDaysInMilk"/>.</summary>
    public IReadOnlyList<MilkTest> Project(double fromDaysInMilk, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return Enumerable.Range(1, days).Select(d => new MilkTest(fromDaysInMilk + d, MilkKgPerDay(fromDaysInMilk + d))).ToList();
    }
}
