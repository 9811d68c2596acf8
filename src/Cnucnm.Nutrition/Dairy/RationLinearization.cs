using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.Dairy;

/// <summary>
/// One requirement–supply pair of <see cref="DairyBalances.Pairs"/> written as linear functions of
/// the feed amounts (kg DM/d of each candidate feed, in the order of <see cref="RationLinearization.Feeds"/>)
/// near the evaluated diet:
/// supply ≈ <see cref="SupplyConstant"/> + Σ <see cref="SupplyPerKgDm"/>[i] · x[i] and
/// requirement ≈ <see cref="RequirementConstant"/> + Σ <see cref="RequirementPerKgDm"/>[i] · x[i]
/// (requirements that scale with intake: metabolic fecal protein, maintenance minerals). Both are
/// exact at the evaluated diet.
/// </summary>
public sealed record LinearRequirement(
    string Nutrient,
    string Unit,
    string SupplyVariable,
    string RequirementVariable,
    double[] SupplyPerKgDm,
    double SupplyConstant,
    double[] RequirementPerKgDm,
    double RequirementConstant,
    double Supplied,
    double Required)
{
    /// <summary>Supply minus requirement per kg DM of each feed (≥ 0 overall means the requirement is met).</summary>
    public double[] NetPerKgDm => [.. SupplyPerKgDm.Select((s, i) => s - RequirementPerKgDm[i])];

    public double NetConstant => SupplyConstant - RequirementConstant;

    /// <summary>The linear supply at feed amounts <paramref name="kgDm"/>.</summary>
    public double SupplyAt(IReadOnlyList<double> kgDm) => SupplyConstant + Dot(SupplyPerKgDm, kgDm);

    /// <summary>The linear requirement at feed amounts <paramref name="kgDm"/>.</summary>
    public double RequirementAt(IReadOnlyList<double> kgDm) => RequirementConstant + Dot(RequirementPerKgDm, kgDm);

    private static double Dot(double[] a, IReadOnlyList<double> x)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * x[i];
        }

        return sum;
    }
}

/// <summary>
/// The NASEM model linearised around a diet, for the least-cost LP. Supply per kg DM of each feed
/// is taken with the diet-level adjustments held at the evaluated diet (total-tract and ruminal
/// digestibilities of NDF and starch and their intake discounts, FA digestibility, the methane
/// equation's diet terms, the Mg absorption factor); microbial protein enters through the
/// derivative of the selected microbial N equation at the evaluated diet; requirements that scale
/// with intake (maintenance minerals, metabolic fecal protein) carry their per-kg slope. One full
/// evaluation plus one pass over the feeds: the formulation re-linearises at each solution and
/// re-checks with the full model.
/// </summary>
public sealed class RationLinearization
{
    internal RationLinearization(DairyResult evaluation, IReadOnlyList<Feed> feeds, IReadOnlyList<LinearRequirement> requirements,
        IReadOnlyDictionary<string, double[]> perKgDm, double[] rumenNBalancePerKg, double rumenNBalanceConstant)
    {
        Evaluation = evaluation;
        Feeds = feeds;
        Requirements = requirements;
        PerKgDm = perKgDm;
        RumenNitrogenBalancePerKg = rumenNBalancePerKg;
        RumenNitrogenBalanceConstant = rumenNBalanceConstant;
    }

    /// <summary>The full-model evaluation the linearisation is taken at.</summary>
    public DairyResult Evaluation { get; }

    /// <summary>The candidate feeds (the input's diet, including feeds at 0 kg), in coefficient order.</summary>
    public IReadOnlyList<Feed> Feeds { get; }

    /// <summary>One row per <see cref="DairyBalances.Pairs"/> entry, in that order.</summary>
    public IReadOnlyList<LinearRequirement> Requirements { get; }

    /// <summary>Diet totals per kg DM of each feed, kg: <c>DM</c>, <c>NDF</c>, <c>ForNDF</c> (forage NDF),
    /// <c>St</c> (starch), <c>FA</c>, <c>CP</c>, <c>RDP</c>, <c>RUP</c>. Each total is Σ coefficient · kg DM (no constant).</summary>
    public IReadOnlyDictionary<string, double[]> PerKgDm { get; }

