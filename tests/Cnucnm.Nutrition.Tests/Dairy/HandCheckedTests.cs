using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.Tests.Dairy;

/// <summary>
/// A dry cow, a heifer and a calf worked by hand from the book's equations (NASEM 2021, equation
/// numbers in the comments; the software line numbers where the book gives a table value). Every
/// expected number is derived here, from the inputs and the feed library's composition, never read
/// from the model's output. Where origin-model.md section 6.5 derived the same NASEM quantity for
/// the same animal, its printed value is asserted too.
/// </summary>
public sealed class HandCheckedTests
{
    private static void Near(double expected, double actual, double relative = 1e-6, string? what = null) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected:G8}, got {actual:G8}");

    private static double DietPercent(IReadOnlyList<DietEntry> diet, FeedNutrient nutrient) =>
        diet.Sum(d => d.KgDryMatterPerDay * d.Feed[nutrient]) / diet.Sum(d => d.KgDryMatterPerDay);

    [Fact]
    public void Dry_cow_250_days_pregnant_energy_and_protein_use_by_hand()
    {
        // origin-model.md 6.5: Holstein 650 kg, mature 700 kg, calf 43 kg, 250 d of a 283-d gestation, no milk, no gain.
        var diet = TestData.DemoDiet(12);
        var animal = TestData.Cow(PhysiologicalState.DryCow, bodyWeightKg: 650, daysInMilk: 0, daysPregnant: 250, gestationLengthDays: 283,
            calfBirthWeightKg: 43, milkKg: 0, fatPercent: 0, truePercent: 0, lactosePercent: 0, targetDmiKg: 12);
        var r = DairyModel.Evaluate(new DairyInput(animal, new EquationSelection(DmiEquation: 0), diet)).Nasem;

        // Eq. 3-13: NEm = 0.10 · BW^0.75; Km = 0.66 for cows (Ch. 3).
        var nem = 0.10 * Math.Pow(650, 0.75);
        var mem = nem / 0.66;
        Near(nem, r["An_NEmUse"], what: "An_NEmUse");
        Near(mem, r["An_MEmUse"], what: "An_MEmUse");
        Near(12.873, nem, 1e-4, "6.5 NEm");

        // Eq. 3-15a: gravid uterus = 1.816 · CBW · exp(−(0.0243 − 0.0000245 t)(L − t)); Eq. 3-17a: gain = (0.0243 − 0.0000245 t) · weight.
        var k = 0.0243 - 0.0000245 * 250;
        var gravidUterus = 1.816 * 43 * Math.Exp(-k * (283 - 250));
        var gravidUterusGain = k * gravidUterus;
        Near(gravidUterus, r["GrUter_Wt"], what: "GrUter_Wt");
        Near(gravidUterusGain, r["GrUter_BWgain"], what: "GrUter_BWgain");
        Near(42.87, gravidUterus, 2e-4, "6.5 gravid uterus");

        // Eq. 3-19, 3-20: RE of gestation 0.95 Mcal/kg of gravid-uterus gain, ME at efficiency 0.14.
        var gestMe = 0.95 * gravidUterusGain / 0.14;
        Near(gestMe, r["Gest_MEuse"], what: "Gest_MEuse");
        Near(5.287, gestMe, 2e-4, "6.5 ME gestation");
        Near(mem + gestMe, r["Trg_MEuse"], what: "Trg_MEuse");
        Near(24.79, mem + gestMe, 2e-4, "6.5 MEreq");

        // Eq. 6-? gestation protein: 0.123 kg CP/kg gain, NP = 0.86 CP, target efficiency 0.33.
        var gestMp = gravidUterusGain * 0.123 * 1000 * 0.86 / 0.33;
        Near(gestMp, r["Gest_MPUse_g_Trg"], what: "Gest_MPUse_g_Trg");
        Near(249.7, gestMp, 2e-4, "6.5 MP gestation");

        // Ch. 6 maintenance MP of cows: scurf NP (0.20 · BW^0.60 · 0.86) and metabolic fecal NP ((12 + 0.12 NDF%) · DMI · 0.73) at 0.69,
        // endogenous urinary NP (0.053 · BW · 6.25) at 1.
        var ndf = DietPercent(diet, FeedNutrient.Fd_NDF);
        var scurf = 0.20 * Math.Pow(650, 0.60) * 0.86 / 0.69;
        var fecal = (12 + 0.12 * ndf) * 12 * 0.73 / 0.69;
        var urinary = 0.053 * 650 * 6.25;
        Near(scurf + fecal + urinary, r["An_MPm_g_Trg"], what: "An_MPm_g_Trg");
        Near(scurf + fecal + urinary + gestMp, r["An_MPuse_g_Trg"], what: "An_MPuse_g_Trg");
    }

    [Fact]
    public void Dry_cow_intake_by_the_Hayirli_equation()
    {
        // NASEM 2021 Ch. 2 (Hayirli et al., 2003): DMI = BW · (1.979 − 0.756 · e^(0.154 · (GestDay − GestLength))) % within the
        // last 21 d of gestation, BW · 1.979 % before.
        var diet = TestData.DemoDiet(12);
        double Dmi(double daysPregnant) => DairyModel.Evaluate(new DairyInput(
            TestData.Cow(PhysiologicalState.DryCow, bodyWeightKg: 700, daysInMilk: 0, daysPregnant: daysPregnant, milkKg: 0),
            new EquationSelection(DmiEquation: 11), diet))["Dt_DMIn"];

        Near(700 * (1.979 - 0.756 * Math.Exp(0.154 * (270 - 280))) / 100, Dmi(270), what: "close-up");
        Near(700 * 1.979 / 100, Dmi(240), what: "far-off");
    }

    [Fact]
    public void Heifer_gaining_800_g_per_day_by_hand()
    {
        // origin-model.md 6.5: Holstein heifer 12 months, 350 kg, mature 700 kg, target gain 0.8 kg/d, open.
        var diet = TestData.DemoDiet(8);
        var animal = TestData.Cow(PhysiologicalState.Heifer, bodyWeightKg: 350, parity: 0, ageDays: 365, daysInMilk: 0, milkKg: 0,
            fatPercent: 0, truePercent: 0, lactosePercent: 0, frameGainKg: 0.8);
        var r = DairyModel.Evaluate(new DairyInput(animal, new EquationSelection(DmiEquation: 2), diet)).Nasem;

        // Eq. 2-3 (NRC 2001 heifer, animal factors): DMI = 0.022 · MW · (1 − e^(−1.54 · BW/MW)).
        var dmi = 0.022 * 700 * (1 - Math.Exp(-1.54 * 350.0 / 700));
        Near(dmi, r["Dt_DMIn"], what: "Dt_DMIn");

        // Eq. 3-13 with Km = 0.63 for heifers.
        var mem = 0.10 * Math.Pow(350, 0.75) / 0.63;
        Near(mem, r["An_MEmUse"], what: "An_MEmUse");
        Near(12.844, mem, 1e-4, "6.5 MEm");

        // Ch. 3/11 frame gain: empty gain = gain · (1 − 0.15 gut fill); fat 0.067 + 0.375 BW/MW, CP 0.201 − 0.081 BW/MW per kg;
        // RE = 9.4 fat + 5.55 CP (Eq. 3-20), Kf = 0.40.
        var emptyGain = 0.8 * (1 - 0.15);
        var fat = (0.067 + 0.375 * 0.5) * emptyGain;
        var cp = (0.201 - 0.081 * 0.5) * emptyGain;
        var re = 9.4 * fat + 5.55 * cp;
        Near(re / 0.40, r["Frm_MEgain"], what: "Frm_MEgain");
        Near(2.232, re, 3e-4, "6.5 frame RE");
        Near(mem + re / 0.40, r["Trg_MEuse"], what: "Trg_MEuse");
        Near(18.43, mem + re / 0.40, 3e-4, "6.5 MEreq");

        // Ch. 6 maintenance MP of heifers is CP based at 0.66: scurf 0.20 · BW^0.6, fecal (12 + 0.12 NDF%) · DMI; urinary 0.053 · BW · 6.25.
        var ndf = DietPercent(diet, FeedNutrient.Fd_NDF);
        var mpm = 0.20 * Math.Pow(350, 0.60) / 0.66 + (12 + 0.12 * ndf) * dmi / 0.66 + 0.053 * 350 * 6.25;
        Near(mpm, r["An_MPm_g_Trg"], what: "An_MPm_g_Trg");

        // Growth MP efficiency of heifers (Ch. 6): (0.64 − 0.3 · EBW/mature EBW) · 0.86; the open uterus weighs 0.204 kg,
        // EBW = BW − 0.15 · (BW − uterus), mature EBW = MW · (1 − 0.18).
        var ebw = 350 - 0.15 * (350 - 0.204);
        var kg = (0.64 - 0.3 * ebw / (700 * 0.82)) * 0.86;
        var frameNp = cp * 0.86 * 1000;
        Near(ebw, r["An_BW_empty"], what: "An_BW_empty");
        Near(0.417, kg, 1e-3, "6.5 Kg");
        Near(225.3, frameNp / kg, 1e-3, "6.5 MP gain");

        // Ch. 11: total MP at least (53 − 25 · BW/MW) g per Mcal of ME (the MP-to-ME minimum for heifers).
        var sum = mpm + frameNp / kg;
        var minimum = (53 - 25 * 350.0 / 700) * r["An_MEIn_approx"];
        Near(Math.Max(sum, minimum), r["An_MPuse_g_Trg"], what: "An_MPuse_g_Trg");
        Assert.True(r["An_MPuse_g_Trg"] >= minimum - 1e-9);
    }

    [Fact]
    public void Calf_on_whole_milk_by_hand()
    {
        // A 45-kg, 30-day-old Holstein calf on 0.9 kg DM/d of whole milk only, gaining 0.6 kg/d, thermoneutral (15 °C, LCT 5 °C after 21 d).
        var milk = TestData.Nasem("Whole milk");
        var animal = TestData.Cow(PhysiologicalState.Calf, bodyWeightKg: 45, parity: 0, ageDays: 30, daysInMilk: 0, milkKg: 0, fatPercent: 0,
            truePercent: 0, lactosePercent: 0, frameGainKg: 0.6, targetDmiKg: 0.9);
        var r = DairyModel.Evaluate(new DairyInput(animal, new EquationSelection(DmiEquation: 0), [new DietEntry(milk, 0.9)])).Nasem;

        // Ch. 10: DE of liquid feed = 0.95 × GE from FA (9.4), CP (5.7) and lactose/other OM (4.0) Mcal/kg; ME = 0.96 · DE (Eq. 10-3).
        var fa = milk[FeedNutrient.Fd_FA];
        var cpPercent = milk[FeedNutrient.Fd_CP];
        var ash = milk[FeedNutrient.Fd_Ash];
        var de = (0.094 * fa + 0.057 * cpPercent + 0.04 * (100 - ash - cpPercent - fa)) * 0.95;
        Near(0.96 * de * 0.9, r["An_MEIn"], what: "An_MEIn");

        // Table 10-1: NEm = 0.0769 · EBW^0.75 for calves fed milk; EBW = BW · (1 − 0.06 gut fill); Km = 0.723 on milk alone.
        var ebw = 45 * (1 - 0.06);
        var mem = 0.0769 * Math.Pow(ebw, 0.75) / 0.723;
        Near(ebw, r["An_BW_empty"], what: "An_BW_empty");
        Near(mem, r["An_MEmUse"], what: "An_MEmUse");

        // Ch. 10 calf gain: empty gain = 0.94 · gain; RE = EBG^1.10 · EBW^0.205 (Eq. 10-5); fat 0.0786 + 0.0370 · RE per kg;
        // NP = (166.22 · EBG + 6.13 · RE / EBG) / 1000 kg; CP = NP / 0.86; NE = 9.4 fat + 5.55 CP; Kf = 0.56 for liquid feed.
        var ebg = 0.6 * 0.94;
        var reCalf = Math.Pow(ebg, 1.10) * Math.Pow(ebw, 0.205);
        var fat = (0.0786 + 0.0370 * reCalf) * ebg;
        var np = (166.22 * ebg + 6.13 * reCalf / ebg) / 1000;
        var frameMe = (9.4 * fat + 5.55 * np / 0.86) / 0.56;
        Near(frameMe, r["Frm_MEgain"], what: "Frm_MEgain");
        Near(mem + frameMe, r["Trg_MEuse"], what: "Trg_MEuse");

        // Ch. 10: calf growth MP efficiency (0.70 − 0.532 · BW/MW) · 0.86.
        var kg = (0.70 - 0.532 * 45 / 700) * 0.86;
        Near(np * 1000 / kg, r["Frm_MPUse_g_Trg"], what: "Frm_MPUse_g_Trg");
    }

    [Fact]
    public void Cold_calf_needs_more_maintenance_energy_per_degree_below_the_lower_critical_temperature()
    {
        // Ch. 10: 2.01 kcal NE per kg BW^0.75 per °C below LCT (5 °C for calves older than 21 d), calves under 100 kg.
        var milk = TestData.Nasem("Whole milk");
        DairyResult At(double celsius) => DairyModel.Evaluate(new DairyInput(
            TestData.Cow(PhysiologicalState.Calf, bodyWeightKg: 45, parity: 0, ageDays: 30, daysInMilk: 0, milkKg: 0, fatPercent: 0, truePercent: 0,
                lactosePercent: 0, frameGainKg: 0.6, targetDmiKg: 0.9, temperatureCelsius: celsius),
            new EquationSelection(), [new DietEntry(milk, 0.9)]));

        var extra = At(-5)["An_NEmUse"] - At(15)["An_NEmUse"];
        Near(0.00201 * (5 - -5) * Math.Pow(45, 0.75), extra, what: "cold NE");
    }
}
