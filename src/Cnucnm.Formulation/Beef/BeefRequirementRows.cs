using Cnucnm.Nutrition.Beef;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Formulation.Beef;

/// <summary>
/// A requirement model of beef animal mode, as the formulation sees it: a predicted intake and, at a ration, one
/// "requirement row" per nutrient — the full model's requirement and supply there, and both linearised in the feed
/// amounts (<see cref="LinearRequirement"/>, kg DM/d). NRC (2000) and the Korean Feeding Standard for Hanwoo each
/// implement it; the formulation loop does not know which it holds.
/// </summary>
internal interface IBeefRequirementModel
{
    /// <summary>Shown in the answer, e.g. "NRC (2000) beef".</summary>
    string Name { get; }

    /// <summary>The requirement rows the model gives (names accepted in <c>requirements</c>) with their units.</summary>
    IReadOnlyList<(string Nutrient, string Unit)> Rows { get; }

    /// <summary>Rows enforced unless the request says otherwise.</summary>
    IReadOnlySet<string> EnforcedByDefault { get; }

    /// <summary>Predicted intake of the animal fed the feeds in the proportions of <paramref name="kgDm"/>.</summary>
    BeefIntakePrediction PredictIntake(BeefAnimal animal, Feed[] feeds, double[] kgDm);

    /// <summary>Every row at the ration <paramref name="kgDm"/> (kg DM/d, eaten as given), linearised there.</summary>
    IReadOnlyList<LinearRequirement> Linearise(BeefAnimal animal, Feed[] feeds, double[] kgDm);
}

/// <summary>A predicted intake, kg DM/d, the equation that gave it (number and name), and whether it depends on the
/// diet (then the formulation predicts it again at each round's ration).</summary>
internal sealed record BeefIntakePrediction(double Kg, int EquationNumber, string Equation, bool DependsOnDiet);

/// <summary>Per-feed diet values both requirement models need: energy and protein per kg DM (NRC 2000 Level 1 chain).</summary>
internal sealed class BeefFeedValues
{
    private BeefFeedValues(int n)
    {
        TdnPercent = new double[n];
        MetabolizableEnergyMcalPerKg = new double[n];
        CrudeProteinGramsPerKg = new double[n];
        DegradableProteinGramsPerKg = new double[n];
        DigestedUndegradableProteinGramsPerKg = new double[n];
    }

    public double[] TdnPercent { get; }

    public double[] MetabolizableEnergyMcalPerKg { get; }

    public double[] CrudeProteinGramsPerKg { get; }

    public double[] DegradableProteinGramsPerKg { get; }

    public double[] DigestedUndegradableProteinGramsPerKg { get; }

    public static BeefFeedValues Of(Feed[] feeds)
    {
        var values = new BeefFeedValues(feeds.Length);
        for (var j = 0; j < feeds.Length; j++)
        {
            var feed = feeds[j];
            var tdn = BeefFeedEnergy.TdnPercent(feed);
            var cp = feed.OrZero(FeedNutrient.Fd_CP) * 10;
            var rup = cp * BeefProteinSupply.RupPercentOfCp(feed) / 100;
            values.TdnPercent[j] = tdn;
            // NRC (2000): ME = 0.82 × DE, DE = 4.409 Mcal/kg TDN, both linear in TDN, so diet ME is the DM-weighted feed ME.
            values.MetabolizableEnergyMcalPerKg[j] = BeefFeedEnergy.MetabolizableEnergyMcalPerKg(BeefFeedEnergy.DigestibleEnergyMcalPerKg(tdn));
            values.CrudeProteinGramsPerKg[j] = cp;
            values.DegradableProteinGramsPerKg[j] = cp - rup;
            values.DigestedUndegradableProteinGramsPerKg[j] = rup * BeefProteinSupply.RupDigestibility(feed);
        }

        return values;
    }
}