    /// <summary>RDP minus microbial CP before the NASEM cap at RDP N (g) per kg DM of each feed, and the constant
    /// (<c>An_RDPbal_uncapped_g</c>): ruminal N balance ≥ 0 keeps enough degradable protein for the microbial growth the
    /// digested NDF and starch would support.</summary>
    public double[] RumenNitrogenBalancePerKg { get; }

    public double RumenNitrogenBalanceConstant { get; }

    /// <summary>The row of one nutrient (ME, NEL, MP, Ca, Lys …) by its <see cref="DairyBalances.Pair.Nutrient"/> name.</summary>
    public LinearRequirement this[string nutrient] => Requirements.First(r => r.Nutrient == nutrient);

    /// <summary>Evaluates the model at <paramref name="input"/> and linearises it. Candidate feeds not in
    /// the ration yet are given in the diet with 0 kg. Intake is the sum of the amounts (the
    /// equation selection's DMI equation and target intake are set aside: the LP decides intake;
    /// use <see cref="DairyModel.Evaluate"/> for a predicted DMI to bound it).</summary>
    public static RationLinearization At(DairyInput input) => EvaluateAt(input).Linearization;

    /// <summary>The full evaluation at <paramref name="input"/> as <see cref="At"/> takes it (intake = the diet's sum), with the
    /// linearisation worked out only when <see cref="RationPoint.Linearization"/> is first read: a formulation round that
    /// only checks a ration needs the evaluation, and the slopes cost about twice the evaluation.</summary>
    public static RationPoint EvaluateAt(DairyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Diet.Sum(d => d.KgDryMatterPerDay) <= 0)
        {
            throw new ArgumentException("Linearise around a diet with at least one feed above 0 kg DM/d.", nameof(input));
        }

        // The LP decides the amounts: intake is the diet's sum (DMIn_eqn 0, no separate target).
        input = input with
        {
            Animal = input.Animal with { TargetDryMatterIntakeKg = null },
            Equations = input.Equations with { DmiEquation = 0 },
        };
        var run = new DairyRun(input);
        run.Run();
        return new RationPoint(run, new DairyResult(input, run.Values));
    }
}

