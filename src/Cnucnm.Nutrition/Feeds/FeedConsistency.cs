namespace Cnucnm.Nutrition.Feeds;

/// <summary>A composition that cannot be true: <see cref="Part"/> is the value at fault (the one a
/// person would correct), <see cref="Other"/> the value it contradicts (null for sums).</summary>
public sealed record ConsistencyProblem(FeedNutrient Part, FeedNutrient? Other, string Message);

/// <summary>
/// Checks of a feed's composition (DM basis) that hold for every feed: parts of a fibre, protein or
/// fat fraction are not larger than the whole (NDF ≥ ADF ≥ lignin; CP ≥ NDF-insoluble CP ≥
/// ADF-insoluble CP; ether extract ≥ fatty acids), fractions of a whole add up (protein A + B + C =
/// 100 % CP, inorganic + organic P = 100 % P, fatty-acid profile ≤ 100 % FA) and the proximate
/// constituents do not exceed the dry matter. Used for user feeds and lab analyses.
/// </summary>
public static class FeedConsistency
{
    /// <summary>Proximate sums may exceed 100 % of DM by this much (analytical error of each assay).</summary>
    public const double ProximateTolerancePercent = 2;

    /// <summary>Fractions that must add up to 100 may miss it by this much (rounding in reports).</summary>
    public const double FractionSumTolerancePercent = 1;

    private static readonly (FeedNutrient Part, FeedNutrient Whole, string Why)[] PartOfWhole =
    [
        (FeedNutrient.Fd_ADF, FeedNutrient.Fd_NDF, "ADF is part of NDF"),
        (FeedNutrient.Fd_Lg, FeedNutrient.Fd_ADF, "lignin is part of ADF"),
        (FeedNutrient.Fd_Lg, FeedNutrient.Fd_NDF, "lignin is part of NDF"),
        (FeedNutrient.Fd_NDFIP, FeedNutrient.Fd_CP, "NDF-insoluble protein is part of CP"),
        (FeedNutrient.Fd_ADFIP, FeedNutrient.Fd_NDFIP, "ADF-insoluble protein is part of NDF-insoluble protein"),
        (FeedNutrient.Fd_FA, FeedNutrient.Fd_CFat, "fatty acids are part of ether extract"),
    ];

    private static readonly FeedNutrient[] FattyAcidProfile =
    [
        FeedNutrient.Fd_C120_FA, FeedNutrient.Fd_C140_FA, FeedNutrient.Fd_C160_FA, FeedNutrient.Fd_C161_FA, FeedNutrient.Fd_C180_FA,
        FeedNutrient.Fd_C181t_FA, FeedNutrient.Fd_C181c_FA, FeedNutrient.Fd_C182_FA, FeedNutrient.Fd_C183_FA, FeedNutrient.Fd_OtherFA_FA,
    ];

    /// <summary>
    /// Every contradiction in the feed's composition that involves one of the <paramref name="entered"/> values
    /// (all of them when null); empty when it is consistent. Library values contradicting each other (the NASEM
    /// table reports FA above ether extract for some feeds: different analyses) are not the fault of a user or
    /// lab that entered other values, so they are not reported against them.
    /// </summary>
    public static IReadOnlyList<ConsistencyProblem> Check(Feed feed, IReadOnlyCollection<FeedNutrient>? entered = null)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var problems = new List<ConsistencyProblem>();
        bool Involved(params FeedNutrient[] values) => entered is null || values.Any(entered.Contains);
        foreach (var (part, whole, why) in PartOfWhole)
        {
            if (Involved(part, whole) && !double.IsNaN(feed[part]) && !double.IsNaN(feed[whole]) && feed[part] > feed[whole] + 1e-9)
            {
                // Lignin above both ADF and NDF is one mistake: report it once, against ADF.
                if (part == FeedNutrient.Fd_Lg && whole == FeedNutrient.Fd_NDF && problems.Any(p => p.Part == FeedNutrient.Fd_Lg))
                {
                    continue;
                }

                problems.Add(new ConsistencyProblem(part, whole, $"cannot exceed {whole} ({why})."));
            }
        }

