namespace Cnucnm.Nutrition.Dairy;

/// <summary>Drinking water intake, NASEM (2021) Ch. 9 (Appuhamy et al., 2016), kg/d.</summary>
public static class Water
{
    public static double LactatingCowKg(double dmiKg, double dietDmPercentAsFed, double naPercentOfDm, double kPercentOfDm, double cpPercentOfDm, double temperatureCelsius) =>
        -91.1 + 2.93 * dmiKg + 0.61 * dietDmPercentAsFed + 0.062 * (naPercentOfDm / 0.023 + kPercentOfDm / 0.039) * 10
        + 2.49 * cpPercentOfDm + 0.76 * temperatureCelsius;

    public static double DryCowAndHeiferKg(double dmiKg, double dietDmPercentAsFed, double temperatureCelsius) =>
        1.16 * dmiKg + 0.23 * dietDmPercentAsFed + 0.44 * temperatureCelsius + 0.061 * (temperatureCelsius - 16.4) * (temperatureCelsius - 16.4);
}
