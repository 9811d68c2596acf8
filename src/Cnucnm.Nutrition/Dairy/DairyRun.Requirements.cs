namespace Cnucnm.Nutrition.Dairy;

internal sealed partial class DairyRun
{
    // Maintenance protein, g/d.
    private double ScrfCPg, ScrfNPg, UrNPendg, UrNendg;
    private readonly double[] _scrfAa = new double[10], _feMetAa = new double[10], _urEndAa = new double[10];

    // Milk.
    private double MlkNPg, MlkFatg, MlkProd, MlkProdComp, TrgMlkNPg, MlkCPg, MlkProdMPalow, MlkProdNEalow;
    private readonly double[] _mlkAa = new double[10];

    // Gestation.
    private double GrUterWt, UterWt, FetWt, GrUterBWgain, GestREgain, GestNPuseg, GestNCPgaing;
    private bool Pregnant;

    // Body.
    private double BWempty, BWmatureEmpty, GutFillBW, BodyGain, BodyGainEmpty, FrmGainEmpty, RsrvGainEmpty, FrmFatgain, RsrvFatgain, BodyFatgain, FrmNPgain, RsrvNPgain, BodyNPgaing, BodyCPgaing, NPGainFrmGain, FrmCPgain, RsrvCPgain, AnREgain, FatGainFrmGain, CPGainFrmGain;

    // Protein use.
    private bool HeiferMinimumBinding;
    private double HeiferMpPerMcal;
    private double KgMPNPTrg, AnMPuseGTrg, MlkMPUseGTrg, GestMPUseGTrg, BodyMPUseGTrg, AnMPmGTrg, FrmMPUseGTrg, RsrvMPUseGTrg;

    // Energy use.
    private double AnMEIn, AnNEIn, AnMEmUse, AnNEmUse, GestMEuse, AnMEgain, FrmMEgain, RsrvMEgain, TrgMlkNEout, TrgMlkMEout, MlkNEout, MlkMEout, MlkNPMilk, UrDEout, UrNoutg;

    /// <summary>Scurf, metabolic fecal and endogenous urinary protein and AA (NASEM 2021 Ch. 6).</summary>
    private void MaintenanceProtein()
    {
        ScrfCPg = Maintenance.ScurfCpGrams(BW, _calf);
        ScrfNPg = ScrfCPg * Growth.BodyNpPerCp;
        UrNendg = Maintenance.UrinaryEndogenousNGrams(BW);
        UrNPendg = Maintenance.UrinaryEndogenousNpGrams(BW, _calf);
        var urEaaEndg = 0.010 * 6.25 * BW; // MP-EAA used for urea and 3-methylhistidine
        var urNPend3MHg = (7.84 + 0.55 * BW) / 1000;
        for (var i = 0; i < 10; i++)
        {
            var aa = (AminoAcid)i;
            _scrfAa[i] = ScrfNPg * AminoAcids.ScurfProfile(aa) / 100;
            _feMetAa[i] = FeNPendg * AminoAcids.MetabolicFecalProfile(aa) / 100;
            _urEndAa[i] = urEaaEndg * AminoAcids.BodyProfile(aa) / 100 + (aa == AminoAcid.His ? urNPend3MHg : 0);
            Values.Set(AaKey.Of("Scrf_AA_g", aa), _scrfAa[i]);
            Values.Set(AaKey.Of("Fe_AAMet_g", aa), _feMetAa[i]);
            Values.Set(AaKey.Of("Ur_AAEnd_g", aa), _urEndAa[i]);
        }

        Values.Set("Scrf_CP_g", ScrfCPg);
        Values.Set("Scrf_NP_g", ScrfNPg);
        Values.Set("Ur_Nend_g", UrNendg);
        Values.Set("Ur_NPend_g", UrNPendg);
        Values.Set("Ur_EAAEnd_g", _urEndAa.Sum());
        Values.Set("An_NPm_Use", ScrfNPg + FeNPendg + UrNPendg);
        Values.Set("An_CPm_Use", ScrfCPg + FeCPendg + UrNPendg);
    }