        var conc = feed[FeedNutrient.Fd_Conc];
        if (Involved(FeedNutrient.Fd_Conc) && !double.IsNaN(conc) && (conc > 100 || conc < 0))
        {
            problems.Add(new ConsistencyProblem(FeedNutrient.Fd_Conc, null, "must be between 0 and 100 % of the feed."));
        }

        // NASEM (2021) Ch. 6: ruminal protein fractions A, B and C partition CP; a feed without protein
        // (minerals) has no fractions.
        var cp = feed[FeedNutrient.Fd_CP];
        if ((double.IsNaN(cp) || cp > 0) && Involved(FeedNutrient.Fd_CPARU, FeedNutrient.Fd_CPBRU, FeedNutrient.Fd_CPCRU))
        {
            SumTo100(problems, feed, FeedNutrient.Fd_CPBRU, "protein fractions A + B + C", [FeedNutrient.Fd_CPARU, FeedNutrient.Fd_CPBRU, FeedNutrient.Fd_CPCRU]);
        }

        // NASEM (2021) Ch. 7: P is inorganic or organic.
        if (Involved(FeedNutrient.Fd_Pinorg_P, FeedNutrient.Fd_Porg_P))
        {
            SumTo100(problems, feed, FeedNutrient.Fd_Porg_P, "inorganic + organic P", [FeedNutrient.Fd_Pinorg_P, FeedNutrient.Fd_Porg_P]);
        }

        var profile = FattyAcidProfile.Select(n => feed[n]).Where(double.IsFinite).Sum();
        if (Involved(FattyAcidProfile) && profile > 100 + FractionSumTolerancePercent)
        {
            problems.Add(new ConsistencyProblem(FeedNutrient.Fd_OtherFA_FA, null, $"the fatty-acid profile adds up to {profile:F1} % of FA, more than 100 %."));
        }

        // The proximate constituents partition DM: N-free NDF + CP + fat + ash + starch ≤ 100 % (sugars,
        // pectin and organic acids are the rest). Feeds whose CP is mostly NPN carry CP equivalents
        // (urea 281 % CP) and are exempt.
        double V(FeedNutrient n) => feed.OrZero(n);
        var mostlyNpn = V(FeedNutrient.Fd_NPN_CP) >= 50;
        var proximate = V(FeedNutrient.Fd_NDF) - V(FeedNutrient.Fd_NDFIP) + V(FeedNutrient.Fd_CP) + Math.Max(V(FeedNutrient.Fd_CFat), V(FeedNutrient.Fd_FA))
                        + V(FeedNutrient.Fd_Ash) + V(FeedNutrient.Fd_St);
        var proximateParts = new[] { FeedNutrient.Fd_NDF, FeedNutrient.Fd_NDFIP, FeedNutrient.Fd_CP, FeedNutrient.Fd_CFat, FeedNutrient.Fd_FA, FeedNutrient.Fd_Ash, FeedNutrient.Fd_St };
        if (Involved(proximateParts) && !mostlyNpn && proximate > 100 + ProximateTolerancePercent)
        {
            problems.Add(new ConsistencyProblem(FeedNutrient.Fd_DM, null,
                $"NDF (N-free) + CP + fat + ash + starch add up to {proximate:F1} % of DM, more than 100 %."));
        }

        return problems;
    }

    private static void SumTo100(List<ConsistencyProblem> problems, Feed feed, FeedNutrient reportOn, string what, FeedNutrient[] parts)
    {
        // All zero: the fractions are not given (the NASEM library's minerals have no protein fractions).
        var values = parts.Select(n => feed[n]).ToArray();
        if (values.All(double.IsFinite) && values.Sum() > 0 && Math.Abs(values.Sum() - 100) > FractionSumTolerancePercent)
        {
            problems.Add(new ConsistencyProblem(reportOn, null, $"{what} must add up to 100 % (they add up to {values.Sum():F1})."));
        }
    }
}
