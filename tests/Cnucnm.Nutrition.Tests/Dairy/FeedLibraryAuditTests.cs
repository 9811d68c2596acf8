using Cnucnm.Formulation.Beef;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;
using Cnucnm.Nutrition.ModelEvaluation;
using Cnucnm.Nutrition.Tests.ModelEvaluation;

namespace Cnucnm.Nutrition.Tests.Dairy;

/// <summary>The library audit of issue 25: every feed alone through the NASEM model, contributions finite and plausible
/// (<see cref="FeedLibraryAudit"/>); the table is in docs/feeds.md ("Library audit").</summary>
public sealed class FeedLibraryAuditTests
{
    /// <summary>Feeds whose tabular DE contradicts the library's own composition, with why; the audit must still flag them.</summary>
    private static readonly Dictionary<string, string> TabularDeContradictions = new(StringComparer.Ordinal)
    {
        // Fd_DE_Base 2.67 Mcal/kg with 15 % starch, 25 % NDF and 2.9 % lignin; the 14CP grower (18 % NDF, no starch) is
        // tabulated at 3.61. The composition gives 3.34 with or without the completeness policy (its only blanks are NPN and AA).
        ["nasem:Calf grower 16CP (Fed to calves only)"] = "tabular DE inconsistent with composition",
    };

    /// <summary>Korean evaluation feeds the audit flags for reasons other than blank cells (docs/feeds.md, "Library audit").</summary>
    private static readonly Dictionary<string, string> KoreanKnown = new(StringComparer.Ordinal)
    {
        // Tabular TDN 66 and 68 are NRC (2001) values; NASEM's own blood meal and fish meal are 3.7–4.5 and 3.6 Mcal DE/kg.
        // The Korean categories (By-Product Feed, Protein Concentrate) are not mapped to NASEM "Animal Protein", so the
        // plant-feed DE equation applies: a category mapping for a later issue.
        ["kr:7"] = "blood meal: NRC 2001 TDN; not in the Animal Protein category",
        ["kr:247"] = "fish meal: NRC 2001 TDN; not in the Animal Protein category",
        // Methionine hydroxy analogue (CP 100 % as N equivalent) filed as "Commercial Feed", not as an additive: DE/GE 0.96.
        ["kr:17"] = "HMTBa filed as a commercial feed",
    };

    private static readonly Lazy<IReadOnlyList<FeedAuditLine>> Nasem = new(() => FeedLibraryAudit.Run(FeedLibrary.Nasem.Feeds, FeedLibraryAudit.BuiltInTabularDe));

    [Fact]
    public void Every_NASEM_library_feed_alone_gives_finite_plausible_contributions()
    {
        var lines = Nasem.Value;

        Assert.Equal(284, lines.Count);
        var failing = lines.Where(l => l.Problems.Count > 0 && !TabularDeContradictions.ContainsKey(l.Feed.Id))
            .Select(l => $"{l.Feed.Id}: {string.Join("; ", l.Problems)}").ToList();
        Assert.True(failing.Count == 0, string.Join("\n", failing));
        Assert.All(TabularDeContradictions.Keys, id => Assert.Equal(["base DE"], lines.Single(l => l.Feed.Id == id).Problems.Select(p => p[..7])));
    }

    [Fact]
    public void Korean_library_feeds_of_the_evaluation_diets_give_finite_plausible_contributions()
    {
        var cases = ValidationCaseReader.Read(
            File.ReadAllText(Path.Combine(ValidationRunTests.DataFolder, ValidationCaseReader.AnimalFileName)),
            File.ReadAllText(Path.Combine(ValidationRunTests.DataFolder, ValidationCaseReader.DietFileName)));
        var feeds = cases.SelectMany(c => c.Diet).Select(d => d.FeedId).Distinct().Order()
            .Select(id => ValidationFeeds.Find(id).Feed).OfType<Feed>().ToList();

        var lines = FeedLibraryAudit.Run(feeds, FeedLibraryAudit.BuiltInTabularDe);

        Assert.True(lines.Count >= 20, $"only {lines.Count} feeds");
        var failing = lines.Where(l => l.Problems.Count > 0 && !KoreanKnown.ContainsKey(l.Feed.Id))
            .Select(l => $"{l.Feed.Id} {l.Feed.Name}: {string.Join("; ", l.Problems)}").ToList();
        Assert.True(failing.Count == 0, string.Join("\n", failing));
        Assert.All(KoreanKnown.Keys, id => Assert.NotEmpty(lines.Single(l => l.Feed.Id == id).Problems));
    }

    [Fact]
    public void Korean_default_candidate_feeds_of_beef_groups_give_finite_plausible_contributions()
    {
        // The feeds every new beef or Hanwoo group is offered (KoreanBeefFeeds, issue 18), from the Korean library.
        var feeds = KoreanBeefFeeds.All.Select(c => FeedLibrary.Korean.Get(c.LibraryId)).ToList();

        var lines = FeedLibraryAudit.Run(feeds, FeedLibraryAudit.BuiltInTabularDe);

        Assert.Equal(KoreanBeefFeeds.All.Count, lines.Count);
        var failing = lines.Where(l => l.Problems.Count > 0).Select(l => $"{l.Feed.Id} {l.Feed.Name}: {string.Join("; ", l.Problems)}").ToList();
        Assert.True(failing.Count == 0, string.Join("\n", failing));
    }

    [Theory]
    [InlineData("Oat silage, mid-maturity")]
    [InlineData("Sorghum-sudangrass silage")]
    public void Silages_with_a_blank_NPN_are_listed_as_imputed_and_keep_their_RUP(string name)
    {
        var line = Nasem.Value.Single(l => l.Feed.Name == name);

        var npn = Assert.Single(line.Reported, g => g.Column == FeedNutrient.Fd_NPN_CP);
        Assert.Equal(GapTreatment.Imputed, npn.Treatment);
        Assert.True(line.RupPercentCp > 30, $"RUP {line.RupPercentCp:F1} % of CP");
    }

    [Fact]
    public void Implausible_energy_fails_the_audit()
    {
        var oat = FeedLibrary.Nasem.Get("Oat silage, mid-maturity");
        var mostlyAsh = oat.With(new Dictionary<FeedNutrient, double> { [FeedNutrient.Fd_Ash] = 80, [FeedNutrient.Fd_NDF] = 10, [FeedNutrient.Fd_ADF] = 6 }, id: "test:oat-ash");

        var tabularOff = Assert.Single(FeedLibraryAudit.Run([oat], _ => 3.5));
        var ashy = Assert.Single(FeedLibraryAudit.Run([mostlyAsh], _ => null));

        Assert.Contains(tabularOff.Problems, p => p.StartsWith("base DE", StringComparison.Ordinal));
        Assert.Contains(ashy.Problems, p => p.StartsWith("DE/GE", StringComparison.Ordinal));
    }
}