internal sealed partial class DairyRun
{
    internal RationLinearization Linearize(DairyResult evaluation)
    {
        var n = _f.Length;
        var x0 = _f.Select(f => f.DmIn).ToArray();
        var me = new double[n];
        var meApprox = new double[n];
        var mp = new double[n];
        var micTpDigested = new double[n];
        var rdpPerKg = new double[n];
        var rupPerKg = new double[n];
        var feCpEndPerKg = new double[n];
        var ndf = new double[n];
        var forNdf = new double[n];
        var st = new double[n];
        var fa = new double[n];
        var cp = new double[n];
        var rnb = new double[n];

        // Microbial N is capped at the N in RDP. Where the cap binds, supply moves with RDP alone; at or below it (the ruminal
        // N balance guard rail keeps rations there) the equation's own slopes hold. The balance row always takes the slopes
        // before the cap: it asks whether RDP covers what the digested NDF and starch would grow.
        var uncappedSlopes = MicrobialSlopes(capped: false);
        var microbialSlopes = Values["An_RDPbal_uncapped_g"] < 0 ? MicrobialSlopes(capped: true) : uncappedSlopes;
        var monensinDe = _eq.Monensin == 1 ? 1.02 : 1.0;
        var monensinGas = _eq.Monensin == 1 ? 0.95 : 1.0;
        var faPercent = DtFA;
        var digNdfPercent = DtDigNDF;
        for (var i = 0; i < n; i++)
        {
            var f = _f[i];
            var cpFraction = Z(f.Cp) / 100;
            var npnCpFraction = cpFraction * Z(f.NpnCp) / 100;
            rupPerKg[i] = RupPerKgDm(f);
            rdpPerKg[i] = cpFraction - rupPerKg[i];
            var idRup = Z(f.DcRup) / 100 * rupPerKg[i];
            var ndfFraction = Z(f.Ndf) / 100;
            var stFraction = Z(f.St) / 100;
            var rOmFraction = double.IsNaN(f.ROm) ? 0 : f.ROm / 100;
            ndf[i] = ndfFraction;
            forNdf[i] = (1 - Z(f.Conc) / 100) * ndfFraction;
            st[i] = stFraction;
            fa[i] = Z(f.Fa) / 100;
            cp[i] = cpFraction;

            // Changes of diet percentages per kg of this feed: (feed % − diet %) / DMI.
            double Shift(double feedPercent, double dietPercent) => (feedPercent - dietPercent) / DtDMIn;
            var dNdf = Shift(Z(f.Ndf), DtNDF);
            var dSt = Shift(Z(f.St), DtSt);
            var dCp = Shift(Z(f.Cp), DtCP);
            var dForNdf = Shift(forNdf[i] * 100, DtForNDF);
            var dForWet = Shift(Z(f.ForWet), DtForWet);
            var dAdfToNdf = DtNDFIn > 0 ? (Z(f.Adf) / 100 * DtNDFIn - ndfFraction * DtADFIn) / (DtNDFIn * DtNDFIn) : 0;

            // Ruminal digestibilities move with the diet (White et al., 2016; Roman-Garcia et al., 2016), unless clamped.
            var dRumDcNdf = RumDcNDF <= 0.1 ? 0
                : 0.721 * dNdf - 0.247 * dSt + (6.63 - 0.422 * DtCP) * dCp - 0.387 * 100 * dAdfToNdf - 0.121 * dForWet + 1.51;
            var dRumDcSt = RumDcSt is <= 0.1 or >= 100 ? 0
                : -1.45 + 0.424 * dForNdf + (1.39 - 0.0438 * DtSt) * dSt - 0.154 * dForWet;
            var dRumDigNdf = RumDcNDF / 100 * ndfFraction + DtNDFIn * dRumDcNdf / 100;
            var dRumDigSt = RumDcSt / 100 * stFraction + DtStIn * dRumDcSt / 100;

            // Microbial N per kg of this feed (g), through RDP, ruminally digested NDF and starch, DM, rOM and forage NDF.
            var diet = 1 - (Z(f.Ash) + Z(f.Ndf) + Z(f.St) + Z(f.Fa) * f.FHydrFa + Z(f.Tp) + Z(f.NpnDm)) / 100;
            var dMiN = microbialSlopes.Rdp * rdpPerKg[i] + microbialSlopes.RumenNdf * dRumDigNdf
                       + microbialSlopes.RumenStarch * dRumDigSt + microbialSlopes.Dmi
                       + microbialSlopes.ResidualOm * diet + microbialSlopes.ForageNdf * forNdf[i];
            var dMiCPg = 6.25 * dMiN;
            var dMiNUncapped = uncappedSlopes.Rdp * rdpPerKg[i] + uncappedSlopes.RumenNdf * dRumDigNdf
                               + uncappedSlopes.RumenStarch * dRumDigSt + uncappedSlopes.Dmi
                               + uncappedSlopes.ResidualOm * diet + uncappedSlopes.ForageNdf * forNdf[i];
            micTpDigested[i] = MicrobialProtein.MicrobialIntestinalDigestibilityPercent / 100 * MicrobialProtein.MicrobialTrueProteinFraction * dMiCPg;
            mp[i] = _calf ? double.NaN : idRup * 1000 + micTpDigested[i];
            feCpEndPerKg[i] = _calf ? 0 : 12 + 0.12 * Z(f.Ndf); // g/kg DM: (12 + 0.12·NDF%)·DMI
            rnb[i] = rdpPerKg[i] * 1000 - 6.25 * dMiNUncapped;

            // ME = DE − methane energy − urinary energy, per kg DM.
            var feCpKg = rupPerKg[i] - idRup + (dMiCPg - MicrobialProtein.MicrobialIntestinalDigestibilityPercent / 100 * dMiCPg) / 1000 + feCpEndPerKg[i] / 1000;
            var digCpa = cpFraction - feCpKg;
            var dcFa = double.IsNaN(f.TtDcFa) ? 68 : f.TtDcFa;
            // Total-tract digestibilities fall with starch share and intake per kg BW (NASEM 2021 Ch. 3):
            // the change applies to all NDF and starch already in the diet.
            // Each feed's NDF and starch enter at the feed's own base digestibility (from lignin or in vitro NDF, and its
            // starch digestibility) less the diet's discounts, not at the diet's average: straw's NDF is not corn silage's.
            var dTtDcNdf = TtDcNDFBase == 0 ? 0 : -0.59 * (stFraction - DtStIn / DtDMIn) / DtDMIn - 1.1 / BW;
            var dTtDcSt = TtDcSt == 0 ? 0 : -1.0 / BW;
            var ndfDiscount = (TtDcNDF - TtDcNDFBase) / 100;
            var stDiscount = (TtDcSt - (DtStIn > 0 ? DtDigStInBase / DtStIn * 100 : 0)) / 100;
            var digNdfKg = TtDcNDFBase == 0 ? 0 : (Z(f.TtDcNdfBase) / 100 + ndfDiscount) * ndfFraction + DtNDFIn * dTtDcNdf;
            var digStKg = TtDcSt == 0 ? 0 : (Z(f.DcSt) / 100 + stDiscount) * stFraction + DtStIn * dTtDcSt;
            var de = Energy.CombustionNdf * digNdfKg
                     + Energy.CombustionStarch * digStKg
                     + Energy.CombustionResidualOm * (Digestibility.ResidualOmTrueDigestibilityPercent / 100 * rOmFraction - Digestibility.FecalEndogenousResidualOmPercentOfDmi / 100)
                     + Energy.CombustionCp * (digCpa - npnCpFraction) + Energy.CombustionNpnCp * npnCpFraction
                     + Energy.CombustionFa * dcFa / 100 * fa[i];
            de *= monensinDe;
            var gas = _a.State switch
            {
                PhysiologicalState.LactatingCow => 0.294 - 0.347 * (Z(f.Fa) - faPercent) / DtDMIn + 0.0409 * (digNdfKg * 100 - digNdfPercent) / DtDMIn,
                PhysiologicalState.DryCow => 0.053 * Z(f.Ge) - 0.07 * (Z(f.Fa) - faPercent) / DtDMIn,
                PhysiologicalState.Calf => 0,
                _ => 0.051 * Z(f.Ge) + 0.0091 * (Z(f.Ndf) - DtNDF) / DtDMIn,
            } * monensinGas;
            var urineNg = (cpFraction * 1000 - feCpKg * 1000 - feCpEndPerKg[i]) / 6.25;
            me[i] = _calf && DtDMInClfLiq > 0
                ? Z(f.DeBase) * (f.IsCalfLiquid ? 0.96 : 0.93)
                : de - gas - 0.0143 * urineNg;
            // The heifer minimum's ME (NASEM 2021 Ch. 11, An_MEIn_approx): non-protein DE, NPN DE and digested true protein at
            // 4 Mcal/kg, less methane: no urinary energy (urea's ME would otherwise lower the minimum it raises).
            meApprox[i] = de - Energy.CombustionCp * (digCpa - npnCpFraction) + 4.0 * (Z(f.Tp) / 100 - feCpKg) - gas;
        }

        var requirements = new List<LinearRequirement>();
        foreach (var pair in DairyBalances.Pairs)
        {
            var supplied = Values[pair.SupplyVariable];
            var required = Values[pair.RequirementVariable];
            var supply = SupplyCoefficients(pair, me, mp, micTpDigested, x0.Length);
            var slope = RequirementSlopes(pair, feCpEndPerKg, meApprox);
            var supplyAtX0 = 0.0;
            var requirementAtX0 = 0.0;
            for (var i = 0; i < n; i++)
            {
                supplyAtX0 += supply[i] * x0[i];
                requirementAtX0 += slope[i] * x0[i];
            }

            requirements.Add(new LinearRequirement(pair.Nutrient, pair.Unit, pair.SupplyVariable, pair.RequirementVariable,
                supply, supplied - supplyAtX0, slope, required - requirementAtX0, supplied, required));
        }

        var rnbAtX0 = rnb.Select((c, i) => c * x0[i]).Sum();
        var perKg = new Dictionary<string, double[]>(StringComparer.Ordinal)
        {
            ["DM"] = [.. Enumerable.Repeat(1.0, n)],
            ["NDF"] = ndf,
            ["ForNDF"] = forNdf,
            ["St"] = st,
            ["FA"] = fa,
            ["CP"] = cp,
            ["RDP"] = rdpPerKg,
            ["RUP"] = rupPerKg,
        };
        return new RationLinearization(evaluation, [.. _f.Select(f => f.Original)], requirements, perKg, rnb, Values["An_RDPbal_uncapped_g"] - rnbAtX0);
    }

