using System.Globalization;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.Dairy;

/// <summary>One feed fed alone through the NASEM model, per kg DM, beside its tabular values, with the plausibility problems found.</summary>
/// <param name="GrossEnergyMcalPerKg">GE, Mcal/kg DM (Dt_GEIn / DMI).</param>
/// <param name="DigestibleEnergyMcalPerKg">DE the animal gets from the feed, Mcal/kg DM (An_DEIn / DMI, digestibilities at this intake).</param>
/// <param name="BaseDigestibleEnergyMcalPerKg">Base DE of the feed, Mcal/kg DM (Dt_DEIn_base / DMI: the quantity the NASEM library tabulates as Fd_DE_Base).</param>
/// <param name="TabularDigestibleEnergyMcalPerKg">The library's DE (NASEM Fd_DE_Base; Korean: tabular TDN × 0.04409, NRC 2001 Ch. 2), null when not given.</param>
/// <param name="CrudeProteinPercentDm">CP, % DM.</param>
/// <param name="RupPercentCp">RUP, % of CP (An_RUPIn / Dt_CPIn), at the model's passage rates and intercept.</param>
/// <param name="MetabolizableProteinGramsPerKg">MP, g/kg DM (An_MPIn_g / DMI; microbial protein included).</param>
/// <param name="Reported">Imputed or unknown columns (<see cref="CompositionCompleteness"/>).</param>
/// <param name="Problems">Checks failed; empty when the feed passes.</param>
public sealed record FeedAuditLine(
    Feed Feed,
    string Animal,
    double GrossEnergyMcalPerKg,
    double DigestibleEnergyMcalPerKg,
    double BaseDigestibleEnergyMcalPerKg,
    double? TabularDigestibleEnergyMcalPerKg,
    double CrudeProteinPercentDm,
    double RupPercentCp,
    double MetabolizableProteinGramsPerKg,
    IReadOnlyList<CompositionGap> Reported,
    IReadOnlyList<string> Problems)
{
    public double DigestibleOverGross => GrossEnergyMcalPerKg > 0 ? DigestibleEnergyMcalPerKg / GrossEnergyMcalPerKg : double.NaN;
}

/// <summary>
/// The library audit of issue 25: every feed fed alone (a lactating cow at 20 kg DM/d; calf feeds to a 60-kg calf at
/// 1 kg DM/d) and its contributions checked: all finite; DE/GE between 0.4 and 0.95 for feeds other than minerals,
/// NPN and additives (liquid calf feeds 0.93–0.97); RUP between 0 and CP,
/// and above 0 for a feed with true protein; MP above 0 for a feed with true protein; base DE within
/// <see cref="DeToleranceMcal"/> of the tabular value where the library gives one.
/// </summary>
public static class FeedLibraryAudit
{
    /// <summary>Largest accepted |model base DE − tabular DE| for NASEM feeds, Mcal/kg DM (≈ 5 TDN units: DE = 0.04409 × TDN,
    /// NRC 2001 Ch. 2): the table and the model are one system (Fd_DE_Base is the model's base DE of the library composition).</summary>
    public const double DeToleranceMcal = 0.25;

    /// <summary>The same for other libraries, whose tabular TDN is another system (NRC 2001 at maintenance intake, CNCPS
    /// fractions): ≈ 23 TDN units, a check against gross errors (a lost energy term) rather than agreement. Fats (FA ≥ 50 %
    /// DM) are left out: NRC 2001 TDN counts digestible fat × 2.25, NASEM DE counts it at 9.4 Mcal/kg (Ch. 3).</summary>
    public const double OtherLibraryDeToleranceMcal = 1.0;

    /// <summary>Mcal DE per % TDN (NRC 2001 Ch. 2: DE, Mcal/kg = 0.04409 × TDN, %).</summary>
    public const double DePerTdnPercent = 0.04409;

