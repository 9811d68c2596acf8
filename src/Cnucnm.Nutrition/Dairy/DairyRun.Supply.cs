using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.Dairy;

internal sealed partial class DairyRun
{
    // Diet intakes, kg/d, and concentrations, % DM.
    private double DtAFIn, DtNDFIn, DtNDFnfIn, DtADFIn, DtLgIn, DtForNDFIn, DtDigNDFInBase, DtForWetIn, DtForDryIn, DtPastIn, DtForIn, DtConcIn;
    private double DtNFCIn, DtStIn, DtWSCIn, DtCPIn, DtCPInClfLiq, DtTPIn, DtNPNCPIn, DtNPNIn, DtNPNDMIn, DtCPAIn, DtCPBIn, DtCPCIn, DtRUPBIn, DtRUPIn;
    private double DtCFatIn, DtFAIn, DtFAhydrIn, DtAshIn, DtOMIn, DtROMIn, DtGEIn, DtDEInBase, DtDEInBaseClfLiq, DtDEInBaseClfDry;
    private double DtNDF, DtADF, DtForNDF, DtForWet, DtCP, DtFA, DtSt, DtDM, DtPastSupplIn;
    private double DtC160In, DtC183In;
    private double DtCaIn, DtPIn, DtNaIn, DtMgIn, DtMgInMin, DtKIn, DtClIn, DtSIn, DtCoIn, DtCuIn, DtFeIn, DtIIn, DtMnIn, DtSeIn, DtZnIn;
    private double DtVitAIn, DtVitDIn, DtVitEIn;
    private double DtK, DtNa, DtCl, DtS;

    // Animal totals (no infusions: diet only).
    private double AnDMIn, AnDMInBW, AnNDF, AnRDP, AnRDPIn, AnRUPIn, AnCPIn, AnNIn_g;

    // Digestion.
    private double RumDcNDF, RumDcSt, RumDigNDFIn, RumDigStIn, TtDcSt, TtDcNDF, TtDcNDFBase, DtDigStIn, DtDigNDFIn, DtDigrOMaIn, DtDigrOMtIn, FeROMend, AnDigNDF, DtDigNDF, DtDigStInBase;

    // Protein flows.
    private double DuMiNg, DuMiCPg, DuMiTPg, DuIdMiCPg, DuIdMiTPg, DuEndCPg, DtIdRUPIn, AnIdRUPIn, FeCPendg, FeCP, FeNPendg, FeRumMiCP, FeMiTP, AnMPIn, AnMPIn_g, AnDigCPaIn, AnDigCPtIn, AnRDTPIn;

    // Fat.
    private double DtDigFAIn;

    // Energy.
    private double AnGEIn, AnDEIn, AnDEInp, AnDENPNCPIn, AnDEStIn, AnDEFAIn, AnDErOMIn, AnDENDFIn, AnGasEOut, AnDigTPaIn;

    // Amino acids, g/d: absorbed per EAA, non-EAA.
    private readonly double[] _absAa = new double[10];
    private double AbsEAAg, AbsNeAAg;

    // Absorbed minerals.
    private double AbsCaIn, AbsPIn, AbsNaIn, AbsMgIn, AbsKIn, AbsClIn, AbsCoIn, AbsCuIn, AbsFeIn, AbsMnIn, AbsZnIn;