    /// <summary>Milk protein (NASEM 2021 Eq. 6-6 family), milk fat and component-predicted milk (Ch. 6).</summary>
    private void MilkProteinAndFat()
    {
        var set = Lactation.ProteinEquations[Math.Max(0, _eq.MilkProteinEquation - 1)];
        // Scale the maximal response to each EAA to the herd's genetic merit (280 kg/305 d = none).
        var fMax = 1.0 + 1.0 * (_a.HerdMilkTrueProtein305Kg / 280 - 1);
        var k = new double[10];
        var mx2 = new double[10];
        for (var i = 0; i < 10; i++)
        {
            var mx = -set.Aa[i] * set.Aa[i] / (4 * set.Squared);
            var atMx = -set.Aa[i] / (2 * set.Squared);
            var at10 = atMx * 0.1 * set.Aa[i] + Math.Pow(atMx * 0.1, 2) * set.Squared;
            mx2[i] = mx * fMax;
            k[i] = -(2 * Math.Sqrt(mx2[i] * mx2[i] - at10 * mx2[i]) - 2 * mx2[i]) / (atMx * 0.1);
            if (double.IsNaN(k[i]))
            {
                k[i] = 0;
            }
        }

        var met = (int)AminoAcid.Met;
        var metAtMx = -set.Aa[met] / (2 * set.Squared);
        var metAt10 = metAtMx * 0.1 * set.Aa[met] + Math.Pow(metAtMx * 0.1, 2) * set.Squared;
        var kSquared = (2 * Math.Sqrt(mx2[met] * mx2[met] - metAt10 * mx2[met]) - 2 * mx2[met] + metAt10) / Math.Pow(metAtMx * 0.1, 2);

        double Sq(AminoAcid aa) => _absAa[(int)aa] * _absAa[(int)aa];
        var squared = _eq.MilkProteinEquation switch
        {
            2 => Sq(AminoAcid.Arg) + Sq(AminoAcid.His) + Sq(AminoAcid.Ile) + Sq(AminoAcid.Leu) + Sq(AminoAcid.Lys) + Sq(AminoAcid.Met),
            3 => Sq(AminoAcid.His) + Sq(AminoAcid.Ile) + Sq(AminoAcid.Leu) + Sq(AminoAcid.Lys) + Sq(AminoAcid.Met) + Sq(AminoAcid.Thr),
            _ => Sq(AminoAcid.His) + Sq(AminoAcid.Ile) + Sq(AminoAcid.Leu) + Sq(AminoAcid.Lys) + Sq(AminoAcid.Met),
        };
        var otherAa = AbsNeAAg + _absAa[(int)AminoAcid.Arg] + _absAa[(int)AminoAcid.Phe] + _absAa[(int)AminoAcid.Thr]
                      + _absAa[(int)AminoAcid.Trp] + _absAa[(int)AminoAcid.Val];
        var deStFa = AnDEStIn + AnDEFAIn + AnDErOMIn;
        var predicted = set.Intercept + Enumerable.Range(0, 10).Sum(i => _absAa[i] * k[i]) + AbsNeAAg * set.Neaa + otherAa * set.OtherAa
                        + squared * kSquared + AnDEInp * set.DeInp + (AnDigNDF - 17.06) * set.DigNdf + deStFa * set.DeStFa
                        + AnDENDFIn * set.DeNdf + (BW - 612) * set.BodyWeight;
        var maximum = set.Intercept + mx2.Where((_, i) => (AminoAcid)i is not AminoAcid.Phe and not AminoAcid.Trp).Sum()
                      + AnDEInp * set.DeInp + (AnDigNDF - 17.06) * set.DigNdf + (BW - 612) * set.BodyWeight
                      + AbsNeAAg * set.Neaa + otherAa * set.OtherAa;
        Values.Set("Mlk_NP_g_pred", predicted);
        Values.Set("Mlk_NPmx", maximum);
        Values.Set("f_mPrt_max", fMax);
        Values.Set("Abs_EAA2b_g", squared);
        Values.Set("Abs_OthAA_g", otherAa);

        TrgMlkNPg = _a.TargetMilkKgPerDay * 1000 * _a.TargetMilkTrueProteinPercent / 100;
        MlkNPg = _eq.MilkProteinEquation == 0 ? TrgMlkNPg : _lactating ? predicted : 0;
        MlkCPg = MlkNPg / 0.95;
        // Milk NP as a share of the maximum at this herd's genetic merit (0.8 or more: merit set too low).
        Values.Set("MlkNP_MlkNPmx", MlkNPg / maximum);
        for (var i = 0; i < 10; i++)
        {
            _mlkAa[i] = MlkNPg * AminoAcids.MilkProfile((AminoAcid)i) / 100;
            Values.Set(AaKey.Of("Mlk_AA_g", (AminoAcid)i), _mlkAa[i]);
        }

        var fatPredicted = _lactating
            ? Lactation.MilkFatGrams(LactDay, DtDMIn, DtFAIn, Values["Dt_DigC160In"], Values["Dt_DigC183In"], _absAa[(int)AminoAcid.Ile], _absAa[(int)AminoAcid.Met])
            : 0;
        var trgMlkFatg = _a.TargetMilkKgPerDay * _a.TargetMilkFatPercent / 100 * 1000;
        MlkFatg = _eq.MilkFatEquation == 0 ? trgMlkFatg : fatPredicted;
        MlkProdComp = Lactation.ComponentMilkKg(MlkNPg / 1000, MlkFatg / 1000, AnDEIn, LactDay, Parity, _a.Breed);
        MlkProd = _lactating && _eq.MilkProductionEquation == 1 ? MlkProdComp : _a.TargetMilkKgPerDay;

        Values.Set("Trg_Mlk_NP_g", TrgMlkNPg);
        Values.Set("Mlk_NP_g", MlkNPg);
        Values.Set("Mlk_NP", MlkNPg / 1000);
        Values.Set("Mlk_CP_g", MlkCPg);
        Values.Set("Mlk_EAA_g", _mlkAa.Sum());
        Values.Set("Mlk_Fatemp_g", fatPredicted);
        Values.Set("Trg_Mlk_Fat_g", trgMlkFatg);
        Values.Set("Mlk_Fat_g", MlkFatg);
        Values.Set("Mlk_Fat", MlkFatg / 1000);
        Values.Set("Mlk_Prod_comp", MlkProdComp);
    }

    /// <summary>Gravid uterus growth, energy and protein deposition (NASEM 2021 Ch. 3 and 6).</summary>
    private void GestationUse()
    {
        Pregnant = GestDay > 0 && GestDay <= GestLength;
        UterWt = Gestation.UterusKg(_a.CalfBirthWeightKg, GestDay, GestLength, _a.AgeDays, LactDay, Parity);
        GrUterWt = Pregnant ? Math.Max(UterWt, Gestation.GravidUterusKg(_a.CalfBirthWeightKg, GestDay, GestLength)) : UterWt;
        FetWt = Gestation.FetusKg(_a.CalfBirthWeightKg, GestDay, GestLength);
        var uterGain = Gestation.UterusGainKgPerDay(UterWt, GestDay, GestLength, LactDay);
        GrUterBWgain = Gestation.GravidUterusGainKgPerDay(GrUterWt, UterWt, GestDay, GestLength, LactDay);
        var fetGain = Gestation.FetusGainKgPerDay(FetWt, GestDay, GestLength);
        GestREgain = Gestation.RetainedEnergyMcal(GrUterBWgain);
        GestNCPgaing = GrUterBWgain * Gestation.CpPerKgGravidUterus * 1000;
        GestNPuseg = GestNCPgaing * Growth.BodyNpPerCp;
        for (var i = 0; i < 10; i++)
        {
            Values.Set(AaKey.Of("Gest_AA_g", (AminoAcid)i), GestNPuseg * AminoAcids.BodyProfile((AminoAcid)i) / 100);
        }

        var v = Values;
        v.Set("An_Preg", Pregnant ? 1 : 0);
        v.Set("Uter_Wt", UterWt);
        v.Set("GrUter_Wt", GrUterWt);
        v.Set("Fet_Wt", FetWt);
        v.Set("Uter_BWgain", uterGain);
        v.Set("GrUter_BWgain", GrUterBWgain);
        v.Set("Fet_BWgain", fetGain);
        v.Set("Conc_BWgain", GrUterBWgain - uterGain);
        v.Set("Gest_REgain", GestREgain);
        v.Set("Gest_NCPgain_g", GestNCPgaing);
        v.Set("Gest_NPgain_g", GestNPuseg);
        v.Set("Gest_NPuse_g", GestNPuseg);
        v.Set("Gest_CPuse_g", GestNPuseg / Growth.BodyNpPerCp);
    }