    private static double Z(double value) => double.IsNaN(value) ? 0 : value;

    /// <summary>RUP per kg DM of a feed, kg (the per-feed RUP equation divided by DMI; defined for feeds at 0 kg).</summary>
    private static double RupPerKgDm(FeedRow f)
    {
        var cp = Z(f.Cp) / 100;
        var forage = (100 - Z(f.Conc)) / 100 * ProteinSupply.PassageRateForagePercentPerHour / (Z(f.KdRup) + ProteinSupply.PassageRateForagePercentPerHour);
        var concentrate = Z(f.Conc) / 100 * ProteinSupply.PassageRateConcentratePercentPerHour / (Z(f.KdRup) + ProteinSupply.PassageRateConcentratePercentPerHour);
        var rup = cp * ((Z(f.CpaRu) - Z(f.NpnCp)) / 100 * ProteinSupply.FractionAEscape + Z(f.CpbRu) / 100 * (forage + concentrate) + Z(f.CpcRu) / 100
                        + ProteinSupply.RupInterceptKg / ProteinSupply.ReferenceCpIntakeKg);
        return double.IsFinite(rup) ? rup : 0;
    }

    private readonly record struct MicrobialPartials(double Rdp, double RumenNdf, double RumenStarch, double Dmi, double ResidualOm, double ForageNdf);