    /// <summary>Per-feed intakes and diet totals (NASEM 2021 Ch. 3, 6, 19).</summary>
    private void DietComposition()
    {
        foreach (var f in _f)
        {
            f.DmIn = f.Share * DtDMIn;
            f.AfIn = f.Dm == 0 ? 0 : f.DmIn / (f.Dm / 100);
            f.For = 100 - f.Conc;
            f.ForWet = f.For > 50 && f.Dm < 71 ? f.For : 0;
            f.ForDry = f.For > 50 && f.Dm >= 71 ? f.For : 0;
            f.Past = f.IsPasture ? 100 : 0;
            f.ForNdf = (1 - f.Conc / 100) * f.Ndf;
            f.NdfNf = f.Ndf - f.NdfIp;
            // NPN as CP equivalent and its mass (urea: 2.81 kg CP per kg).
            f.NpnCpDm = f.Cp * f.NpnCp / 100;
            f.Npn = f.NpnCpDm / 6.25;
            f.NpnDm = f.NpnCpDm / 2.81;
            f.Tp = f.Cp - f.NpnCpDm;
            // FA in triglycerides carry glycerol: mass of FA ÷ 1.06 (not for free FA supplements).
            f.FHydrFa = f.Category == "Fatty Acid Supplement" ? 1 : 1 / 1.06;
            f.FaHydr = f.Fa * f.FHydrFa;
            f.Nfc = Math.Max(0, 100 - f.Ash - f.Ndf - f.Tp - f.NpnDm - f.FaHydr);
            f.ROm = 100 - f.Ash - f.Ndf - f.St - f.Fa * f.FHydrFa - f.Tp - f.NpnDm;

            f.NdfIn = f.Ndf / 100 * f.DmIn;
            f.AdfIn = f.Adf / 100 * f.DmIn;
            f.StIn = f.St / 100 * f.DmIn;
            f.LgIn = f.Lg / 100 * f.DmIn;
            f.ForNdfIn = f.ForNdf / 100 * f.DmIn;
            f.DigNdfInBase = f.TtDcNdfBase / 100 * f.NdfIn;
            f.CpIn = f.Cp / 100 * f.DmIn;
            f.TpIn = f.Tp / 100 * f.DmIn;
            f.NpnCpIn = f.CpIn * f.NpnCp / 100;
            f.NpnIn = f.NpnCpIn * 0.16;
            f.NpnDmIn = f.NpnCpIn / 2.81;
            f.CpaIn = f.CpIn * f.CpaRu / 100;
            f.CpbIn = f.CpIn * f.CpbRu / 100;
            f.CpcIn = f.CpIn * f.CpcRu / 100;
            ProteinSupply.RumenUndegradedProtein(f);
            f.FaIn = f.Fa / 100 * f.DmIn;
            f.CFatIn = f.CFat / 100 * f.DmIn;
            f.FaHydrIn = f.FaHydr / 100 * f.DmIn;
            f.AshIn = f.Ash / 100 * f.DmIn;
            f.GeIn = f.Ge * f.DmIn;
            f.C120In = FattyAcidIn(f, FeedNutrient.Fd_C120_FA);
            f.C140In = FattyAcidIn(f, FeedNutrient.Fd_C140_FA);
            f.C160In = FattyAcidIn(f, FeedNutrient.Fd_C160_FA);
            f.C161In = FattyAcidIn(f, FeedNutrient.Fd_C161_FA);
            f.C180In = FattyAcidIn(f, FeedNutrient.Fd_C180_FA);
            f.C181tIn = FattyAcidIn(f, FeedNutrient.Fd_C181t_FA);
            f.C181cIn = FattyAcidIn(f, FeedNutrient.Fd_C181c_FA);
            f.C182In = FattyAcidIn(f, FeedNutrient.Fd_C182_FA);
            f.C183In = FattyAcidIn(f, FeedNutrient.Fd_C183_FA);
            f.OtherFaIn = FattyAcidIn(f, FeedNutrient.Fd_OtherFA_FA);
            f.DeBase = Energy.FeedDigestibleEnergyBaseMcalPerKg(f, _eq.UseDndfInVitro);
            f.DeInBase = f.DeBase * f.DmIn;
        }

        FinalCalfIntakes();
        DtAFIn = Sum(f => f.AfIn);
        DtNDFIn = Sum(f => f.NdfIn);
        DtNDFnfIn = Sum(f => f.NdfNf / 100 * f.DmIn);
        DtADFIn = Sum(f => f.AdfIn);
        DtLgIn = Sum(f => f.LgIn);
        DtForNDFIn = Sum(f => f.ForNdfIn);
        DtDigNDFInBase = Sum(f => f.DigNdfInBase);
        DtForWetIn = Sum(f => f.ForWet / 100 * f.DmIn);
        DtForDryIn = Sum(f => f.ForDry / 100 * f.DmIn);
        DtPastIn = Sum(f => f.Past / 100 * f.DmIn);
        DtPastSupplIn = Sum(f => f.DmIn) - DtPastIn;
        DtForIn = Sum(f => f.For / 100 * f.DmIn);
        DtConcIn = Sum(f => f.Conc / 100 * f.DmIn);
        DtNFCIn = Sum(f => f.Nfc / 100 * f.DmIn);
        DtStIn = Sum(f => f.StIn);
        DtWSCIn = Sum(f => f.Wsc / 100 * f.DmIn);
        DtCPIn = Sum(f => f.CpIn);
        DtCPInClfLiq = Sum(f => !f.IsCalfLiquid ? double.NaN : f.CpIn);
        DtTPIn = Sum(f => f.TpIn);
        DtNPNCPIn = Sum(f => f.NpnCpIn);
        DtNPNIn = Sum(f => f.NpnIn);
        DtNPNDMIn = Sum(f => f.NpnDmIn);
        DtCPAIn = Sum(f => f.CpaIn);
        DtCPBIn = Sum(f => f.CpbIn);
        DtCPCIn = Sum(f => f.CpcIn);
        DtRUPBIn = Sum(f => f.RupbIn);
        DtRUPIn = Math.Max(0, Sum(f => f.RupIn));
        DtCFatIn = Sum(f => f.CFatIn);
        DtFAIn = Sum(f => f.FaIn);
        DtFAhydrIn = Sum(f => f.FaHydrIn);
        DtC160In = Sum(f => f.C160In);
        DtC183In = Sum(f => f.C183In);
        DtAshIn = Sum(f => f.AshIn);
        DtOMIn = DtDMIn - DtAshIn;
        // Residual organic matter by difference; negative values (errors in analyses) are trapped.
        DtROMIn = Math.Max(0, DtDMIn - DtAshIn - DtNDFIn - DtStIn - DtFAhydrIn - DtTPIn - DtNPNDMIn);
        DtGEIn = Sum(f => f.GeIn);
        DtDEInBase = Sum(f => f.DeInBase);
        DtDEInBaseClfLiq = Sum(f => !f.IsCalfLiquid ? double.NaN : f.DeInBase);
        DtDEInBaseClfDry = Sum(f => f.IsCalfLiquid ? double.NaN : f.DeInBase);

        DtDM = DtDMIn / DtAFIn * 100;
        DtNDF = DtNDFIn / DtDMIn * 100;
        DtADF = DtADFIn / DtDMIn * 100;
        DtForNDF = DtForNDFIn / DtDMIn * 100;
        DtForWet = DtForWetIn / DtDMIn * 100;
        DtCP = DtCPIn / DtDMIn * 100;
        DtFA = DtFAIn / DtDMIn * 100;
        DtSt = DtStIn / DtDMIn * 100;

        // Minerals (g/d) and trace minerals (mg/d), vitamins (IU/d).
        DtCaIn = MacroIn(FeedNutrient.Fd_Ca);
        DtPIn = MacroIn(FeedNutrient.Fd_P);
        DtNaIn = MacroIn(FeedNutrient.Fd_Na);
        DtMgIn = MacroIn(FeedNutrient.Fd_Mg);
        DtMgInMin = Sum(f => f.Category != "Vitamin/Mineral" ? double.NaN : f.DmIn * f.Value(FeedNutrient.Fd_Mg) / 100 * 1000);
        DtKIn = MacroIn(FeedNutrient.Fd_K);
        DtClIn = MacroIn(FeedNutrient.Fd_Cl);
        DtSIn = MacroIn(FeedNutrient.Fd_S);
        DtCoIn = MicroIn(FeedNutrient.Fd_Co);
        DtCuIn = MicroIn(FeedNutrient.Fd_Cu);
        DtFeIn = MicroIn(FeedNutrient.Fd_Fe);
        DtIIn = MicroIn(FeedNutrient.Fd_I);
        DtMnIn = MicroIn(FeedNutrient.Fd_Mn);
        DtSeIn = MicroIn(FeedNutrient.Fd_Se);
        DtZnIn = MicroIn(FeedNutrient.Fd_Zn);
        DtVitAIn = MicroIn(FeedNutrient.Fd_VitA);
        DtVitDIn = MicroIn(FeedNutrient.Fd_VitD);
        DtVitEIn = MicroIn(FeedNutrient.Fd_VitE);
        DtK = DtKIn / DtDMIn / 1000 * 100;
        DtNa = DtNaIn / DtDMIn / 1000 * 100;
        DtCl = DtClIn / DtDMIn / 1000 * 100;
        DtS = DtSIn / DtDMIn / 1000 * 100;

        // No infusions: animal intakes equal diet intakes.
        AnDMIn = DtDMIn;
        AnDMInBW = AnDMIn / BW;
        AnNDF = DtNDF;
        AnCPIn = DtCPIn;
        AnNIn_g = AnCPIn * 0.16 * 1000;
        AnRUPIn = DtRUPIn;
        AnRDPIn = DtCPIn - DtRUPIn;
        AnRDP = AnRDPIn / DtDMIn * 100;

        var v = Values;
        v.Set("Dt_DMInSum", Sum(f => f.DmIn));
        v.Set("Dt_AFIn", DtAFIn);
        v.Set("Dt_DM", DtDM);
        v.Set("Dt_NDFIn", DtNDFIn);
        v.Set("Dt_NDFnfIn", DtNDFnfIn);
        v.Set("Dt_ADFIn", DtADFIn);
        v.Set("Dt_LgIn", DtLgIn);
        v.Set("Dt_ForNDFIn", DtForNDFIn);
        v.Set("Dt_ForWetIn", DtForWetIn);
        v.Set("Dt_ForDryIn", DtForDryIn);
        v.Set("Dt_PastIn", DtPastIn);
        v.Set("Dt_PastSupplIn", DtPastSupplIn);
        v.Set("Dt_ForIn", DtForIn);
        v.Set("Dt_ConcIn", DtConcIn);
        v.Set("Dt_NFCIn", DtNFCIn);
        v.Set("Dt_StIn", DtStIn);
        v.Set("Dt_WSCIn", DtWSCIn);
        v.Set("Dt_CPIn", DtCPIn);
        v.Set("Dt_TPIn", DtTPIn);
        v.Set("Dt_NPNCPIn", DtNPNCPIn);
        v.Set("Dt_NPNIn", DtNPNIn);
        v.Set("Dt_NPNDMIn", DtNPNDMIn);
        v.Set("Dt_CPAIn", DtCPAIn);
        v.Set("Dt_CPBIn", DtCPBIn);
        v.Set("Dt_CPCIn", DtCPCIn);
        v.Set("Dt_RUPBIn", DtRUPBIn);
        v.Set("Dt_RUPIn", DtRUPIn);
        v.Set("Dt_RDPIn", AnRDPIn);
        v.Set("Dt_RUP", DtRUPIn / DtDMIn * 100);
        v.Set("Dt_RUP_CP", DtRUPIn / DtCPIn * 100);
        v.Set("Dt_RDP", AnRDPIn / DtDMIn * 100);
        v.Set("Dt_CFatIn", DtCFatIn);
        v.Set("Dt_FAIn", DtFAIn);
        v.Set("Dt_FAhydrIn", DtFAhydrIn);
        v.Set("Dt_AshIn", DtAshIn);
        v.Set("Dt_OMIn", DtOMIn);
        v.Set("Dt_rOMIn", DtROMIn);
        v.Set("Dt_GEIn", DtGEIn);
        v.Set("Dt_DEIn_base", DtDEInBase);
        v.Set("Dt_NDF", DtNDF);
        v.Set("Dt_ADF", DtADF);
        v.Set("Dt_ForNDF", DtForNDF);
        v.Set("Dt_ForWet", DtForWet);
        v.Set("Dt_For", DtForIn / DtDMIn * 100);
        v.Set("Dt_Conc", DtConcIn / DtDMIn * 100);
        v.Set("Dt_CP", DtCP);
        v.Set("Dt_FA", DtFA);
        v.Set("Dt_St", DtSt);
        v.Set("Dt_NFC", DtNFCIn / DtDMIn * 100);
        v.Set("Dt_rOM", DtROMIn / DtDMIn * 100);
        v.Set("Dt_Ash", DtAshIn / DtDMIn * 100);
        v.Set("Dt_Lg", DtLgIn / DtDMIn * 100);
        v.Set("Dt_CaIn", DtCaIn);
        v.Set("Dt_PIn", DtPIn);
        v.Set("Dt_NaIn", DtNaIn);
        v.Set("Dt_MgIn", DtMgIn);
        v.Set("Dt_KIn", DtKIn);
        v.Set("Dt_ClIn", DtClIn);
        v.Set("Dt_SIn", DtSIn);
        v.Set("Dt_CoIn", DtCoIn);
        v.Set("Dt_CuIn", DtCuIn);
        v.Set("Dt_FeIn", DtFeIn);
        v.Set("Dt_IIn", DtIIn);
        v.Set("Dt_MnIn", DtMnIn);
        v.Set("Dt_SeIn", DtSeIn);
        v.Set("Dt_ZnIn", DtZnIn);
        v.Set("Dt_VitAIn", DtVitAIn);
        v.Set("Dt_VitDIn", DtVitDIn);
        v.Set("Dt_VitEIn", DtVitEIn);
        v.Set("Dt_Ca", DtCaIn / DtDMIn / 1000 * 100);
        v.Set("Dt_P", DtPIn / DtDMIn / 1000 * 100);
        v.Set("Dt_Mg", DtMgIn / DtDMIn / 1000 * 100);
        v.Set("Dt_K", DtK);
        v.Set("Dt_Na", DtNa);
        v.Set("Dt_Cl", DtCl);
        v.Set("Dt_S", DtS);
        v.Set("An_DMIn", AnDMIn);
        v.Set("An_DMIn_BW", AnDMInBW);
        v.Set("An_CPIn", AnCPIn);
        v.Set("An_NDF", AnNDF);
        v.Set("An_RUPIn", AnRUPIn);
        v.Set("An_RDPIn", AnRDPIn);
        v.Set("An_RDPIn_g", AnRDPIn * 1000);
        v.Set("An_RDP", AnRDP);
        v.Set("An_RUP", AnRUPIn / DtDMIn * 100);
        v.Set("An_CP", AnCPIn / DtDMIn * 100);
    }