    /// <summary>Body weights, gut fill, body composition and the composition of gain (NASEM 2021 Ch. 3, 6, 10, 11).</summary>
    private void BodyCompositionAndGain()
    {
        var bwBcs = 0.094 * BW; // kg of BW per unit of BCS (5-point scale)
        var bwNp = BW - GrUterWt;
        var bwNp3 = bwNp / (1 + 0.094 * (_a.BodyConditionScore - 3));
        GutFillBW = Growth.GutFillFraction(_a.State, Parity, DtDMInClfLiq, DtDMInClfStrt, BW, MatureBW);
        var gutFillWt = GutFillBW * bwNp;
        BWempty = BW - gutFillWt;
        BWmatureEmpty = MatureBW * (1 - 0.18);
        var bwNpEmpty = bwNp - gutFillWt;

        var frmGain = _a.TargetFrameGainKgPerDay;
        var rsrvGain = _a.TargetReserveGainKgPerDay;
        BodyGain = frmGain + rsrvGain;
        FrmGainEmpty = DtDMInClfLiq > 0 && DtDMInClfStrt > 0 ? frmGain * 0.91 : frmGain * (1 - GutFillBW);
        RsrvGainEmpty = rsrvGain; // no gut fill with reserves
        BodyGainEmpty = FrmGainEmpty + RsrvGainEmpty;

        var calfRE = Growth.CalfRetainedEnergyMcal(BodyGainEmpty, BWempty);
        FatGainFrmGain = Growth.FatPerFrameGain(_calf, calfRE, BW, MatureBW);
        if (double.IsNaN(FatGainFrmGain))
        {
            FatGainFrmGain = 0;
        }

        FrmFatgain = FatGainFrmGain * FrmGainEmpty;
        RsrvFatgain = Growth.FatPerReserveGain * RsrvGainEmpty;
        BodyFatgain = FrmFatgain + RsrvFatgain;
        CPGainFrmGain = Growth.CpPerFrameGain(BW, MatureBW);
        NPGainFrmGain = CPGainFrmGain * Growth.BodyNpPerCp;
        FrmNPgain = _calf
            ? (166.22 * BodyGainEmpty + 6.13 * calfRE / BodyGainEmpty) / 1000 // NASEM 2021 Ch. 10, calves
            : NPGainFrmGain * FrmGainEmpty;
        if (double.IsNaN(FrmNPgain))
        {
            FrmNPgain = 0;
        }

        FrmCPgain = FrmNPgain / Growth.BodyNpPerCp;
        RsrvNPgain = Growth.CpPerReserveGain * Growth.BodyNpPerCp * RsrvGainEmpty;
        // Departure (origin defect D13): reserves CP gain uses the reserves CP fraction, not the frame's.
        RsrvCPgain = Growth.CpPerReserveGain * RsrvGainEmpty;
        BodyNPgaing = (FrmNPgain + RsrvNPgain) * 1000;
        BodyCPgaing = BodyNPgaing / Growth.BodyNpPerCp;
        var bodyNonFatGain = BodyGainEmpty - BodyFatgain;
        AnREgain = Growth.RetainedEnergyMcal(BodyFatgain, BodyCPgaing / 1000);
        for (var i = 0; i < 10; i++)
        {
            Values.Set(AaKey.Of("Body_AAGain_g", (AminoAcid)i), BodyNPgaing * AminoAcids.BodyProfile((AminoAcid)i) / 100);
        }

        var v = Values;
        v.Set("BW_BCS", bwBcs);
        v.Set("An_BWnp", bwNp);
        v.Set("An_BWnp3", bwNp3);
        v.Set("An_GutFill_BW", GutFillBW);
        v.Set("An_GutFill_Wt", gutFillWt);
        v.Set("An_BW_empty", BWempty);
        v.Set("An_BWmature_empty", BWmatureEmpty);
        v.Set("An_BWnp_empty", bwNpEmpty);
        v.Set("Body_Fat_EBW", 0.067 + 0.188 * BW / MatureBW);
        v.Set("Frm_Gain", frmGain);
        v.Set("Rsrv_Gain", rsrvGain);
        v.Set("Body_Gain", BodyGain);
        v.Set("Frm_Gain_empty", FrmGainEmpty);
        v.Set("Rsrv_Gain_empty", RsrvGainEmpty);
        v.Set("Body_Gain_empty", BodyGainEmpty);
        v.Set("An_REgain_Calf", calfRE);
        v.Set("FatGain_FrmGain", FatGainFrmGain);
        v.Set("Frm_Fatgain", FrmFatgain);
        v.Set("Rsrv_Fatgain", RsrvFatgain);
        v.Set("Body_Fatgain", BodyFatgain);
        v.Set("Body_NonFatGain", bodyNonFatGain);
        v.Set("CPGain_FrmGain", CPGainFrmGain);
        v.Set("NPGain_FrmGain", NPGainFrmGain);
        v.Set("Frm_NPgain", FrmNPgain);
        v.Set("Frm_CPgain", FrmCPgain);
        v.Set("Rsrv_NPgain", RsrvNPgain);
        v.Set("Rsrv_CPgain", RsrvCPgain);
        v.Set("Body_NPgain_g", BodyNPgaing);
        v.Set("Body_CPgain_g", BodyCPgaing);
        v.Set("Body_AshGain", 0.056 * bodyNonFatGain);
        v.Set("Body_WatGain", 0.729 * bodyNonFatGain);
        v.Set("An_REgain", AnREgain);
        v.Set("An_BodConcgain", BodyGain + Values["Conc_BWgain"]);
    }