    /// <summary>Partial derivatives (g N per kg) of the selected microbial N equation with respect to
    /// its diet aggregates, by central differences on the closed form at the evaluated diet.</summary>
    private MicrobialPartials MicrobialSlopes(bool capped)
    {
        double Microbial(double rdp, double rdNdf, double rdSt, double dmi, double rOm, double forNdf) => _eq.MicrobialNEquation switch
        {
            2 => MicrobialProtein.HaniganLinearMicrobialNGrams(rdSt, rdNdf, rdp, rOm, forNdf),
            3 => MicrobialProtein.WhiteNonlinearMicrobialNGrams(rdp, rdNdf, rdSt),
            _ when capped => MicrobialProtein.Nrc2021MicrobialNGrams(rdp / dmi * 100, rdp, dmi, rdNdf, rdSt),
            _ => MicrobialProtein.Nrc2021MicrobialNGramsBeforeCap(rdp / dmi * 100, rdp, dmi, rdNdf, rdSt),
        };

        double[] point = [AnRDPIn, RumDigNDFIn, RumDigStIn, DtDMIn, DtROMIn, DtForNDFIn];
        var slopes = new double[6];
        for (var k = 0; k < 6; k++)
        {
            var h = Math.Max(1e-6, Math.Abs(point[k]) * 1e-5);
            var up = (double[])point.Clone();
            var down = (double[])point.Clone();
            up[k] += h;
            down[k] = Math.Max(1e-9, down[k] - h);
            var width = up[k] - down[k];
            slopes[k] = (Microbial(up[0], up[1], up[2], up[3], up[4], up[5]) - Microbial(down[0], down[1], down[2], down[3], down[4], down[5])) / width;
            if (!double.IsFinite(slopes[k]))
            {
                slopes[k] = 0;
            }
        }

        return new MicrobialPartials(slopes[0], slopes[1], slopes[2], slopes[3], slopes[4], slopes[5]);
    }