    /// <summary>
    /// Liquid, forage and starter intakes of calves from the final feed intakes (NASEM 2021 Ch. 10;
    /// Eq. 2-13 starter intake): when intake is predicted, every feed is scaled to the predicted DMI,
    /// so the liquid-feed ME that drives starter intake, gut fill and efficiencies is recomputed.
    /// Forage intake is recorded for every animal, as in the NASEM software.
    /// </summary>
    private void FinalCalfIntakes()
    {
        DtDMInClfFor = Sum(f => (1 - f.Conc / 100) * f.DmIn);
        DtDMInClfLiq = _calf ? Sum(f => f.IsCalfLiquid ? f.DmIn : 0) : 0;
        DtDEInClfLiq = _calf ? Sum(f => f.IsCalfLiquid ? 0.95 * f.Ge * f.DmIn : 0) : 0;
        DtMEInClfLiq = 0.96 * DtDEInClfLiq;
        var starter = _a.Environment.TemperatureCelsius > Uct + 10
            ? DryMatterIntake.CalfStarterTropicalKg(BW, DtMEInClfLiq, _a.AgeStarterOfferedDays)
            : DryMatterIntake.CalfStarterTemperateKg(BW, DtMEInClfLiq, _a.AgeStarterOfferedDays);
        var calfSum = DtDMInClfLiq + starter + DtDMInClfFor;
        DtDMInClfStrt = _eq.DmiEquation == 0 && calfSum != TargetDmi ? TargetDmi - DtDMInClfLiq - DtDMInClfFor : starter;
        Values.Set("Dt_DMIn_ClfLiq", DtDMInClfLiq);
        Values.Set("Dt_DMIn_ClfFor", DtDMInClfFor);
        Values.Set("Dt_DMIn_ClfStrt", DtDMInClfStrt);
        Values.Set("Dt_DEIn_ClfLiq", DtDEInClfLiq);
        Values.Set("Dt_MEIn_ClfLiq", DtMEInClfLiq);
    }