    /// <summary>MP and AA use with target efficiencies, MP balance and MP-allowable production (NASEM 2021 Ch. 6).</summary>
    private void ProteinUse()
    {
        const double targetEfficiency = 0.69; // Trg_MP_NP, NASEM 2021 Table 6-6
        var km = _calf || _heifer ? 0.66 : targetEfficiency;
        var kl = targetEfficiency;
        const double ky = 0.33;
        // Growth efficiency: heifers from 12 % to 83 % of mature weight, floor 0.394 (as MP to CP), calves, cows.
        KgMPNPTrg = 0.60 * Growth.BodyNpPerCp;
        if (Parity == 0 && BWempty / BWmatureEmpty > 0.12)
        {
            KgMPNPTrg = (0.64 - 0.3 * BWempty / BWmatureEmpty) * Growth.BodyNpPerCp;
        }

        // Departure (origin defect D13): the floor is 0.394 MP-to-CP, converted to NP once, not twice.
        if (KgMPNPTrg < 0.394 * Growth.BodyNpPerCp)
        {
            KgMPNPTrg = 0.394 * Growth.BodyNpPerCp;
        }

        if (_calf)
        {
            KgMPNPTrg = (0.70 - 0.532 * (BW / MatureBW)) * Growth.BodyNpPerCp;
        }

        if (Parity > 0)
        {
            KgMPNPTrg = targetEfficiency;
        }

        // Calves and heifers are CP-based for scurf and metabolic fecal protein.
        var feMPendUseTrg = (_calf || _heifer ? FeCPendg : FeNPendg) / km;
        var scrfMPUseTrg = (_calf || _heifer ? ScrfCPg : ScrfNPg) / km;
        var urMPendUse = UrNPendg;
        RsrvMPUseGTrg = RsrvNPgain * 1000 / KgMPNPTrg;
        FrmMPUseGTrg = FrmNPgain * 1000 / KgMPNPTrg;
        BodyMPUseGTrg = BodyNPgaing / KgMPNPTrg;
        GestMPUseGTrg = GestNPuseg >= 0 ? GestNPuseg / ky : GestNPuseg * 1.0;
        MlkMPUseGTrg = TrgMlkNPg / kl;
        AnMPmGTrg = feMPendUseTrg + scrfMPUseTrg + urMPendUse;
        AnMPuseGTrg = AnMPmGTrg + BodyMPUseGTrg + GestMPUseGTrg + MlkMPUseGTrg;

        // Heifers: MP at least (53 − 25·BW/MW) g per Mcal ME for development (NASEM 2021 Ch. 11).
        var meApprox = AnDEInp + AnDENPNCPIn + (AnDigTPaIn - BodyNPgaing / 1000) * 4.0 + BodyNPgaing / 1000 * Energy.CombustionCp - AnGasEOut;
        var minimum = (53 - 25 * BW / MatureBW) * meApprox;
        HeiferMpPerMcal = 53 - 25 * BW / MatureBW;
        HeiferMinimumBinding = _heifer && AnMPuseGTrg < minimum;
        if (HeiferMinimumBinding)
        {
            FrmMPUseGTrg += minimum - AnMPuseGTrg;
            // The efficiency implied by the raised frame MP; a heifer not gaining keeps the target efficiency
            // (the software divides 0 by the deficit and loses every growth AA target).
            KgMPNPTrg = FrmNPgain > 0 ? FrmNPgain * 1000 / FrmMPUseGTrg : KgMPNPTrg;
            RsrvMPUseGTrg = RsrvNPgain * 1000 / KgMPNPTrg;
            BodyMPUseGTrg = BodyNPgaing / KgMPNPTrg;
            AnMPuseGTrg = AnMPmGTrg + FrmMPUseGTrg + RsrvMPUseGTrg + GestMPUseGTrg + MlkMPUseGTrg;
        }

        var mpBal = AnMPIn_g - AnMPuseGTrg;
        // MP-allowable milk and gain at fixed target efficiencies.
        var mpAvailMilk = AnMPIn - AnMPuseGTrg / 1000 + MlkMPUseGTrg / 1000;
        var mlkNPMPalow = mpAvailMilk * targetEfficiency * 1000;
        MlkProdMPalow = _a.TargetMilkTrueProteinPercent > 0 ? mlkNPMPalow / (_a.TargetMilkTrueProteinPercent / 100) / 1000 : 0;
        if (_lactating && _eq.MilkProductionEquation == 3)
        {
            MlkProd = MlkProdMPalow;
        }

        var mpAvailGain = AnMPIn - AnMPuseGTrg / 1000 + BodyMPUseGTrg / 1000;
        var bodyNPgainMPalow = mpAvailGain * KgMPNPTrg * 1000;
        var bodyGainMPalow = bodyNPgainMPalow / NPGainFrmGain / 1000;

        // Apparent efficiencies at the nutrient-allowable (predicted) milk protein.
        var xprt = (ScrfNPg + FeNPendg + MlkNPg + BodyNPgaing) / (AnMPIn_g - UrNPendg - GestMPUseGTrg);
        var xprtTrg = (ScrfNPg + FeNPendg + TrgMlkNPg + BodyNPgaing) / (AnMPIn_g - UrNPendg - GestMPUseGTrg);
        var kmNA = _heifer ? 0.69 : xprt;
        var anMPuse = FeNPendg / kmNA + ScrfNPg / kmNA + urMPendUse + BodyMPUseGTrg + GestMPUseGTrg + MlkNPg / xprt;

        // Urinary N and energy (NASEM 2021 Ch. 3, 6).
        UrNoutg = (AnCPIn * 1000 - FeCP * 1000 - ScrfCPg - FeCPendg - MlkCPg - BodyCPgaing - GestNPuseg / Growth.BodyNpPerCp) / 6.25;
        UrDEout = 0.0143 * UrNoutg;

        // AA requirements at target production (His…Val; Arg is partly synthesised and has none).
        var trgEaa = 0.0;
        for (var i = 0; i < 10; i++)
        {
            var aa = (AminoAcid)i;
            var trgMlkAa = TrgMlkNPg * AminoAcids.MilkProfile(aa) / 100;
            var gestAa = GestNPuseg * AminoAcids.BodyProfile(aa) / 100;
            var bodyAa = BodyNPgaing * AminoAcids.BodyProfile(aa) / 100;
            var use = gestAa + _mlkAa[i] + bodyAa + _scrfAa[i] + _feMetAa[i] + _urEndAa[i];
            Values.Set(AaKey.Of("An_AAUse_g", aa), use);
            Values.Set(AaKey.Of("An_AABal_g", aa), _absAa[i] - use);
            Values.Set(AaKey.Of("Trg_Mlk_AA_g", aa), trgMlkAa);
            if (aa == AminoAcid.Arg)
            {
                continue;
            }

            var trgAbs = (trgMlkAa + _scrfAa[i] + _feMetAa[i]) / AminoAcids.TargetExportEfficiency(aa) + _urEndAa[i] + gestAa / ky + bodyAa / KgMPNPTrg;
            trgEaa += trgAbs;
            Values.Set(AaKey.Of("Trg_AbsAA_g", aa), trgAbs);
            Values.Set(AaKey.Of("Trg_AbsAA_bal_g", aa), _absAa[i] - trgAbs);
        }

        var v = Values;
        v.Set("Trg_AbsEAA_g", trgEaa);
        v.Set("Kg_MP_NP_Trg", KgMPNPTrg);
        v.Set("Km_MP_NP_Trg", km);
        v.Set("Fe_MPendUse_g_Trg", feMPendUseTrg);
        v.Set("Scrf_MPUse_g_Trg", scrfMPUseTrg);
        v.Set("Ur_MPendUse_g", urMPendUse);
        v.Set("Rsrv_MPUse_g_Trg", RsrvMPUseGTrg);
        v.Set("Frm_MPUse_g_Trg", FrmMPUseGTrg);
        v.Set("Body_MPUse_g_Trg", BodyMPUseGTrg);
        v.Set("Gest_MPUse_g_Trg", GestMPUseGTrg);
        v.Set("Mlk_MPUse_g_Trg", MlkMPUseGTrg);
        v.Set("An_MPm_g_Trg", AnMPmGTrg);
        v.Set("An_MEIn_approx", meApprox);
        v.Set("An_MPuse_g_Trg", AnMPuseGTrg);
        v.Set("An_MPBal_g_Trg", mpBal);
        v.Set("Trg_MPIn_req", AnMPuseGTrg);
        v.Set("Xprt_NP_MP_Trg", xprtTrg);
        v.Set("Xprt_NP_MP", xprt);
        v.Set("Kl_MP_NP", xprt);
        v.Set("An_MPuse_g", anMPuse);
        v.Set("An_MPavail_Milk_Trg", mpAvailMilk);
        v.Set("Mlk_NP_MPalow_Trg_g", mlkNPMPalow);
        v.Set("Mlk_Prod_MPalow", MlkProdMPalow);
        v.Set("An_MPavail_Gain_Trg", mpAvailGain);
        v.Set("Body_NPgain_MPalowTrg_g", bodyNPgainMPalow);
        v.Set("Body_Gain_MPalowTrg", bodyGainMPalow);
        v.Set("Ur_Nout_g", UrNoutg);
        v.Set("Ur_DEout", UrDEout);
        v.Set("Ur_Nout_CPcatab", UrNoutg - UrNendg);
    }

