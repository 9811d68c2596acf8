using System.Globalization;
using System.Text;
using Cnucnm.Formulation.Beef;
using Cnucnm.Nutrition.Beef;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Formulation.Tests.Beef;

/// <summary>The reference pen table of docs/formulation.md and the default Korean feeds' values behind it. Run by name:
/// <c>dotnet test tests/Cnucnm.Formulation.Tests --filter Reference_pen_table --logger "console;verbosity=detailed"</c>.</summary>
public sealed class ReferencePenTable
{
    private static ITestOutputHelper? Output => TestContext.Current.TestOutputHelper;

    [Fact]
    public void Reference_pen_table()
    {
        var table = new StringBuilder();
        table.AppendLine("| Pen | Model | Ration, kg DM | DM / predicted | Enforced requirements met | CP % DM | Roughage % DM | Starch % DM | Fat % DM | Ca:P | Cost |");
        table.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, request) in ReferencePens.All)
        {
            var r = RationFormulator.Formulate(request);
            Assert.True(r.Status == FormulationStatus.Optimal, $"{name}: {r.Explanation?.Summary}");
            var animal = r.Animal!;
            var rails = animal.GuardRails.ToDictionary(g => g.Name, g => g.Value);
            string F(double v, string format = "0.0") => v.ToString(format, CultureInfo.InvariantCulture);
            var feeds = string.Join(", ", r.Feeds!.Where(f => f.KgDm >= 0.05).OrderByDescending(f => f.KgDm).Select(f => $"{f.Name} {F(f.KgDm, "0.00")}"));
            var met = string.Join(", ", animal.Check.Where(c => c.Enforced).Select(c => $"{c.Nutrient} {F(c.PercentOfRequirement ?? 0, "0")} %"));
            var cp = r.Feeds!.Sum(f => f.KgDm * Library(request, f.Id).OrZero(FeedNutrient.Fd_CP)) / r.DryMatterIntakeKg!.Value;
            var model = animal.RequirementModel!.StartsWith("Korean", StringComparison.Ordinal) ? "KFS" : "NRC 2000";
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {model} | {feeds} | {F(r.DryMatterIntakeKg!.Value, "0.00")} / {F(animal.PredictedDryMatterIntakeKg, "0.00")} | {met} | " +
                $"{F(cp)} | {F(rails["roughage"])} | {F(rails["starch"])} | {F(rails["fat"])} | {F(rails["Ca:P"], "0.00")} | {F(r.CostPerDay!.Value, "#,0")} |");
            var entering = r.Feeds!.Where(f => f.KgDm < 0.05 && f.EnteringPricePerTonneAsFed is not null)
                .Select(f => $"{f.Name} {F(f.EnteringPricePerTonneAsFed!.Value / 1000, "0")}");
            Output?.WriteLine($"{name}: enters at (KRW/kg as fed) {string.Join(", ", entering)}");
        }

        Output?.WriteLine(table.ToString());
        Output?.WriteLine("| Feed | Price KRW/kg as fed | DM % | TDN % DM | KRW per kg TDN | CP % DM | EE % DM | Ca % DM | P % DM | starch % DM |");
        foreach (var offer in KoreanBeefFeeds.All)
        {
            Assert.True(FeedLibrary.TryFind(offer.LibraryId, out var feed));
            var dm = feed.OrZero(FeedNutrient.Fd_DM);
            var tdn = BeefFeedEnergy.TdnPercent(feed);
            var perTdn = tdn > 0 ? (double)offer.PricePerKgAsFed / (dm / 100) / (tdn / 100) : double.NaN;
            Output?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {feed.Name} | {offer.PricePerKgAsFed} | {dm:0.#} | {tdn:0.#} | {perTdn:0} | {feed.OrZero(FeedNutrient.Fd_CP):0.#} | {feed[FeedNutrient.Fd_CFat]:0.#} | {feed.OrZero(FeedNutrient.Fd_Ca):0.##} | {feed.OrZero(FeedNutrient.Fd_P):0.##} | {feed.OrZero(FeedNutrient.Fd_St):0.#} |"));
        }
    }

    private static Feed Library(FormulationRequest request, string id) =>
        FeedLibrary.TryFind(request.Feeds!.Single(f => f.Id == id).Feed!, out var feed) ? feed : throw new InvalidOperationException(id);
}