    /// <summary>Sum over the diet's feeds, leaving out feeds whose value is unknown (NaN).</summary>
    private double Sum(Func<FeedRow, double> selector)
    {
        var total = 0.0;
        foreach (var f in _f)
        {
            var value = selector(f);
            if (!double.IsNaN(value))
            {
                total += value;
            }
        }

        return total;
    }

    private double MacroIn(FeedNutrient nutrient) => Sum(f => f.DmIn * f.Value(nutrient) / 100 * 1000);

    private double MicroIn(FeedNutrient nutrient) => Sum(f => f.DmIn * f.Value(nutrient));

    private static double FattyAcidIn(FeedRow f, FeedNutrient fattyAcid) => f.Value(fattyAcid) / 100 * f.Fa / 100 * f.DmIn;

    /// <summary>Ruminal and total-tract digestion of NDF, starch and residual OM (NASEM 2021 Ch. 3, 5).</summary>
    private void Digestion()
    {
        RumDcNDF = Digestibility.RumenNdfPercent(DtDMIn, DtNDF, DtSt, DtCP, DtADF, DtForWet);
        RumDcSt = Digestibility.RumenStarchPercent(DtDMIn, DtForNDF, DtSt, DtForWet);
        RumDigNDFIn = RumDcNDF / 100 * DtNDFIn;
        RumDigStIn = RumDcSt / 100 * DtStIn;

        // Residual OM: 96 % truly digestible, fecal endogenous rOM 3.43 % of DMI (Tebbe et al., 2017; NASEM 2021 Ch. 3).
        FeROMend = Digestibility.FecalEndogenousResidualOmPercentOfDmi / 100 * DtDMIn;
        DtDigrOMtIn = Sum(f => Digestibility.ResidualOmTrueDigestibilityPercent / 100 * f.ROm / 100 * f.DmIn);
        DtDigrOMaIn = DtDigrOMtIn - FeROMend;

        // Starch: base digestibility of each feed, discounted for intake above 3.5 % of BW.
        DtDigStInBase = Sum(f => f.St * f.DcSt / 100 / 100 * f.DmIn);
        var ttDcStBase = DtStIn > 0 ? DtDigStInBase / DtStIn * 100 : 0;
        TtDcSt = Digestibility.StarchTotalTractPercent(ttDcStBase, AnDMInBW);
        DtDigStIn = DtStIn * TtDcSt / 100;

        // NDF: base digestibility, discounted for starch and intake (Vandehaar/Weiss; NASEM 2021 Ch. 3).
        TtDcNDFBase = DtNDFIn > 0 ? DtDigNDFInBase / DtNDFIn * 100 : 0;
        TtDcNDF = Digestibility.NdfTotalTractPercent(TtDcNDFBase, DtStIn / DtDMIn, AnDMInBW);
        DtDigNDFIn = TtDcNDF / 100 * DtNDFIn;
        DtDigNDF = DtDigNDFIn / DtDMIn * 100;
        AnDigNDF = DtDigNDF;

        var v = Values;
        v.Set("Rum_dcNDF", RumDcNDF);
        v.Set("Rum_dcSt", RumDcSt);
        v.Set("Rum_DigNDFIn", RumDigNDFIn);
        v.Set("Rum_DigStIn", RumDigStIn);
        v.Set("Du_StPas", Math.Max(0, DtStIn - RumDigStIn));
        v.Set("Du_NDFPas", DtNDFIn - RumDigNDFIn);
        v.Set("Fe_rOMend", FeROMend);
        v.Set("Dt_DigrOMtIn", DtDigrOMtIn);
        v.Set("Dt_DigrOMaIn", DtDigrOMaIn);
        v.Set("Dt_DigStIn_Base", DtDigStInBase);
        v.Set("TT_dcSt_Base", ttDcStBase);
        v.Set("TT_dcSt", TtDcSt);
        v.Set("Dt_DigStIn", DtDigStIn);
        v.Set("An_DigStIn", DtDigStIn);
        v.Set("TT_dcNDF_Base", TtDcNDFBase);
        v.Set("TT_dcNDF", TtDcNDF);
        v.Set("Dt_DigNDFIn", DtDigNDFIn);
        v.Set("An_DigNDFIn", DtDigNDFIn);
        v.Set("Dt_DigNDF", DtDigNDF);
        v.Set("An_DigNDF", AnDigNDF);
        v.Set("Fe_NDF", DtNDFIn - DtDigNDFIn);
        v.Set("Fe_St", DtStIn - DtDigStIn);
    }

