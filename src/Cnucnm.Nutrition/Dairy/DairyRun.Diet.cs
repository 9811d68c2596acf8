using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.Dairy;

/// <summary>
/// One evaluation of the NASEM (2021) dairy model, in the book's order: intake, diet composition,
/// digestion, microbial protein, energy and protein supply, amino acids, minerals, then the
/// requirements and allowable production. Split across files by chapter. Variables keep the NASEM
/// software names (recorded in <see cref="Values"/>); equations are in the chapter classes or, for
/// sums over feeds, here with their source.
/// </summary>
internal sealed partial class DairyRun
{
    private readonly DairyAnimal _a;
    private readonly EquationSelection _eq;
    private readonly FeedRow[] _f;
    private readonly bool _calf;
    private readonly bool _heifer;
    private readonly bool _dryCow;
    private readonly bool _lactating;

    public NasemValues Values { get; } = new();

    // Animal quantities used across chapters.
    private double BW => _a.BodyWeightKg;
    private double MatureBW => _a.MatureBodyWeightKg;
    private double Parity => _a.Parity;
    private double GestDay, LactDay, GestLength;
    private double MBW, PrePartWk, PrePartWklim, PrePartWkDurat, Lct, Uct;

    // Intake.
    private double DtDMIn, DtDMInClfLiq, DtDMInClfStrt, DtDMInClfFor, DtMEInClfLiq, DtDEInClfLiq;

    /// <param name="input">Animal, equations and diet.</param>
    /// <param name="completeComposition">Decide blank composition cells by <see cref="CompositionCompleteness"/> (always,
    /// except to check the equations against the NASEM software, which leaves blanks out of sums).</param>
    public DairyRun(DairyInput input, bool completeComposition = true)
    {
        _a = input.Animal;
        _eq = input.Equations;
        var total = input.Diet.Sum(d => d.KgDryMatterPerDay);
        _f = [.. input.Diet.Select(d => new FeedRow(d.Feed, completeComposition ? CompositionCompleteness.Complete(d.Feed).Feed : d.Feed,
            total > 0 ? d.KgDryMatterPerDay / total : 0))];
        _calf = _a.State == PhysiologicalState.Calf;
        _heifer = _a.State == PhysiologicalState.Heifer;
        _dryCow = _a.State == PhysiologicalState.DryCow;
        _lactating = _a.State == PhysiologicalState.LactatingCow;
        TargetDmi = _a.TargetDryMatterIntakeKg ?? total;
    }

    private double TargetDmi { get; }

    public void Run()
    {
        Animal();
        FeedEnergyAndDigestibilityBases();
        Intake();
        DietComposition();
        Digestion();
        MicrobialAndProteinFlows();
        FatDigestion();
        EnergySupply();
        AminoAcidSupply();
        MineralAbsorption();
        MaintenanceProtein();
        MilkProteinAndFat();
        GestationUse();
        BodyCompositionAndGain();
        ProteinUse();
        EnergyUse();
        MineralRequirements();
        VitaminRequirements();
        ExcretionAndEfficiencies();
    }

    private void Animal()
    {
        // Day of gestation trapped to the NASEM software's range; days postpartum capped for DMI lag.
        GestLength = _a.GestationLengthDays;
        GestDay = _a.DaysPregnant < 0 || double.IsNaN(_a.DaysPregnant) ? 0 : _a.DaysPregnant;
        GestDay = GestDay > GestLength + 10 ? 0 : GestDay;
        LactDay = _a.DaysInMilk;
        var prePartDay = GestDay - GestLength;
        PrePartWk = prePartDay / 7;
        MBW = Math.Pow(BW, 0.75); // metabolic body weight, kg^0.75
        // Lower and upper critical temperatures of calves (NASEM 2021 Ch. 10).
        Lct = _a.AgeDays > 21 ? 5 : 15;
        Uct = 25;
        PrePartWklim = DryMatterIntake.PrepartumWeeksLimited(PrePartWk);
        PrePartWkDurat = PrePartWklim * 2;
        Values.Set("An_MBW", MBW);
        Values.Set("An_PrePartDay", prePartDay);
        Values.Set("An_PrePartWk", PrePartWk);
        Values.Set("An_PrePartWkDurat", PrePartWkDurat);
    }