    private double[] SupplyCoefficients(DairyBalances.Pair pair, double[] me, double[] mp, double[] micTpDigested, int n)
    {
        var c = new double[n];
        var liquid = DtDMInClfLiq > 0;
        double Ac(FeedRow f, FeedNutrient input, double liquidValue, double dryValue) => _calf ? (liquid ? liquidValue : dryValue) : Z(f.Feed[input]);
        for (var i = 0; i < n; i++)
        {
            var f = _f[i];
            double Macro(FeedNutrient m) => f.Value(m) * 10; // % DM → g/kg DM
            double Micro(FeedNutrient m) => f.Value(m);      // mg/kg DM (IU/kg for vitamins)
            c[i] = pair.SupplyVariable switch
            {
                "An_MEIn" => me[i],
                "An_NEIn" => me[i] * Energy.KlMeToNe,
                "An_MPIn_g" => double.IsNaN(mp[i]) ? Z(f.Cp) * 10 * 0.75 : mp[i],
                "Abs_CaIn" => Macro(FeedNutrient.Fd_Ca) * Ac(f, FeedNutrient.Fd_acCa_input, 1, 0.60),
                "Abs_PIn" => Macro(FeedNutrient.Fd_P) * (_calf ? (liquid ? 1 : 0.75)
                    : f.Category == "Vitamin/Mineral" ? Z(f.Feed[FeedNutrient.Fd_acPtot_input])
                    : f.Value(FeedNutrient.Fd_Pinorg_P) * 0.0084 + f.Value(FeedNutrient.Fd_Porg_P) * 0.0068),
                "Abs_MgIn" => MagnesiumAbsorbedPerKg(f, Values["Dt_acMg"]),
                "Abs_KIn" => Macro(FeedNutrient.Fd_K) * (_calf ? 1 : Z(f.Feed[FeedNutrient.Fd_acK_input])),
                "Abs_NaIn" => Macro(FeedNutrient.Fd_Na) * (_calf ? 1 : Z(f.Feed[FeedNutrient.Fd_acNa_input])),
                "Abs_ClIn" => Macro(FeedNutrient.Fd_Cl) * Ac(f, FeedNutrient.Fd_acCl_input, 1, 0.92),
                "Dt_SIn" => Macro(FeedNutrient.Fd_S),
                "Abs_CoIn" => Micro(FeedNutrient.Fd_Co) * (_calf ? 0 : 1),
                "Abs_CuIn" => Micro(FeedNutrient.Fd_Cu) * Ac(f, FeedNutrient.Fd_acCu_input, 1, 0.10),
                "Abs_FeIn" => Micro(FeedNutrient.Fd_Fe) * Ac(f, FeedNutrient.Fd_acFe_input, 1, 0.10),
                "Dt_IIn" => Micro(FeedNutrient.Fd_I),
                "Abs_MnIn" => Micro(FeedNutrient.Fd_Mn) * Ac(f, FeedNutrient.Fd_acMn_input, 1, 0.005),
                "Dt_SeIn" => Micro(FeedNutrient.Fd_Se),
                "Abs_ZnIn" => Micro(FeedNutrient.Fd_Zn) * Ac(f, FeedNutrient.Fd_acZn_input, 1, 0.20),
                "Dt_VitAIn" => Micro(FeedNutrient.Fd_VitA),
                "Dt_VitDIn" => Micro(FeedNutrient.Fd_VitD),
                "Dt_VitEIn" => Micro(FeedNutrient.Fd_VitE),
                _ when pair.Group == DairyBalances.NutrientGroup.AminoAcid => AminoAcidSupply(f, Enum.Parse<AminoAcid>(pair.Nutrient), micTpDigested[i]),
                _ => throw new InvalidOperationException($"No linear supply for {pair.SupplyVariable}."),
            };
        }

        return c;
    }

    /// <summary>Absorbed Mg per kg DM of a feed, g: its Mg at the diet's absorption fraction plus the change of that
    /// fraction with dietary K and with the share of mineral Mg (NASEM 2021 Ch. 7), which a forage rich in K moves.</summary>
    private double MagnesiumAbsorbedPerKg(FeedRow f, double absorptionFraction)
    {
        var mg = f.Value(FeedNutrient.Fd_Mg) * 10;
        if (_calf || DtMgIn <= 0 || DtK <= 0)
        {
            return mg * absorptionFraction;
        }

        var kShift = (f.Value(FeedNutrient.Fd_K) - DtK) / DtDMIn;
        var mineralMg = f.Category == "Vitamin/Mineral" ? mg : 0;
        var mineralShareShift = 100 * (mineralMg * DtMgIn - DtMgInMin * mg) / (DtMgIn * DtMgIn);
        var fractionShift = (-5.42 * kShift / DtK - 0.08 * mineralShareShift) / 100;
        return mg * absorptionFraction + DtMgIn * fractionShift;
    }