    /// <summary>Microbial N, endogenous flows, digested RUP and MP supply (NASEM 2021 Ch. 6).</summary>
    private void MicrobialAndProteinFlows()
    {
        DuMiNg = _eq.MicrobialNEquation switch
        {
            2 => MicrobialProtein.HaniganLinearMicrobialNGrams(RumDigStIn, RumDigNDFIn, AnRDPIn, DtROMIn, DtForNDFIn),
            3 => MicrobialProtein.WhiteNonlinearMicrobialNGrams(AnRDPIn, RumDigNDFIn, RumDigStIn),
            _ => MicrobialProtein.Nrc2021MicrobialNGrams(AnRDP, AnRDPIn, DtDMIn, RumDigNDFIn, RumDigStIn),
        };
        DuMiCPg = Math.Max(10, DuMiNg * 6.25); // truncated at 10 g/d to keep flows positive
        DuMiTPg = MicrobialProtein.MicrobialTrueProteinFraction * DuMiCPg;
        DuEndCPg = ProteinSupply.DuodenalEndogenousCpGrams(DtDMIn);
        var duEndNg = 15.4 + 1.21 * DtDMIn;
        DuIdMiCPg = MicrobialProtein.MicrobialIntestinalDigestibilityPercent / 100 * DuMiCPg;
        DuIdMiTPg = MicrobialProtein.MicrobialTrueProteinFraction * DuIdMiCPg;

        FeCPendg = ProteinSupply.FecalEndogenousCpGrams(_calf, _eq.NonMilkCpCalfLiquid > 0, AnNDF, DtDMIn, DtDMInClfLiq, AnDMIn);
        var feCPend = FeCPendg / 1000;
        FeNPendg = feCPend * 0.73 * 1000;

        foreach (var f in _f)
        {
            f.IdRupIn = f.DcRup / 100 * f.RupIn;
        }

        DtIdRUPIn = Sum(f => f.IdRupIn);
        AnIdRUPIn = DtIdRUPIn;
        FeRumMiCP = (DuMiCPg - DuIdMiCPg) / 1000;
        FeMiTP = (DuMiTPg - DuIdMiTPg) / 1000;
        var feRUP = AnRUPIn - AnIdRUPIn;
        var dcCpClfDry = _calf && DtDMInClfLiq < 0.01 ? 0.70 : 0.75;
        FeCP = _calf
            ? (1 - 0.95) * DtCPInClfLiq + (1 - dcCpClfDry) * (AnCPIn - DtCPInClfLiq) + feCPend
            : feRUP + FeRumMiCP + feCPend;
        var feTP = feRUP + FeMiTP + FeNPendg / 1000;

        var dtRDTPIn = AnRDPIn - DtNPNCPIn * ProteinSupply.NpnDigestibilityPercent / 100;
        AnRDTPIn = dtRDTPIn;
        var dtDigCPaIn = DtCPIn - FeCP;
        var dtDigCPtIn = _calf ? dtDigCPaIn + feCPend : AnRDPIn + DtIdRUPIn;
        AnDigCPaIn = dtDigCPaIn;
        AnDigCPtIn = _calf ? dtDigCPtIn : AnRDPIn + AnIdRUPIn;
        AnDigTPaIn = DtTPIn - FeCP;

        // MP = digested RUP + digested microbial true protein; calves: apparent digestible CP + endogenous.
        AnMPIn = _calf ? AnDigCPtIn : AnIdRUPIn + DuIdMiTPg / 1000;
        AnMPIn_g = AnMPIn * 1000;

        var v = Values;
        v.Set("Du_MiN_g", DuMiNg);
        v.Set("Du_MiN_NRC2021_g", MicrobialProtein.Nrc2021MicrobialNGrams(AnRDP, AnRDPIn, DtDMIn, RumDigNDFIn, RumDigStIn));
        v.Set("Du_MiN_VTln_g", MicrobialProtein.HaniganLinearMicrobialNGrams(RumDigStIn, RumDigNDFIn, AnRDPIn, DtROMIn, DtForNDFIn));
        v.Set("Du_MiN_VTnln_g", MicrobialProtein.WhiteNonlinearMicrobialNGrams(AnRDPIn, RumDigNDFIn, RumDigStIn));
        v.Set("Du_MiCP_g", DuMiCPg);
        v.Set("Du_MiCP", DuMiCPg / 1000);
        v.Set("Du_MiTP_g", DuMiTPg);
        v.Set("An_RDPbal_g", AnRDPIn * 1000 - DuMiCPg);
        // NASEM's balance is ≥ 0 by construction (microbial N capped at RDP N). Against the microbial CP predicted before that
        // cap it says whether RDP covers what the digested NDF and starch would grow: the ruminal N balance guard rail.
        v.Set("An_RDPbal_uncapped_g", AnRDPIn * 1000 - Math.Max(10, 6.25 * (_eq.MicrobialNEquation switch
        {
            2 or 3 => DuMiNg,
            _ => MicrobialProtein.Nrc2021MicrobialNGramsBeforeCap(AnRDP, AnRDPIn, DtDMIn, RumDigNDFIn, RumDigStIn),
        })));
        v.Set("Du_EndCP_g", DuEndCPg);
        v.Set("Du_EndN_g", duEndNg);
        v.Set("Du_NAN_g", DuMiNg + AnRUPIn * 0.16 * 1000 + duEndNg);
        v.Set("Du_idMiCP_g", DuIdMiCPg);
        v.Set("Du_idMiTP_g", DuIdMiTPg);
        v.Set("Du_idMiTP", DuIdMiTPg / 1000);
        v.Set("Fe_CPend_g", FeCPendg);
        v.Set("Fe_CPend", feCPend);
        v.Set("Fe_NPend_g", FeNPendg);
        v.Set("Dt_idRUPIn", DtIdRUPIn);
        v.Set("An_idRUPIn", AnIdRUPIn);
        v.Set("Dt_idcRUP", DtRUPIn > 0 ? DtIdRUPIn / DtRUPIn * 100 : 0);
        v.Set("Fe_RUP", feRUP);
        v.Set("Fe_RumMiCP", FeRumMiCP);
        v.Set("Fe_MiTP", FeMiTP);
        v.Set("Fe_CP", FeCP);
        v.Set("Fe_TP", feTP);
        v.Set("Fe_N", FeCP * 0.16);
        v.Set("Fe_N_g", FeCP * 0.16 * 1000);
        v.Set("Dt_RDTPIn", dtRDTPIn);
        v.Set("Dt_DigCPaIn", dtDigCPaIn);
        v.Set("Dt_DigCPtIn", dtDigCPtIn);
        v.Set("An_DigCPaIn", AnDigCPaIn);
        v.Set("An_DigCPtIn", AnDigCPtIn);
        v.Set("TT_dcDtCPa", dtDigCPaIn / DtCPIn * 100);
        v.Set("TT_dcAnCPa", AnDigCPaIn / AnCPIn * 100);
        v.Set("Dt_MPIn", AnMPIn);
        v.Set("An_MPIn", AnMPIn);
        v.Set("An_MPIn_g", AnMPIn_g);
        v.Set("An_MP", AnMPIn / DtDMIn * 100);
        v.Set("An_MP_CP", AnMPIn / AnCPIn);
        v.Set("Rum_MiCP_DigCHO", DuMiCPg / 1000 / (RumDigNDFIn + RumDigStIn));
    }