    /// <summary>Per-feed NDF digestibility bases and gross energy (NASEM 2021 Ch. 3).</summary>
    private void FeedEnergyAndDigestibilityBases()
    {
        foreach (var f in _f)
        {
            // Lignin-based total-tract NDF digestibility, % of NDF (NASEM 2021 Ch. 3; Weiss et al., 1992 form).
            var ndf = f.Ndf == 0 ? 1e-6 : f.Ndf;
            f.TtDcNdfLg = 0.75 * (f.Ndf - f.Lg) * (1 - Math.Pow(f.Lg / ndf, 0.667)) / ndf * 100;
            if (double.IsNaN(f.TtDcNdfLg))
            {
                f.TtDcNdfLg = 0;
            }

            // Missing 48-h in vitro NDF digestibility: forage mean of the DMI data set (48.3) or concentrate mean (65).
            f.Dndf48 = double.IsNaN(f.Dndf48Input) || f.Dndf48Input == 0 ? (f.Conc < 100 ? 48.3 : 65) : f.Dndf48Input;
            f.TtDcNdf48h = 12 + 0.61 * f.Dndf48;
            f.TtDcNdfBase = _eq.UseDndfInVitro switch
            {
                1 when f.Conc < 100 => f.TtDcNdf48h,
                2 => f.TtDcNdf48h,
                _ => f.TtDcNdfLg,
            };

            // Gross energy from nutrient combustion energies, Mcal/kg DM (NASEM 2021 Ch. 3).
            f.Ge = _calf && f.IsCalfLiquid
                ? f.Cp / 100 * Energy.CombustionCp + f.Fa / 100 * Energy.CombustionFa + (100 - f.Ash - f.Cp - f.Fa) / 100 * Energy.CombustionResidualOm
                : f.Cp / 100 * Energy.CombustionCp + f.Fa / 100 * Energy.CombustionFa + f.St / 100 * Energy.CombustionStarch
                  + f.Ndf / 100 * Energy.CombustionNdf + (100 - f.Cp - f.Fa - f.St - f.Ndf - f.Ash) / 100 * Energy.CombustionResidualOm;
        }
    }