    /// <summary>ME and NE supply and use, energy-allowable milk and gain (NASEM 2021 Ch. 3, 10).</summary>
    private void EnergyUse()
    {
        AnMEIn = AnDEIn - AnGasEOut - UrDEout;
        if (_calf && DtDMInClfLiq > 0)
        {
            // Calves on milk: ME 96 % of liquid DE; 93 % of dry-feed DE (discounted 10 % for an undeveloped rumen when chosen).
            var kDry = DtDMInClfLiq > 0.015 * BW && _eq.RumenDevelopmentDiscount > 0 ? 0.93 * 0.9 : 0.93;
            AnMEIn = DtDEInBaseClfLiq * 0.96 + DtDEInBaseClfDry * kDry;
        }

        AnNEIn = AnMEIn * 0.66;

        // Maintenance: unstressed (Eq. 3-13; calves Ch. 10), thermal (calves), activity (Eq. 20-274–277).
        var weaned = DtDMInClfLiq == 0;
        var neUnstressed = _calf ? Maintenance.CalfNetEnergyUnstressedMcal(BWempty, weaned) : Maintenance.NetEnergyUnstressedMcal(BW);
        var neEnv = Maintenance.CalfThermalStressMcal(BW, MBW, _a.Environment.TemperatureCelsius, Lct, Uct);
        var neGraze = Maintenance.GrazingActivityMcal(MBW, DtPastIn / DtDMIn, DtPastSupplIn);
        var neParlor = Maintenance.ParlorWalkingMcal(BW, _a.Environment.DistanceToParlorMeters, _a.Environment.TripsToParlorPerDay);
        var neTopo = Maintenance.TopographyMcal(BW, _a.Environment.TopographyMeters);
        var neAct = neGraze + neParlor + neTopo;
        AnNEmUse = neUnstressed + neEnv + neAct;

        // Efficiencies of ME use (NASEM 2021 Ch. 3; calves Ch. 10).
        var meClfDry = AnMEIn - DtMEInClfLiq;
        var meClfDryConc = meClfDry / (AnDMIn - DtDMInClfLiq);
        var neClfDryConc = 1.1104 * meClfDryConc - 0.0946 * meClfDryConc * meClfDryConc + 0.0065 * Math.Pow(meClfDryConc, 3) - 0.7783;
        var kmCalf = meClfDryConc > 0 && neClfDryConc > 0 && DtDMInClfLiq == 0 ? neClfDryConc / meClfDryConc : 0.69;
        if (DtDMInClfStrt == 0 && DtDMInClfLiq > 0)
        {
            kmCalf = 0.723; // liquid feed only
        }

        var km = _calf ? kmCalf : _lactating || _dryCow ? 0.66 : 0.63;
        var kfCalf = 0.56 * DtDMInClfLiq / DtDMIn + Growth.CalfDryFeedFrameEfficiency(AnDEIn / AnDMIn) * (DtDMIn - DtDMInClfLiq) / DtDMIn;
        var kf = _calf ? kfCalf : 0.4;
        var kr = Growth.ReserveMeToReEfficiency(_a.TargetMilkKgPerDay, _a.TargetReserveGainKgPerDay);
        var ky = Gestation.MeToNeEfficiency(GestREgain);

        AnMEmUse = AnNEmUse / km;
        GestMEuse = GestREgain / ky;
        var rsrvNEgain = Growth.RetainedEnergyMcal(RsrvFatgain, RsrvCPgain);
        var frmNEgain = Growth.RetainedEnergyMcal(FrmFatgain, FrmCPgain);
        RsrvMEgain = rsrvNEgain / kr;
        FrmMEgain = frmNEgain / kf;
        AnMEgain = RsrvMEgain + FrmMEgain;

        // Lactation (Eq. 3-14; 20-220–223) and energy-allowable milk.
        var trgNEmilk = Values["Trg_NEmilk_Milk"];
        TrgMlkNEout = _a.TargetMilkKgPerDay * trgNEmilk;
        TrgMlkMEout = TrgMlkNEout / Energy.KlMeToNe;
        var meAvailMilk = AnMEIn - AnMEgain - AnMEmUse - GestMEuse;
        MlkProdNEalow = trgNEmilk > 0 ? meAvailMilk * Energy.KlMeToNe / trgNEmilk : 0;
        if (_lactating && _eq.MilkProductionEquation == 2)
        {
            MlkProd = MlkProdNEalow;
        }

        if (_eq.MilkProductionEquation == 4)
        {
            MlkProd = Math.Min(MlkProdNEalow, MlkProdMPalow);
        }

        MlkNPMilk = _lactating && MlkProd > 0 ? MlkNPg / 1000 / MlkProd : 0;
        var mlkFatMilk = _lactating && MlkProd > 0 ? MlkFatg / 1000 / MlkProd : 0;
        var mlkNE = 9.29 * mlkFatMilk + 5.85 * MlkNPMilk + 3.95 * _a.TargetMilkLactosePercent / 100;
        MlkNEout = mlkNE * MlkProd;
        MlkMEout = MlkNEout / Energy.KlMeToNe;

        var anMEuse = AnMEmUse + AnMEgain + GestMEuse + MlkMEout;
        var trgMEuse = AnMEmUse + AnMEgain + GestMEuse + TrgMlkMEout;
        var anNEuse = AnNEmUse + AnREgain + GestREgain + MlkNEout;
        var trgNEuse = AnNEmUse + AnREgain + GestREgain + TrgMlkNEout;

        // Energy-allowable gain at the target mix of frame and reserves gain.
        var meAvailGrowth = AnMEIn - AnMEmUse - GestMEuse - MlkMEout;
        var kg = frmNEgain + rsrvNEgain != 0 ? kf * frmNEgain / (frmNEgain + rsrvNEgain) + kr * rsrvNEgain / (frmNEgain + rsrvNEgain) : kf;
        // Departure: with no target gain the book's NE per kg of gain is 0/0; frame-gain composition at the current weight is used.
        var reFrameGainPerKg = Growth.RetainedEnergyMcal(FatGainFrmGain, CPGainFrmGain) * (1 - GutFillBW);
        var nePerKgGain = BodyGain != 0 && AnREgain != 0 ? AnREgain / BodyGain : reFrameGainPerKg;
        var bodyGainNEalow = meAvailGrowth * kg / nePerKgGain;

        var v = Values;
        v.Set("An_MEIn", AnMEIn);
        v.Set("An_ME", AnMEIn / AnDMIn);
        v.Set("An_ME_GE", AnMEIn / AnGEIn);
        v.Set("An_ME_DE", AnMEIn / AnDEIn);
        v.Set("An_NEIn", AnNEIn);
        v.Set("An_NE", AnNEIn / AnDMIn);
        v.Set("An_MPIn_MEIn", AnMPIn_g / AnMEIn);
        v.Set("An_NEmUse_NS", neUnstressed);
        v.Set("An_NEmUse_Env", neEnv);
        v.Set("An_NEm_Act_Graze", neGraze);
        v.Set("An_NEm_Act_Parlor", neParlor);
        v.Set("An_NEm_Act_Topo", neTopo);
        v.Set("An_NEmUse_Act", neAct);
        v.Set("An_NEmUse", AnNEmUse);
        v.Set("An_MEIn_ClfDry", meClfDry);
        v.Set("An_ME_ClfDry", meClfDryConc);
        v.Set("An_NE_ClfDry", neClfDryConc);
        v.Set("Km_ME_NE_Clf", kmCalf);
        v.Set("Km_ME_NE", km);
        v.Set("Kf_ME_RE", kf);
        v.Set("Kr_ME_RE", kr);
        v.Set("Ky_ME_NE", ky);
        v.Set("Kl_ME_NE", Energy.KlMeToNe);
        v.Set("An_MEmUse", AnMEmUse);
        v.Set("An_MEmUse_NS", neUnstressed / km);
        v.Set("An_MEmUse_Act", neAct / km);
        v.Set("An_MEmUse_Env", neEnv / km);
        v.Set("An_NEprod_Avail", AnNEIn - AnNEmUse);
        v.Set("An_MEprod_Avail", AnMEIn - AnMEmUse);
        v.Set("Gest_MEuse", GestMEuse);
        v.Set("Gest_NELuse", GestMEuse * Energy.KlMeToNe);
        v.Set("Rsrv_NEgain", rsrvNEgain);
        v.Set("Frm_NEgain", frmNEgain);
        v.Set("Rsrv_MEgain", RsrvMEgain);
        v.Set("Frm_MEgain", FrmMEgain);
        v.Set("An_MEgain", AnMEgain);
        v.Set("Rsrv_NELgain", RsrvMEgain * Energy.KlMeToNe);
        v.Set("Frm_NELgain", FrmMEgain * Energy.KlMeToNe);
        v.Set("An_NELgain", AnMEgain * Energy.KlMeToNe);
        v.Set("Trg_Mlk_NEout", TrgMlkNEout);
        v.Set("Trg_Mlk_MEout", TrgMlkMEout);
        v.Set("Trg_MilkProd_EPcor", Lactation.EnergyProteinCorrectedMilkKg(_a.TargetMilkKgPerDay, _a.TargetMilkFatPercent, _a.TargetMilkTrueProteinPercent));
        v.Set("An_MEavail_Milk", meAvailMilk);
        v.Set("Mlk_Prod_NEalow", MlkProdNEalow);
        v.Set("Mlk_Prod_NEalow_EPcor", Lactation.EnergyProteinCorrectedMilkKg(MlkProdNEalow, _a.TargetMilkFatPercent, _a.TargetMilkTrueProteinPercent));
        v.Set("Mlk_Prod", MlkProd);
        v.Set("MlkNP_Milk", MlkNPMilk);
        v.Set("MlkFat_Milk", mlkFatMilk);
        v.Set("MlkNE_Milk", mlkNE);
        v.Set("Mlk_NEout", MlkNEout);
        v.Set("Mlk_MEout", MlkMEout);
        v.Set("An_MEuse", anMEuse);
        v.Set("Trg_MEuse", trgMEuse);
        v.Set("An_NEuse", anNEuse);
        v.Set("Trg_NEuse", trgNEuse);
        v.Set("An_NELuse", anMEuse * Energy.KlMeToNe);
        v.Set("Trg_NELuse", trgMEuse * Energy.KlMeToNe);
        v.Set("An_MEbal", AnMEIn - anMEuse);
        v.Set("An_NELbal", (AnMEIn - anMEuse) * Energy.KlMeToNe);
        v.Set("Trg_MEbal", AnMEIn - trgMEuse);
        v.Set("Trg_NELbal", (AnMEIn - trgMEuse) * Energy.KlMeToNe);
        v.Set("An_NEbal", AnNEIn - anNEuse);
        v.Set("Trg_NEbal", AnNEIn - trgNEuse);
        v.Set("An_MPuse_MEuse", Values["An_MPuse_g"] / anMEuse);
        v.Set("Trg_MPuse_MEuse", AnMPuseGTrg / anMEuse);
        v.Set("An_MEavail_Grw", meAvailGrowth);
        v.Set("Kg_ME_NE", kg);
        v.Set("Body_NEgain_BWgain", nePerKgGain);
        v.Set("Body_Gain_NEalow", bodyGainNEalow);
        v.Set("An_Days_BCSdelta1", Values["BW_BCS"] / bodyGainNEalow);
        v.Set("Mlk_EPcorNEalow_DMIn", Lactation.EnergyProteinCorrectedMilkKg(MlkProdNEalow, _a.TargetMilkFatPercent, _a.TargetMilkTrueProteinPercent) / AnDMIn);
    }

