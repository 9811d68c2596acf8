namespace Cnucnm.Analytics.Growth;

/// <summary>What a breed and sex grows to: the Gompertz mature weight published for the class, and the range a fitted
/// mature weight may take before it is implausible.</summary>
/// <param name="MatureWeightKg">Reference asymptote A, kg (the mean of the published fits).</param>
/// <param name="MinimumKg">Lowest plausible A: 0.8 × the lowest published fit (herds and feeding levels differ: Kim et al. 2002
/// put a 10 % difference between two bull fits down to feeding level).</param>
/// <param name="MaximumKg">Highest plausible A: 1.25 × the highest published fit.</param>
/// <param name="Source">The published fits.</param>
/// <param name="ClassKorean">The class in Korean.</param>
public sealed record GrowthReference(string Class, string ClassKorean, double MatureWeightKg, double MinimumKg, double MaximumKg, string Source)
{
    private static GrowthReference FromPublished(string @class, string classKorean, string source, params double[] asymptotes) =>
        new(@class, classKorean, asymptotes.Average(), 0.8 * asymptotes.Min(), 1.25 * asymptotes.Max(), source);

    /// <summary>Hanwoo classes with published Gompertz fits of body weight on age (kg, days):
    /// steers A = 823.1 kg (Kim et al. 2002, J. Anim. Sci. Technol. (Kor.) 44:523, 60 steers of the Korean Native Cattle Improvement
    /// Center) and 919.0 kg (Park et al. 2020, Indian J. Anim. Res. 54:259, 2,239 steers, 6–24 months);
    /// bulls 906.1 kg (Kim et al. 2002) and 823.3 kg (Cho et al. 2006, J. Anim. Sci. Technol. (Kor.) 48:151, 14,744 bulls);
    /// cows 370.2 kg (Lee et al. 2003, J. Anim. Sci. Technol. (Kor.) 45:517, 1,083 cows) and 423.6 kg (Cho et al. 2006, 27,647 cows).</summary>
    private static readonly Dictionary<(string Breed, string Sex), GrowthReference> Published = new()
    {
        [("hanwoo", "steer")] = FromPublished("Hanwoo steers", "한우 거세우", "Kim et al. 2002; Park et al. 2020", 823.1, 919.0),
        [("hanwoo", "male")] = FromPublished("Hanwoo bulls", "한우 수소", "Kim et al. 2002; Cho et al. 2006", 906.1, 823.3),
        [("hanwoo", "female")] = FromPublished("Hanwoo cows", "한우 암소", "Lee et al. 2003; Cho et al. 2006", 370.2, 423.6),
    };

    /// <summary>The reference of a breed id (registry ids: hanwoo, holstein …) and sex (female, male, steer); null when no
    /// published growth curve of that class is on file.</summary>
    public static GrowthReference? For(string breedId, string sex) =>
        Published.GetValueOrDefault((breedId.ToLowerInvariant(), sex.ToLowerInvariant()));
}

/// <summary>What a growth fit can be trusted for (issue 23).</summary>
/// <param name="Converged">Levenberg–Marquardt converged.</param>
/// <param name="Identifiable">The weighings determine the mature weight: its standard error is at most 25 % of it. Weighings that
/// stop long before the inflection leave A almost free (a 2-t steer fits young weights as well as a 900-kg one).</param>
/// <param name="Plausible">The free fit's mature weight lies within the class's <see cref="GrowthReference"/> range; null when
/// there is no reference for the breed and sex.</param>
/// <param name="MatureWeightFromReference">The free fit was not identifiable or not plausible, so the curve shown is fitted with
/// A fixed at the reference mature weight (b and k from the weighings).</param>
/// <param name="FreeMatureWeightKg">The mature weight of the unconstrained fit, kg.</param>
/// <param name="Warning">What to tell the user, English; null when the fit is fine.</param>
/// <param name="WarningKorean">The same in Korean.</param>
public sealed record GrowthFitVerdict(bool Converged, bool Identifiable, bool? Plausible, bool MatureWeightFromReference, double FreeMatureWeightKg,
    string? Warning, string? WarningKorean);