    /// <summary>Fatty acid digestion with category defaults (Daley et al., 2020; NASEM 2021 Ch. 4).</summary>
    private void FatDigestion()
    {
        foreach (var f in _f)
        {
            var dc = f.DcFaInput;
            if (double.IsNaN(dc))
            {
                dc = f.Category == "Fatty Acid Supplement" ? 73 : 68;
            }

            if (_calf && !f.IsCalfLiquid && f.Feed.Type == FeedType.Concentrate)
            {
                dc = 81; // all calf dry concentrates
            }

            if (double.IsNaN(f.DcFaInput) && _calf && f.IsCalfLiquid)
            {
                dc = 81; // calf liquid feeds without a value
            }

            f.TtDcFa = dc;
            f.DigFaIn = dc / 100 * f.Fa / 100 * f.DmIn;
            f.DigC160In = dc / 100 * f.C160In;
            f.DigC183In = dc / 100 * f.C183In;
        }

        DtDigFAIn = Sum(f => f.DigFaIn);
        Values.Set("Dt_DigFAIn", DtDigFAIn);
        Values.Set("An_DigFAIn", DtDigFAIn);
        Values.Set("TT_dcDtFA", DtFAIn > 0 ? DtDigFAIn / DtFAIn * 100 : 0);
        Values.Set("Dt_DigC160In", Sum(f => f.DigC160In));
        Values.Set("Dt_DigC183In", Sum(f => f.DigC183In));
        Values.Set("Fe_FA", DtFAIn - DtDigFAIn);
    }