    /// <summary>Macro and trace mineral requirements, absorbed basis (NASEM 2021 Ch. 7; calves Ch. 10).</summary>
    private void MineralRequirements()
    {
        var milk = _a.TargetMilkKgPerDay;
        var calfOnMilk = _calf && DtDMInClfLiq > 0;
        var late = GestDay > 190;
        double Ratio(double exponent) => Math.Pow(MatureBW, exponent) * Math.Pow(BW, -exponent);

        // Calcium: fecal endogenous 0.9 g/kg DMI, growth, gestation, milk (true protein based).
        var caM = 0.9 * AnDMIn;
        var caG = 9.83 * Ratio(0.22) * BodyGain;
        var caY = Minerals.CalciumGestationGrams(GestDay, BW);
        var caL = (0.295 + 0.239 * _a.TargetMilkTrueProteinPercent) * milk;
        var caClf = (0.0127 * BWempty + 14.4 * Math.Pow(BWempty, -0.139) * BodyGainEmpty) / 0.73;
        var caReq = calfOnMilk ? caClf : caM + caG + caY + caL;

        var urPm = 0.0006 * BW;
        var fePm = Parity == 0 ? 0.8 * AnDMIn : 1.0 * AnDMIn;
        var pG = (1.2 + 4.635 * Ratio(0.22)) * BodyGain;
        var pY = Minerals.PhosphorusGestationGrams(GestDay, BW);
        var pL = (0.48 + 0.13 * MlkNPMilk * 100) * milk;
        var pClf = (0.0118 * BWempty + 5.85 * Math.Pow(BWempty, -0.027) * BodyGainEmpty) / 0.65;
        var pReq = calfOnMilk ? pClf : urPm + fePm + pG + pY + pL;

        var mgClf = (0.0035 * BWempty + 0.60 * Math.Pow(BWempty, -0.036) * BodyGainEmpty) / 0.30;
        var mgReq = calfOnMilk ? mgClf : 0.0007 * BW + 0.3 * AnDMIn + 0.45 * BodyGain + (late ? 0.3 * BW / 715 : 0) + 0.11 * milk;

        var naClf = (0.00637 * BWempty + 1.508 * Math.Pow(BWempty, -0.045) * BodyGainEmpty) / 0.24;
        var naReq = calfOnMilk ? naClf : 1.45 * AnDMIn + 1.4 * BodyGain + (late ? 1.4 * BW / 715 : 0) + 0.4 * milk;
        var clReq = calfOnMilk ? 0.8 * naClf : 1.11 * AnDMIn + 1.0 * BodyGain + (late ? 1.0 * BW / 715 : 0) + 1.0 * milk;

        var kClf = (0.0203 * BWempty + 1.14 * Math.Pow(BWempty, -0.048) * BodyGainEmpty) / 0.13;
        var urKm = milk > 0 ? 0.2 * BW : 0.07 * BW;
        var kReq = calfOnMilk ? kClf : urKm + 2.5 * AnDMIn + 2.5 * BodyGain + (late ? 1.03 * BW / 715 : 0) + 1.5 * milk;
        var sReq = 2 * AnDMIn;

        var coReq = 0.2 * AnDMIn;
        var cuY = GestDay < 90 ? 0 : late ? 0.0023 * BW : 0.0003 * BW;
        var cuReq = calfOnMilk ? (0.0145 * BW + 2.5 * BodyGainEmpty) / 0.5 : 0.0145 * BW + 2.0 * BodyGain + cuY + 0.04 * milk;
        var iReq = _calf ? 0.8 * AnDMIn : 0.216 * Math.Pow(BW, 0.528) + 0.1 * milk;
        var feReq = calfOnMilk ? 34 * BodyGain / 0.25 : 34 * BodyGain + (late ? 0.025 * BW : 0) + 1.0 * milk;
        var mnReq = calfOnMilk ? (0.0026 * BW + 0.7 * BodyGain) / 0.01 : 0.0026 * BW + 0.7 * BodyGain + (late ? 0.00042 * BW : 0) + 0.03 * milk;
        var seReq = 0.3 * AnDMIn;
        var znReq = calfOnMilk ? (2.0 * AnDMIn + 24 * BodyGain) / 0.25 : 5.0 * AnDMIn + 24 * BodyGain + (late ? 0.017 * BW : 0) + 4.0 * milk;

        var v = Values;
        v.Set("Fe_Ca_m", caM);
        v.Set("An_Ca_g", caG);
        v.Set("An_Ca_y", caY);
        v.Set("An_Ca_l", caL);
        v.Set("An_Ca_req", caReq);
        v.Set("An_Ca_bal", AbsCaIn - caReq);
        v.Set("Ur_P_m", urPm);
        v.Set("Fe_P_m", fePm);
        v.Set("An_P_g", pG);
        v.Set("An_P_y", pY);
        v.Set("An_P_l", pL);
        v.Set("An_P_req", pReq);
        v.Set("An_P_bal", AbsPIn - pReq);
        v.Set("An_Mg_req", mgReq);
        v.Set("An_Mg_bal", AbsMgIn - mgReq);
        v.Set("An_Na_req", naReq);
        v.Set("An_Na_bal", AbsNaIn - naReq);
        v.Set("An_Cl_req", clReq);
        v.Set("An_Cl_bal", AbsClIn - clReq);
        v.Set("An_K_req", kReq);
        v.Set("An_K_bal", AbsKIn - kReq);
        v.Set("An_S_req", sReq);
        v.Set("An_S_bal", DtSIn - sReq);
        v.Set("An_Co_req", coReq);
        v.Set("An_Co_bal", AbsCoIn - coReq);
        v.Set("An_Cu_req", cuReq);
        v.Set("An_Cu_bal", AbsCuIn - cuReq);
        v.Set("An_I_req", iReq);
        v.Set("An_I_bal", DtIIn - iReq);
        v.Set("An_Fe_req", feReq);
        v.Set("An_Fe_bal", AbsFeIn - feReq);
        v.Set("An_Mn_req", mnReq);
        v.Set("An_Mn_bal", AbsMnIn - mnReq);
        v.Set("An_Se_req", seReq);
        v.Set("An_Se_bal", DtSeIn - seReq);
        v.Set("An_Zn_req", znReq);
        v.Set("An_Zn_bal", AbsZnIn - znReq);
        v.Set("An_DCADmeq", Minerals.DcadMilliequivalentsPerKg(DtK, DtNa, DtCl, DtS));

        // Dietary concentrations needed to meet each requirement at this intake and absorption (% DM; trace mg/kg DM).
        double Required(double requirement, double absorbed, double intake, bool macro) =>
            intake > 0 && absorbed > 0 ? requirement / (absorbed / intake) / AnDMIn / (macro ? 10 : 1) : double.NaN;
        v.Set("Dt_CaReq_DMI", Required(caReq, AbsCaIn, DtCaIn, true));
        v.Set("Dt_PReq_DMI", Required(pReq, AbsPIn, DtPIn, true));
        v.Set("Dt_MgReq_DMI", Required(mgReq, AbsMgIn, DtMgIn, true));
        v.Set("Dt_KReq_DMI", Required(kReq, AbsKIn, DtKIn, true));
        v.Set("Dt_NaReq_DMI", Required(naReq, AbsNaIn, DtNaIn, true));
        v.Set("Dt_ClReq_DMI", Required(clReq, AbsClIn, DtClIn, true));
        v.Set("Dt_SReq_DMI", sReq / AnDMIn / 10);
        v.Set("Dt_CoReq_DMI", coReq / AnDMIn);
        v.Set("Dt_CuReq_DMI", Required(cuReq, AbsCuIn, DtCuIn, false));
        v.Set("Dt_FeReq_DMI", Required(feReq, AbsFeIn, DtFeIn, false));
        v.Set("Dt_IReq_DMI", iReq / AnDMIn);
        v.Set("Dt_MnReq_DMI", Required(mnReq, AbsMnIn, DtMnIn, false));
        v.Set("Dt_SeReq_DMI", seReq / AnDMIn);
        v.Set("Dt_ZnReq_DMI", Required(znReq, AbsZnIn, DtZnIn, false));
    }