    private static readonly DairyAnimal Cow = new(PhysiologicalState.LactatingCow, DairyBreed.Holstein, BodyWeightKg: 650, MatureBodyWeightKg: 700,
        BodyConditionScore: 3, Parity: 2, AgeDays: 1400, DaysInMilk: 100, DaysPregnant: 0, GestationLengthDays: 280, CalfBirthWeightKg: 44,
        TargetMilkKgPerDay: 35, TargetMilkFatPercent: 3.8, TargetMilkTrueProteinPercent: 3.1, TargetMilkLactosePercent: 4.85,
        TargetFrameGainKgPerDay: 0, TargetReserveGainKgPerDay: 0, TargetDryMatterIntakeKg: 20, HerdMilkTrueProtein305Kg: 280,
        AgeStarterOfferedDays: 0, AgeAtFirstConceptionDays: 0, Environment: new DairyEnvironment());

    private static readonly DairyAnimal Calf = new(PhysiologicalState.Calf, DairyBreed.Holstein, BodyWeightKg: 60, MatureBodyWeightKg: 700,
        BodyConditionScore: 3, Parity: 0, AgeDays: 30, DaysInMilk: 0, DaysPregnant: 0, GestationLengthDays: 280, CalfBirthWeightKg: 44,
        TargetMilkKgPerDay: 0, TargetMilkFatPercent: 0, TargetMilkTrueProteinPercent: 0, TargetMilkLactosePercent: 0,
        TargetFrameGainKgPerDay: 0.6, TargetReserveGainKgPerDay: 0, TargetDryMatterIntakeKg: 1, HerdMilkTrueProtein305Kg: 280,
        AgeStarterOfferedDays: 7, AgeAtFirstConceptionDays: 0, Environment: new DairyEnvironment());