    /// <summary>GE, DE from digested nutrients, methane energy, urinary energy later (NASEM 2021 Ch. 3).</summary>
    private void EnergySupply()
    {
        AnGEIn = DtGEIn;
        AnDEStIn = DtDigStIn * Energy.CombustionStarch;
        AnDErOMIn = DtDigrOMaIn * Energy.CombustionResidualOm;
        AnDENDFIn = DtDigNDFIn * Energy.CombustionNdf;
        var deCpIn = AnDigCPaIn * Energy.CombustionCp;
        AnDENPNCPIn = DtNPNCPIn * ProteinSupply.NpnDigestibilityPercent / 100 * Energy.CombustionNpnCp;
        // Digested TP by difference: DE of digested CP less the CP equivalent of NPN at protein energy.
        var deTpIn = deCpIn - AnDENPNCPIn / Energy.CombustionNpnCp * Energy.CombustionCp;
        AnDEFAIn = DtDigFAIn * Energy.CombustionFa;
        var dtDEIn = AnDENDFIn + AnDEStIn + AnDErOMIn + deTpIn + AnDENPNCPIn + AnDEFAIn;
        // Milk-fed calves: DE from ingredient values, not digested nutrients (as the NASEM software does).
        if (_calf && DtDMInClfLiq > 0)
        {
            dtDEIn = DtDEInBaseClfLiq + DtDEInBaseClfDry;
        }

        if (_eq.Monensin == 1)
        {
            dtDEIn *= 1.02; // monensin raises DE 2 % (NASEM 2021 Ch. 3)
        }

        AnDEIn = dtDEIn;
        AnDEInp = AnDEIn - deTpIn - AnDENPNCPIn; // non-protein DE, drives milk protein (Eq. 6-6)

        AnGasEOut = Methane.GasEnergyMcal(_a.State, DtDMIn, DtFA, AnDigNDF, AnGEIn, AnNDF);
        if (_eq.Monensin == 1)
        {
            AnGasEOut *= 0.95;
        }

        var v = Values;
        v.Set("An_GEIn", AnGEIn);
        v.Set("An_GE", AnGEIn / AnDMIn);
        v.Set("Dt_DEStIn", AnDEStIn);
        v.Set("Dt_DErOMIn", AnDErOMIn);
        v.Set("Dt_DENDFIn", AnDENDFIn);
        v.Set("Dt_DECPIn", deCpIn);
        v.Set("Dt_DETPIn", deTpIn);
        v.Set("Dt_DENPNCPIn", AnDENPNCPIn);
        v.Set("Dt_DEFAIn", AnDEFAIn);
        v.Set("An_DEStIn", AnDEStIn);
        v.Set("An_DErOMIn", AnDErOMIn);
        v.Set("An_DENDFIn", AnDENDFIn);
        v.Set("An_DECPIn", deCpIn);
        v.Set("An_DETPIn", deTpIn);
        v.Set("An_DENPNCPIn", AnDENPNCPIn);
        v.Set("An_DEFAIn", AnDEFAIn);
        v.Set("Dt_DEIn", dtDEIn);
        v.Set("An_DEIn", AnDEIn);
        v.Set("Dt_DE", dtDEIn / DtDMIn);
        v.Set("An_DE", AnDEIn / AnDMIn);
        v.Set("An_DE_GE", AnDEIn / AnGEIn);
        v.Set("An_DEInp", AnDEInp);
        v.Set("An_GasEOut", AnGasEOut);
        v.Set("Dt_GasEOut", Methane.DietGasEnergyMcal(_a.State, DtDMIn, DtFA, DtDigNDF, DtGEIn, DtNDF) * (_eq.Monensin == 1 ? 0.95 : 1));
        v.Set("Fe_DEout", AnGEIn - AnDEIn);
        var dtTdn = Dt(DtDigStIn) + DtDigNDF + Dt(DtDigrOMaIn) + Dt(AnDigCPaIn) + Dt(DtDigFAIn) * 2.25;
        v.Set("Dt_TDN", dtTdn);
        v.Set("Dt_TDNIn", dtTdn / 100 * DtDMIn);
    }

    private double Dt(double intakeKg) => intakeKg / DtDMIn * 100;