    /// <summary>Dry-matter intake by the selected equation (NASEM 2021 Ch. 2, 10, 12).</summary>
    private void Intake()
    {
        // Diet concentrations for the DMI equations (by DM proportion).
        var dtAdf = Sum(f => f.Adf * f.Share);
        var dtNdf = Sum(f => f.Ndf * f.Share);
        var dtForNdf = Sum(f => (1 - f.Conc / 100) * f.Ndf * f.Share);
        var dtForDndf48 = Sum(f => (1 - f.Conc / 100) * f.Ndf * f.Dndf48 / 100 * f.Share);
        var dtForDndf48ForNdf = dtForNdf > 0 ? dtForDndf48 / dtForNdf * 100 : 0;

        // Calf liquid feed: DE 95 % of GE, ME 96 % of DE for the DMI estimate (NASEM 2021 Ch. 10).
        var liquidDmIn = 0.0;
        var liquidDeIn = 0.0;
        var liquidMeIn = 0.0;
        foreach (var f in _f.Where(f => _calf && f.IsCalfLiquid))
        {
            var dmIn = TargetDmi * f.Share;
            liquidDmIn += dmIn;
            liquidDeIn += 0.95 * f.Ge * dmIn;
            liquidMeIn += 0.95 * f.Ge * 0.96 * dmIn;
        }

        DtDMInClfLiq = liquidDmIn;
        DtDEInClfLiq = liquidDeIn;
        DtMEInClfLiq = liquidMeIn;
        DtDMInClfFor = Sum(f => (1 - f.Conc / 100) * TargetDmi * f.Share);
        var starter = _a.Environment.TemperatureCelsius > Uct + 10
            ? DryMatterIntake.CalfStarterTropicalKg(BW, liquidMeIn, _a.AgeStarterOfferedDays)
            : DryMatterIntake.CalfStarterTemperateKg(BW, liquidMeIn, _a.AgeStarterOfferedDays);
        var calf1 = DtDMInClfLiq + starter + DtDMInClfFor;
        // With a given intake (equation 0), starter is what the target leaves after liquid feed and forage.
        DtDMInClfStrt = _eq.DmiEquation == 0 && Math.Abs(calf1 - TargetDmi) > 0 ? TargetDmi - DtDMInClfLiq - DtDMInClfFor : starter;

        // Heifers (Eq. 2-3, 2-4 and breed equations) with the late-gestation decline (Ch. 12).
        var ndfDev = DryMatterIntake.HeiferNdfDeviationPercent(dtNdf, BW);
        var heifNrca = DryMatterIntake.HeiferAnimalFactorsKg(BW, MatureBW);
        var heifNrcad = DryMatterIntake.HeiferAnimalAndDietFactorsKg(BW, MatureBW, dtNdf);
        var heifH1 = DryMatterIntake.HolsteinHeiferKg(BW);
        var heifHj1 = DryMatterIntake.CrossbredHeiferKg(BW);
        var heifH2 = DryMatterIntake.HolsteinHeiferWithNdfKg(BW, ndfDev);
        var heifHj2 = DryMatterIntake.CrossbredHeiferWithNdfKg(BW, ndfDev);
        var lateGestIndividualPct = DryMatterIntake.LateGestationIndividualPercentOfBw(PrePartWklim, dtNdf);
        var lateGestPenPct = DryMatterIntake.LateGestationPenPercentOfBw(PrePartWkDurat, dtNdf);
        var heifLateGestInd = 0.88 * BW * lateGestIndividualPct / 100;
        var heifLateGestPen = 0.88 * BW * lateGestPenPct / 100;
        var inClose = PrePartWk > PrePartWkDurat;
        double Pen(double farOff) => inClose ? Math.Min(farOff, heifLateGestPen) : farOff;
        double Individual(double farOff) => inClose ? Math.Min(farOff, heifLateGestInd) : farOff;

        // Lactating cows (Eq. 2-1, 2-2); target milk NE (Eq. 3-14) drives Eq. 2-1.
        var trgNeMilk = Lactation.MilkNetEnergyMcalPerKg(_a.TargetMilkFatPercent, _a.TargetMilkTrueProteinPercent, _a.TargetMilkLactosePercent);
        var trgNeMilkOut = trgNeMilk * _a.TargetMilkKgPerDay;
        var lact1 = DryMatterIntake.LactatingAnimalFactorsKg(Parity, trgNeMilkOut, BW, _a.BodyConditionScore, LactDay);
        var lact2 = DryMatterIntake.LactatingAnimalAndDietFactorsKg(dtForNdf, dtNdf > 0 ? dtAdf / dtNdf : 0, dtForDndf48ForNdf, _a.TargetMilkKgPerDay);

        // Dry cows: NASEM 2020 transition equation and Hayirli et al. (2003).
        var dryFarOff = BW * lateGestIndividualPct / 100;
        var dryClose = BW * lateGestPenPct / 100;
        var dry1 = inClose ? Math.Min(dryFarOff, dryClose) : dryFarOff;
        var dry2 = DryMatterIntake.DryCowHayirliKg(BW, GestDay, GestLength);

        DtDMIn = _eq.DmiEquation switch
        {
            0 => TargetDmi,
            1 => calf1,
            2 => Individual(heifNrca),
            3 => Individual(heifNrcad),
            4 => Individual(heifH1),
            5 => Individual(heifH2),
            6 => Individual(heifHj1),
            7 => Individual(heifHj2),
            8 => lact1,
            9 => lact2,
            10 => dry1,
            11 => dry2,
            12 => Pen(heifNrca),
            13 => Pen(heifNrcad),
            14 => Pen(heifH1),
            15 => Pen(heifH2),
            16 => Pen(heifHj1),
            17 => Pen(heifHj2),
            _ => throw new ArgumentOutOfRangeException(nameof(DairyInput), _eq.DmiEquation, "DMIn_eqn must be 0–17."),
        };

        Values.Set("Trg_NEmilk_Milk", trgNeMilk);
        Values.Set("Trg_NEmilkOut", trgNeMilkOut);
        Values.Set("Dt_DMIn", DtDMIn);
        Values.Set("Dt_DMIn_ClfLiq", DtDMInClfLiq);
        Values.Set("Dt_DMIn_ClfStrt", DtDMInClfStrt);
        Values.Set("Dt_DMIn_ClfFor", DtDMInClfFor);
        Values.Set("Dt_DMIn_Calf1", calf1);
        Values.Set("Dt_MEIn_ClfLiq", DtMEInClfLiq);
        Values.Set("Dt_DEIn_ClfLiq", DtDEInClfLiq);
        Values.Set("Dt_DMIn_Heif_NRCa", heifNrca);
        Values.Set("Dt_DMIn_Heif_NRCad", heifNrcad);
        Values.Set("Dt_DMIn_Heif_H1", heifH1);
        Values.Set("Dt_DMIn_Heif_H2", heifH2);
        Values.Set("Dt_DMIn_Heif_HJ1", heifHj1);
        Values.Set("Dt_DMIn_Heif_HJ2", heifHj2);
        Values.Set("Dt_DMIn_Lact1", lact1);
        Values.Set("Dt_DMIn_Lact2", lact2);
        Values.Set("Dt_DMIn_DryCow1", dry1);
        Values.Set("Dt_DMIn_DryCow2", dry2);
        Values.Set("Dt_DMIn_BW", DtDMIn / BW);
        Values.Set("Dt_DMIn_MBW", DtDMIn / MBW);
    }
}
