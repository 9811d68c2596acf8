using Cnucnm.Nutrition.Beef;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Formulation.Beef;

/// <summary>
/// NRC (2000) Level 1 requirements (<see cref="BeefModel"/>) as requirement rows.
/// <list type="bullet">
/// <item><b>ME.</b> Supply Σ ME_j·x_j is exact (diet ME is the DM-weighted feed ME, NRC 2000: ME = 0.82 × 4.409 × TDN).
/// The requirement is not linear: with the net-energy system the ME that covers NEm and NEg depends on the diet's own
/// ME concentration M through k_m = NEm(M)/M and k_g = NEg(M)/M (Garrett 1980 polynomials), ME_req(M) =
/// (NEm + NEl)·M/NEm(M) + ME_pregnancy + RE·M/NEg(M). Meeting it is the book's energy-allowable gain ≥ target.
/// It is linearised at the current ration in M: ME_req ≈ R₀ + ME_req'(M₀)·Σ (ME_j − M₀)·x_j ÷ DMI₀.</item>
/// <item><b>MP.</b> 0.64 × microbial CP (130 g/kg TDN intake, or the degradable protein when that is less) + digested
/// RUP, exact on the TDN-limited side, which the degradable-protein-balance guard rail keeps the diet on.</item>
/// <item><b>Ca, P</b>: requirements fixed by the animal; <b>other minerals and vitamins</b>: a concentration × DMI.</item>
/// </list>
/// Cold stress is held at the current ration's value; the full model confirms each round.
/// </summary>
internal sealed class NrcBeefRequirements(BeefIntakeEquation intakeEquation) : IBeefRequirementModel
{
    private static readonly HashSet<string> Defaults = new(StringComparer.Ordinal) { "ME", "MP", "Ca", "P" };

    public string Name => "NRC (2000) beef";

    public IReadOnlyList<(string Nutrient, string Unit)> Rows { get; } = [.. BeefBalances.Pairs.Select(p => (p.Nutrient, p.Unit))];

    public IReadOnlySet<string> EnforcedByDefault => Defaults;

    public BeefIntakePrediction PredictIntake(BeefAnimal animal, Feed[] feeds, double[] kgDm)
    {
        var result = BeefModel.Evaluate(new BeefInput(animal, Diet(feeds, kgDm), BeefIntakeSource.Predicted, intakeEquation, BeefRequirementModel.Nrc2000));
        var equation = result.Intake.Equation;
        // The Japanese Feeding Standard equations read body weight and gain only; the NRC ones the diet's NEm.
        return new BeefIntakePrediction(result.PredictedDryMatterIntakeKg, (int)equation, EquationName(equation),
            equation is not (BeefIntakeEquation.JapaneseStandard or BeefIntakeEquation.KoreanStandard));
    }

    public IReadOnlyList<LinearRequirement> Linearise(BeefAnimal animal, Feed[] feeds, double[] kgDm)
    {
        var result = BeefModel.Evaluate(new BeefInput(animal, Diet(feeds, kgDm), BeefIntakeSource.Diet, intakeEquation, BeefRequirementModel.Nrc2000));
        var values = BeefFeedValues.Of(feeds);
        var n = feeds.Length;
        var dmi = kgDm.Sum();
        var rows = new List<LinearRequirement>(BeefBalances.Pairs.Count);
        foreach (var pair in BeefBalances.Pairs)
        {
            var required = result[pair.RequirementVariable];
            var supplied = result[pair.SupplyVariable];
            double[] supply;
            var slope = new double[n];
            switch (pair.Nutrient)
            {
                case "ME":
                    supply = values.MetabolizableEnergyMcalPerKg;
                    var dietMe = result["Dt_ME"];
                    var derivative = MetabolizableEnergyRequirementSlope(result, dietMe);
                    for (var j = 0; j < n; j++)
                    {
                        slope[j] = derivative * (supply[j] - dietMe) / dmi;
                    }

                    break;
                case "MP":
                    // NRC (2000) Level 1: MCP = 130 g/kg TDN intake unless degradable protein is short; MP = 0.64 MCP + digested RUP.
                    var degradableShort = result["RDP_bal_g"] < 0;
                    supply = new double[n];
                    for (var j = 0; j < n; j++)
                    {
                        var microbial = degradableShort
                            ? values.DegradableProteinGramsPerKg[j]
                            : BeefProteinSupply.MicrobialCpPerKgTdnGrams * values.TdnPercent[j] / 100;
                        supply[j] = BeefProteinSupply.MicrobialMpPerCp * microbial + values.DigestedUndegradableProteinGramsPerKg[j];
                    }

                    break;
                default:
                    supply = MineralOrVitaminPerKg(pair, feeds);
                    if (pair.Nutrient is not ("Ca" or "P"))
                    {
                        // NRC (2000) Ch. 5 and 7: the other minerals and the vitamins are diet concentrations: requirement = concentration × DMI.
                        Array.Fill(slope, dmi > 0 ? required / dmi : 0);
                    }

                    break;
            }

            var supplyAt = Dot(supply, kgDm);
            var requirementAt = Dot(slope, kgDm);
            rows.Add(new LinearRequirement(pair.Nutrient, pair.Unit, pair.SupplyVariable, pair.RequirementVariable, supply, supplied - supplyAt,
                slope, required - requirementAt, supplied, required));
        }

        return rows;
    }