    /// <summary>Essential amino acid flows and absorption (NASEM 2021 Ch. 6).</summary>
    private void AminoAcidSupply()
    {
        var duAa = new double[10];
        for (var i = 0; i < 10; i++)
        {
            var aa = (AminoAcid)i;
            var recovery = AminoAcids.HydrolysisRecovery(aa);
            double dtIn = 0, rupIn = 0, idRupIn = 0;
            foreach (var f in _f)
            {
                // Feed AA (g/100 g CP) corrected to true AA for 24-h hydrolysis recovery.
                var trueAaCp = f.Value(AminoAcids.FeedColumn(aa)) / recovery;
                f.AaIn[i] = f.CpIn > 0 ? trueAaCp / 100 * f.Cp / 100 * f.DmIn * 1000 : 0;
                f.AaRupIn[i] = f.RupIn > 0 ? trueAaCp / 100 * f.RupIn * 1000 : 0;
                f.IdAaRupIn[i] = f.AaRupIn[i] > 0 ? f.DcRup / 100 * f.AaRupIn[i] : 0;
                dtIn += f.AaIn[i];
                rupIn += f.AaRupIn[i];
                idRupIn += f.IdAaRupIn[i];
            }

            var mic = DuMiTPg * AminoAcids.MicrobialProfile(aa) / 100;
            var endogenous = DuEndCPg * AminoAcids.EndogenousProfile(aa) / 100;
            duAa[i] = rupIn + mic + endogenous;
            var idMic = mic * MicrobialProtein.MicrobialIntestinalDigestibilityPercent / 100;
            _absAa[i] = idMic + idRupIn;
            Values.Set(AaKey.Of("Dt_AAIn", aa), dtIn);
            Values.Set(AaKey.Intake(aa), dtIn);
            Values.Set(AaKey.Of("Dt_AARUPIn", aa), rupIn);
            Values.Set(AaKey.Of("Du_AAMic", aa), mic);
            Values.Set(AaKey.Of("Du_AAEndP", aa), endogenous);
            Values.Set(AaKey.Of("Du_AA", aa), duAa[i]);
            Values.Set(AaKey.Of("Dt_IdAARUPIn", aa), idRupIn);
            Values.Set(AaKey.Of("Du_IdAAMic", aa), idMic);
            Values.Set(AaKey.Of("Abs_AA_g", aa), _absAa[i]);
            Values.Set(AaKey.Of("Abs_AA_MPp", aa), _absAa[i] / AnMPIn_g * 100);
            Values.Set(AaKey.Of("Abs_AA_mol", aa), _absAa[i] / AminoAcids.MolecularWeight(aa));
        }

        AbsEAAg = _absAa.Sum();
        AbsNeAAg = AnMPIn_g * 1.15 - AbsEAAg; // MP × 1.15 hydrated AA, less EAA
        Values.Set("Abs_EAA_g", AbsEAAg);
        Values.Set("Abs_neAA_g", AbsNeAAg);
        Values.Set("Du_EAA_g", duAa.Sum());
        for (var i = 0; i < 10; i++)
        {
            Values.Set(AaKey.Of("Abs_AA_p", (AminoAcid)i), _absAa[i] / AbsEAAg * 100);
        }
    }

    /// <summary>Absorbed minerals from feed absorption coefficients (NASEM 2021 Ch. 7).</summary>
    private void MineralAbsorption()
    {
        var liquid = DtDMInClfLiq > 0;
        // Feeds without an absorption coefficient contribute nothing (the software sums with na.rm).
        double Absorbed(FeedNutrient content, Func<FeedRow, double> coefficient, bool macro) =>
            _f.Select(f => f.DmIn * f.Value(content) * (macro ? 1000.0 / 100 : 1) * coefficient(f)).Where(x => !double.IsNaN(x)).Sum();

        double CalfOr(FeedRow f, FeedNutrient input, double liquidValue, double dryValue) =>
            _calf ? (liquid ? liquidValue : dryValue) : f.Feed[input];

        AbsCaIn = Absorbed(FeedNutrient.Fd_Ca, f => CalfOr(f, FeedNutrient.Fd_acCa_input, 1, 0.60), true);
        AbsPIn = Absorbed(FeedNutrient.Fd_P, f => _calf ? (liquid ? 1 : 0.75)
            : f.Category == "Vitamin/Mineral" ? f.Feed[FeedNutrient.Fd_acPtot_input]
            : f.Value(FeedNutrient.Fd_Pinorg_P) * 0.0084 + f.Value(FeedNutrient.Fd_Porg_P) * 0.0068, true);
        AbsNaIn = Absorbed(FeedNutrient.Fd_Na, f => _calf ? 1 : f.Feed[FeedNutrient.Fd_acNa_input], true);
        AbsKIn = Absorbed(FeedNutrient.Fd_K, f => _calf ? 1 : f.Feed[FeedNutrient.Fd_acK_input], true);
        AbsClIn = Absorbed(FeedNutrient.Fd_Cl, f => CalfOr(f, FeedNutrient.Fd_acCl_input, 1, 0.92), true);
        // Mg absorption falls with dietary K and with Mg from mineral sources (NASEM 2021 Ch. 7).
        var dtAcMg = _calf ? 1 : Minerals.MagnesiumAbsorptionFraction(DtK, DtMgIn > 0 ? DtMgInMin / DtMgIn * 100 : 0);
        AbsMgIn = dtAcMg * DtMgIn;
        AbsCoIn = Absorbed(FeedNutrient.Fd_Co, _ => _calf ? 0 : 1, false);
        AbsCuIn = Absorbed(FeedNutrient.Fd_Cu, f => CalfOr(f, FeedNutrient.Fd_acCu_input, 1, 0.10), false);
        AbsFeIn = Absorbed(FeedNutrient.Fd_Fe, f => CalfOr(f, FeedNutrient.Fd_acFe_input, 1, 0.10), false);
        AbsMnIn = Absorbed(FeedNutrient.Fd_Mn, f => CalfOr(f, FeedNutrient.Fd_acMn_input, 1, 0.005), false);
        AbsZnIn = Absorbed(FeedNutrient.Fd_Zn, f => CalfOr(f, FeedNutrient.Fd_acZn_input, 1, 0.20), false);

        var v = Values;
        v.Set("Abs_CaIn", AbsCaIn);
        v.Set("Abs_PIn", AbsPIn);
        v.Set("Abs_NaIn", AbsNaIn);
        v.Set("Abs_MgIn", AbsMgIn);
        v.Set("Dt_acMg", dtAcMg);
        v.Set("Abs_KIn", AbsKIn);
        v.Set("Abs_ClIn", AbsClIn);
        v.Set("Abs_CoIn", AbsCoIn);
        v.Set("Abs_CuIn", AbsCuIn);
        v.Set("Abs_FeIn", AbsFeIn);
        v.Set("Abs_MnIn", AbsMnIn);
        v.Set("Abs_ZnIn", AbsZnIn);
    }
}