    /// <summary>Vitamins A, D, E (NASEM 2021 Ch. 8), IU/d.</summary>
    private void VitaminRequirements()
    {
        var milk = _a.TargetMilkKgPerDay;
        var a = Vitamins.VitaminAInternationalUnits(BW, milk);
        var d = Vitamins.VitaminDInternationalUnits(BW, milk);
        var e = Vitamins.VitaminEInternationalUnits(BW, milk, Parity, _calf, GestDay, Pregnant, DtPastIn);
        Values.Set("An_VitA_req", a);
        Values.Set("An_VitA_bal", DtVitAIn - a);
        Values.Set("An_VitD_req", d);
        Values.Set("An_VitD_bal", DtVitDIn - d);
        Values.Set("An_VitE_req", e);
        Values.Set("An_VitE_bal", DtVitEIn - e);
        Values.Set("Dt_VitAReq_DMI", a / AnDMIn);
        Values.Set("Dt_VitDReq_DMI", d / AnDMIn);
        Values.Set("Dt_VitEReq_DMI", e / AnDMIn);
    }

    /// <summary>Methane, water, manure N and summary efficiencies (NASEM 2021 Ch. 9, 14).</summary>
    private void ExcretionAndEfficiencies()
    {
        var ch4g = Methane.Grams(AnGasEOut);
        var water = _a.State switch
        {
            PhysiologicalState.LactatingCow => Water.LactatingCowKg(DtDMIn, DtDM, DtNa, DtK, DtCP, _a.Environment.TemperatureCelsius),
            PhysiologicalState.DryCow or PhysiologicalState.Heifer => Water.DryCowAndHeiferKg(DtDMIn, DtDM, _a.Environment.TemperatureCelsius),
            _ => double.NaN, // not predicted for calves (NASEM 2021 Ch. 9)
        };
        var feN_g = FeCP * 0.16 * 1000;
        var v = Values;
        v.Set("CH4out_g", ch4g);
        v.Set("CH4out_L", ch4g / 1000 * 1497);
        v.Set("An_WaIn", water);
        v.Set("Man_Nout_g", UrNoutg + feN_g + ScrfCPg * 0.16);
        v.Set("An_MP_NP", (ScrfNPg + FeNPendg + UrNPendg + MlkNPg + BodyNPgaing + GestNPuseg) / Values["An_MPuse_g"]);
        v.Set("An_CP_NP", (ScrfNPg + FeNPendg + UrNPendg + MlkNPg + BodyNPgaing + GestNPuseg) / (AnCPIn * 1000));
        v.Set("MlkNP_AnMP", MlkNPg / AnMPIn_g);
        v.Set("MlkNP_AnCP", MlkNPg / (AnCPIn * 1000));
        v.Set("An_NPuse_g", ScrfNPg + FeNPendg + UrNPendg + MlkNPg + BodyNPgaing + GestNPuseg);
        v.Set("Trg_NPuse_g", ScrfNPg + FeNPendg + UrNPendg + TrgMlkNPg + BodyNPgaing + GestNPuseg);
    }
}