    private static double AminoAcidSupply(FeedRow f, AminoAcid aa, double microbialTpDigestedGrams)
    {
        var trueAaCp = f.Value(AminoAcids.FeedColumn(aa)) / AminoAcids.HydrolysisRecovery(aa);
        var fromRup = trueAaCp / 100 * RupPerKgDm(f) * 1000 * Z(f.DcRup) / 100;
        return fromRup + microbialTpDigestedGrams * AminoAcids.MicrobialProfile(aa) / 100;
    }

    /// <summary>Requirement change per kg DM of each feed: intake-driven maintenance terms (NASEM 2021 Ch. 6, 7).</summary>
    private double[] RequirementSlopes(DairyBalances.Pair pair, double[] feCpEndPerKg, double[] meApprox)
    {
        var n = _f.Length;
        var calfOnMilk = _calf && DtDMInClfLiq > 0;
        double PerKgDmi(double value) => calfOnMilk ? 0 : value;
        var uniform = pair.RequirementVariable switch
        {
            "An_Ca_req" => PerKgDmi(0.9),
            "An_P_req" => PerKgDmi(Parity == 0 ? 0.8 : 1.0),
            "An_Mg_req" => PerKgDmi(0.3),
            "An_Na_req" => PerKgDmi(1.45),
            "An_Cl_req" => PerKgDmi(1.11),
            "An_K_req" => PerKgDmi(2.5),
            "An_S_req" => 2,
            "An_Co_req" => 0.2,
            "An_Se_req" => 0.3,
            "An_I_req" => _calf ? 0.8 : 0,
            "An_Zn_req" => calfOnMilk ? 2.0 / 0.25 : 5.0,
            _ => 0,
        };
        var slopes = new double[n];
        for (var i = 0; i < n; i++)
        {
            slopes[i] = uniform;
            if (pair.RequirementVariable == "An_MPuse_g_Trg")
            {
                // Metabolic fecal MP: (12 + 0.12·NDF%) g CP per kg DMI, as NP (0.73) or CP, at the maintenance efficiency;
                // heifers held at the minimum MP:ME need (53 − 25·BW/MW) g MP per extra Mcal ME.
                var km = Values["Km_MP_NP_Trg"];
                slopes[i] = HeiferMinimumBinding ? HeiferMpPerMcal * meApprox[i] : (_calf || _heifer ? feCpEndPerKg[i] : 0.73 * feCpEndPerKg[i]) / km;
            }
            else if (pair.Group == DairyBalances.NutrientGroup.AminoAcid)
            {
                var aa = Enum.Parse<AminoAcid>(pair.Nutrient);
                slopes[i] = 0.73 * feCpEndPerKg[i] * AminoAcids.MetabolicFecalProfile(aa) / 100 / AminoAcids.TargetExportEfficiency(aa);
                if (HeiferMinimumBinding && FrmNPgain > 0)
                {
                    // Growth AA use scales with the MP the minimum adds (efficiency = frame NP / frame MP): the minimum's own
                    // slope less the metabolic fecal MP it replaces.
                    var frameMp = HeiferMpPerMcal * meApprox[i] - feCpEndPerKg[i] / Values["Km_MP_NP_Trg"];
                    slopes[i] += BodyNPgaing * AminoAcids.BodyProfile(aa) / 100 * frameMp / (FrmNPgain * 1000);
                }
            }
            else if (pair.RequirementVariable == "An_VitE_req" && _f[i].IsPasture && Values["An_VitE_req"] > 0)
            {
                slopes[i] = -50; // pasture supplies vitamin E
            }
        }

        return slopes;
    }
}

/// <summary>A diet evaluated by the full model; its linearisation is worked out on first use (once).</summary>
public sealed class RationPoint
{
    private readonly DairyRun _run;
    private RationLinearization? _linearization;

    internal RationPoint(DairyRun run, DairyResult evaluation) => (_run, Evaluation) = (run, evaluation);

    /// <summary>The full model at the diet (intake = the diet's sum).</summary>
    public DairyResult Evaluation { get; }

    /// <summary>The model linearised at the diet.</summary>
    public RationLinearization Linearization => _linearization ??= _run.Linearize(Evaluation);
}