    /// <summary>d(ME_req)/dM, Mcal/d per Mcal/kg DM, of ME_req(M) = (NEm + NEl)·M/NEm(M) + ME_y + RE·M/NEg(M) (NRC 2000 Energy
    /// chapter; Garrett 1980 NEm and NEg from ME), by central difference at the diet's ME.</summary>
    private static double MetabolizableEnergyRequirementSlope(BeefResult result, double dietMe)
    {
        var maintenanceAndMilk = result["NEm_req"] + result["NEl_req"];
        var retained = result["RE_target"];
        double Requirement(double m)
        {
            var nem = BeefFeedEnergy.NetEnergyMaintenanceMcalPerKg(m);
            var neg = BeefFeedEnergy.NetEnergyGainMcalPerKg(m);
            return maintenanceAndMilk * m / nem + (retained > 0 ? retained * m / neg : 0);
        }

        // Below about 1.9 Mcal ME/kg NEg vanishes and the requirement has no finite slope: take it where NEg is defined.
        var at = Math.Max(dietMe, 2.0);
        const double step = 1e-4;
        var slope = (Requirement(at + step) - Requirement(at - step)) / (2 * step);
        return double.IsFinite(slope) ? slope : 0;
    }

    private static double[] MineralOrVitaminPerKg(DairyBalances.Pair pair, Feed[] feeds)
    {
        // Supply variables are Dt_{X}In; the feed column is Fd_{X} per kg DM (% DM for macro minerals: × 10 for g/kg).
        var column = "Fd_" + pair.SupplyVariable["Dt_".Length..^"In".Length];
        if (!FeedNutrients.TryParse(column, out var nutrient))
        {
            throw new InvalidOperationException($"No feed column {column} for {pair.Nutrient}.");
        }

        var factor = pair.Unit.StartsWith("g/", StringComparison.Ordinal) ? 10 : 1;
        return [.. feeds.Select(f => f.OrZero(nutrient) * factor)];
    }

    public static string EquationName(BeefIntakeEquation equation) => equation switch
    {
        BeefIntakeEquation.NrcGrowing => "NRC (2000) Ch. 7 growing cattle",
        BeefIntakeEquation.NrcBeefCow => "NRC (2000) Ch. 7 beef cows",
        BeefIntakeEquation.JapaneseStandard => "Japanese Feeding Standard for Beef Cattle (2008)",
        BeefIntakeEquation.KoreanStandard => "Korean Feeding Standard for Hanwoo: KFS ME ÷ (4.4 Mcal GE/kg DM × q)",
        _ => equation.ToString(),
    };

    internal static DietEntry[] Diet(Feed[] feeds, double[] kgDm)
    {
        var diet = new DietEntry[feeds.Length];
        for (var j = 0; j < feeds.Length; j++)
        {
            diet[j] = new DietEntry(feeds[j], kgDm[j]);
        }

        return diet;
    }

    internal static double Dot(double[] a, double[] x)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * x[i];
        }

        return sum;
    }
}