    /// <summary>Audits <paramref name="feeds"/>; <paramref name="tabularDe"/> gives a feed's tabular DE, Mcal/kg DM (null: none).</summary>
    public static IReadOnlyList<FeedAuditLine> Run(IEnumerable<Feed> feeds, Func<Feed, double?> tabularDe)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        ArgumentNullException.ThrowIfNull(tabularDe);
        return [.. feeds.Select(f => Audit(f, tabularDe(f)))];
    }

    /// <summary>The tabular DE of the built-in libraries: NASEM Fd_DE_Base, Korean TDN (% DM) × 0.04409.</summary>
    public static Func<Feed, double?> BuiltInTabularDe { get; } = TabularDeOfBuiltInLibraries();

    private static FeedAuditLine Audit(Feed feed, double? tabular)
    {
        var calfFeed = feed.Category == "Calf Liquid Feed" || feed.Name.Contains("calves only", StringComparison.OrdinalIgnoreCase);
        var animal = calfFeed ? Calf : Cow;
        var dmi = animal.TargetDryMatterIntakeKg!.Value;
        var result = DairyModel.Evaluate(new DairyInput(animal, EquationSelection.Default, [new DietEntry(feed, dmi)]));
        var completed = CompositionCompleteness.Complete(feed);
        var f = completed.Feed;
        var ge = result["Dt_GEIn"] / dmi;
        var de = result["An_DEIn"] / dmi;
        var deBase = result["Dt_DEIn_base"] / dmi;
        var cpKg = result["Dt_CPIn"];
        var rupKg = result["An_RUPIn"];
        var mp = result["An_MPIn_g"] / dmi;
        var rupPercentCp = cpKg > 0 ? rupKg / cpKg * 100 : 0;

        var problems = new List<string>();
        foreach (var (name, value) in new[] { ("GE", ge), ("DE", de), ("base DE", deBase), ("CP", cpKg), ("RUP", rupKg), ("MP", mp), ("ME", result["An_MEIn"]) })
        {
            if (!double.IsFinite(value))
            {
                problems.Add($"{name} is not finite");
            }
        }

        // Minerals, NPN and additives carry no digestible organic matter to speak of (NASEM 2021 Table 19-1 gives them DE 0).
        var energyFree = feed.Category is "Vitamin/Mineral" or "Additive" || f[FeedNutrient.Fd_NPN_CP] >= 50;
        var ratio = ge > 0 ? de / ge : double.NaN;
        if (feed.Category == "Calf Liquid Feed")
        {
            // NASEM (2021) Ch. 10: liquid feeds are 95 % digestible; the book's coefficients (0.057 Mcal/g CP against
            // 0.0565 combustion) put DE/GE between 0.94 and 0.97.
            if (ratio is not (>= 0.93 and <= 0.97))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"DE/GE {ratio:0.00} of a liquid feed outside 0.93–0.97"));
            }
        }
        else if (!energyFree && ratio is not (>= 0.4 and <= 0.95))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"DE/GE {ratio:0.00} outside 0.40–0.95"));
        }

        if (rupKg < 0 || rupKg > cpKg + 1e-9)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"RUP {rupKg:0.###} kg/d outside 0–CP ({cpKg:0.###})"));
        }

        // True protein: CP above 0 that is not all NPN. The liquid feeds of calves bypass the rumen (their RUP is not used for calf MP).
        // NPN sources supply no MP by themselves (their negative RUP is the NASEM intercept scaled by CP, Ch. 6); premixes'
        // carriers have no ruminal fractions in the library (Vitamin/Mineral: RUP 0 by the table).
        var trueProtein = f[FeedNutrient.Fd_CP] > 0 && f[FeedNutrient.Fd_NPN_CP] < 50 && feed.Category != "Vitamin/Mineral";
        if (trueProtein && !calfFeed && rupKg <= 0)
        {
            problems.Add("RUP is 0 for a feed with true protein");
        }

        if (trueProtein && !(mp > 0))
        {
            problems.Add("MP is not above 0 for a feed with protein");
        }

        var tolerance = feed.Kind == FeedSource.NasemLibrary ? DeToleranceMcal : OtherLibraryDeToleranceMcal;
        var comparable = feed.Kind == FeedSource.NasemLibrary || f.OrZero(FeedNutrient.Fd_FA) < 50;
        if (tabular is { } t && comparable && !energyFree && Math.Abs(deBase - t) > tolerance)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"base DE {deBase:0.00} Mcal/kg, tabular {t:0.00}"));
        }

        return new FeedAuditLine(feed, calfFeed ? "calf 60 kg, 1 kg DM/d" : "lactating cow 650 kg, 20 kg DM/d", ge, de, deBase, tabular,
            f.OrZero(FeedNutrient.Fd_CP), rupPercentCp, mp, completed.Reported, problems);
    }

    private static Func<Feed, double?> TabularDeOfBuiltInLibraries()
    {
        var table = new Lazy<Dictionary<string, double>>(() =>
        {
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            Read("NASEM_feed_library.csv", "Fd_Name", "Fd_DE_Base", name => $"nasem:{name}", 1);
            Read("KoreanFeedLibrary_convert.csv", "Feed_ID", "TDN (%DM)", id => $"kr:{id}", DePerTdnPercent);
            return values;

            void Read(string file, string idColumn, string valueColumn, Func<string, string> id, double factor)
            {
                var rows = CsvText.Parse(FeedLibrary.ReadResource(file).TrimStart('\uFEFF'));
                var header = rows[0].Select(h => h.Trim()).ToList();
                int idIndex = header.IndexOf(idColumn), valueIndex = header.IndexOf(valueColumn);
                foreach (var row in rows.Skip(1).Where(r => r.Length > Math.Max(idIndex, valueIndex)))
                {
                    // A TDN of 0 in the Korean table is a blank (commercial products without a value), not a feed without energy.
                    if (double.TryParse(row[valueIndex], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && (value > 0 || factor == 1))
                    {
                        values.TryAdd(id(row[idIndex].Trim()), value * factor);
                    }
                }
            }
        });
        return feed => table.Value.TryGetValue(feed.Id, out var de) ? de : null;
    }
}
