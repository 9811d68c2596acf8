using Cnucnm.Nutrition.Beef;

namespace Cnucnm.Nutrition.Tests.Beef;

/// <summary>The beef model's equations against values worked by hand from NRC (2000) (arithmetic in each test).</summary>
public sealed class BeefEquationTests
{
    [Fact]
    public void Maintenance_of_a_400_kg_steer_is_0_077_Mcal_per_kg_metabolic_shrunk_weight()
    {
        // SBW = 0.96 × 400 = 384 kg; 384^0.75 = 86.746; thermoneutral (Tp 20 °C), CS 5 (COMP 1.0), Bos taurus (BE 1), not lactating.
        var shrunk = BeefBody.ShrunkKg(400);
        Assert.Equal(384, shrunk, 9);
        var neM = BeefMaintenance.NetEnergyMcal(shrunk, 1, 1, 5, bull: false, previousMonthTemperatureCelsius: 20);
        Assert.Equal(0.077 * Math.Pow(384, 0.75), neM, 9);
        Assert.Equal(6.679, neM, 3); // 0.077 × 86.746
    }

    [Fact]
    public void Maintenance_rises_for_bulls_thin_animals_and_cold_acclimatized_animals()
    {
        var steer = BeefMaintenance.NetEnergyMcal(384, 1, 1, 5, false, 20);
        // Bulls +15 %; CS 3: COMP = 0.8 + 0.05 × 2 = 0.9 (−10 %); Tp 0 °C: + 0.0007 × 20 = 0.014 Mcal/kg^0.75.
        Assert.Equal(steer * 1.15, BeefMaintenance.NetEnergyMcal(384, 1, 1, 5, true, 20), 9);
        Assert.Equal(steer * 0.9, BeefMaintenance.NetEnergyMcal(384, 1, 1, 3, false, 20), 9);
        Assert.Equal(steer + 0.014 * Math.Pow(384, 0.75), BeefMaintenance.NetEnergyMcal(384, 1, 1, 5, false, 0), 9);
    }

    [Fact]
    public void Hanwoo_fattening_steer_gain_energy_and_protein_follow_the_NRC_growth_equations()
    {
        // Hanwoo steer, 550 kg full weight, mature (finished) steer weight 700 kg (breed table), gaining 0.9 kg/d.
        var sbw = BeefBody.ShrunkKg(550);                                   // 528 kg
        var msbw = BeefBody.ShrunkKg(700);                                  // 672 kg
        var eqsbw = BeefBody.EquivalentShrunkKg(sbw, msbw);                 // 528 × 478 / 672 = 375.57 kg
        Assert.Equal(528 * 478 / 672.0, eqsbw, 9);
        var eqebw = BeefBody.EmptyKg(eqsbw);                                // 0.891 × 375.57 = 334.63 kg
        var swg = 0.9 * 0.96;                                               // shrunk gain, kg/d
        var ebg = BeefBody.EmptyGainKg(swg);                                // 0.956 × 0.864 = 0.826 kg/d
        var re = BeefGrowth.RetainedEnergyMcal(eqebw, ebg);
        // RE = 0.0635 × 334.63^0.75 × 0.826^1.097 = 0.0635 × 78.236 × 0.81083 = 4.028 Mcal/d.
        Assert.Equal(0.0635 * Math.Pow(0.891 * eqsbw, 0.75) * Math.Pow(0.956 * swg, 1.097), re, 9);
        Assert.Equal(4.028, re, 3);
        // The book's inverse returns the shrunk gain from RE (13.91 RE^0.9116 EQSBW^−0.6837), within its fitting error.
        Assert.Equal(swg, BeefGrowth.ShrunkGainKg(re, eqsbw), 1);
        // Net protein: 268 × 0.864 − 29.4 × 4.028 = 231.55 − 118.43 = 113.1 g/d; MP efficiency 0.492 beyond 300 kg EQSBW.
        Assert.Equal(268 * swg - 29.4 * re, BeefGrowth.NetProteinGrams(swg, re), 9);
        Assert.Equal(113.1, BeefGrowth.NetProteinGrams(swg, re), 1);
        Assert.Equal(0.492, BeefGrowth.MetabolizableProteinEfficiency(eqsbw), 9);
        Assert.Equal(0.834 - 0.00114 * 200, BeefGrowth.MetabolizableProteinEfficiency(200), 9);
        // Maintenance MP: 3.8 × 528^0.75 = 3.8 × 110.15 = 418.6 g/d.
        Assert.Equal(3.8 * Math.Pow(528, 0.75), BeefMaintenance.MetabolizableProteinGrams(sbw), 9);
        Assert.Equal(418.6, BeefMaintenance.MetabolizableProteinGrams(sbw), 1);
    }

    [Fact]
    public void Yearling_intake_follows_NRC_2000_with_the_body_fat_and_implant_adjustments()
    {
        // SBW 384 kg, diet NEm 1.8 Mcal/kg: 86.746 × (0.2435 × 1.8 − 0.0466 × 1.8² − 0.0869) / 1.8
        // = 86.746 × (0.4383 − 0.15098 − 0.0869) / 1.8 = 86.746 × 0.20042 / 1.8 = 9.658 kg DM/d.
        var intake = BeefIntake.GrowingYearlingKg(384, 1.8);
        Assert.Equal(Math.Pow(384, 0.75) * (0.2435 * 1.8 - 0.0466 * 1.8 * 1.8 - 0.0869) / 1.8, intake, 9);
        Assert.Equal(9.658, intake, 3);
        // Diets below 1.0 Mcal NEm/kg use 0.95 in the divisor; body fat and implants scale intake.
        Assert.Equal(0.95, BeefIntake.NetEnergyDivisor(0.8), 9);
        Assert.Equal(1.0, BeefIntake.BodyFatFactor(340), 9);
        Assert.Equal(0.90, BeefIntake.BodyFatFactor(430), 9);
        Assert.Equal(0.94, BeefIntake.ImplantFactor(false), 9);
    }

    [Fact]
    public void Japanese_standard_predicts_fattening_steer_intake_from_weight_and_gain()
    {
        // −3.481 + 2.668 × 0.9 + 0.04548 × 550 − 7.207e-5 × 550² + 3.867e-8 × 550³
        // = −3.481 + 2.4012 + 25.014 − 21.8012 + 6.4339 = 8.567 kg DM/d.
        Assert.Equal(8.567, BeefIntake.JapaneseSteerKg(550, 0.9), 2);
    }

    [Fact]
    public void A_hanwoo_steer_on_a_fattening_diet_gets_finite_requirements_and_a_plausible_gain()
    {
        var steer = BeefAnimal.Create(BeefBreeds.Hanwoo, BeefSex.Steer, 550, 22, 0.9);
        var diet = new[]
        {
            new Cnucnm.Nutrition.Dairy.DietEntry(Cnucnm.Nutrition.Feeds.FeedLibrary.Nasem.Get("Corn grain dry, fine grind"), 5.5),
            new Cnucnm.Nutrition.Dairy.DietEntry(Cnucnm.Nutrition.Feeds.FeedLibrary.Nasem.Get("Soybean meal, solvent 48CP"), 0.8),
            new Cnucnm.Nutrition.Dairy.DietEntry(Cnucnm.Nutrition.Feeds.FeedLibrary.Nasem.Get("Wheat straw"), 1.5),
        };

        var result = BeefModel.Evaluate(new BeefInput(steer, diet));

        Assert.All(result.Variables, v => Assert.True(double.IsFinite(v.Value), v.Key));
        Assert.Equal(7.8, result.DryMatterIntakeKg, 6);
        // Maintenance with the breed multiplier 1.0, CS 5 and the thermoneutral default (previous month 20 °C: no acclimatization term).
        Assert.Equal(Math.Pow(528, 0.75) * 0.077, result.Energy.MaintenanceNetEnergyMcal, 6);
        // A grain-based diet of 7.8 kg DM supports a fattening gain in the range reported for Hanwoo steers (0.6–1.2 kg/d).
        Assert.InRange(result.EnergyAllowableGainKgPerDay, 0.5, 1.4);
        Assert.True(result.Protein.RequiredGrams > BeefMaintenance.MetabolizableProteinGrams(528));
    }

    [Fact]
    public void Hanwoo_cow_lactation_pregnancy_and_intake_follow_NRC_2000_and_the_japanese_standard()
    {
        // Breed row hanwoo: peak milk 8 kg/d, fat 4.7 %, protein 4.1 %, SNF default 8.3 %, lactation maintenance × 1.2, calf 26 kg.
        // Milk at 60 days in milk, relative yield 5, mature dam (48 months): peak 8 × (0.125 × 5 + 0.375) = 8 kg/d; week n = 60/7 = 8.5714;
        // a = 1 / (8 × (1/8.5) × e) ; yield = n / (a e^(n/8.5)) = 8.5714 × 8 / 8.5 × e × e^(−1.00840) = 7.9997 kg/d.
        Assert.Equal(7.9997, BeefLactation.MilkKgPerDay(BeefLactation.AdjustedPeakKg(8, 5), 60, BeefLactation.AgeOfDamFactor(48 - 60 / 30.4)), 4);
        // Milk NE = 0.092 × 4.7 + 0.049 × 8.3 − 0.0569 = 0.4324 + 0.4067 − 0.0569 = 0.7822 Mcal/kg.
        Assert.Equal(0.7822, BeefLactation.NetEnergyMcalPerKg(4.7, 8.3), 9);
        // Pregnancy on day 250 with a 26 kg calf: conceptus 26 × 0.01828 × e^(5 − 0.89375) = 0.47528 × 60.7186 = 28.858 kg;
        // RE = 26 × (0.05855 − 0.0249) × e^(8.0825 − 1.71875) / 1000 = 0.8749 × 580.419 / 1000 = 0.50781 Mcal/d, ME = RE / 0.13 = 3.9062;
        // NP = 26 × (0.001669 − 0.0005275) × e^(6.95 − 1.1) × 6.25 = 0.029679 × 347.234 × 6.25 = 64.410 g/d, MP = NP / 0.65 = 99.092 g/d.
        Assert.Equal(28.858, BeefGestation.ConceptusWeightKg(26, 250), 3);
        Assert.Equal(3.9062, BeefGestation.MetabolizableEnergyMcal(26, 250), 4);
        Assert.Equal(99.092, BeefGestation.MetabolizableProteinGrams(26, 250), 3);
        // Japanese Feeding Standard, breeding cow at maintenance (ADG 0): 0.1108 × 450^0.75 / (4.4 × 0.5018) = 10.8255 / 2.20792 = 4.90304 kg DM/d.
        Assert.Equal(4.9030, BeefIntake.JapaneseCowKg(450, 0), 4);

        var diet = new[]
        {
            new Cnucnm.Nutrition.Dairy.DietEntry(Cnucnm.Nutrition.Feeds.FeedLibrary.Nasem.Get("Corn silage, typical"), 5),
            new Cnucnm.Nutrition.Dairy.DietEntry(Cnucnm.Nutrition.Feeds.FeedLibrary.Nasem.Get("Wheat straw"), 3),
            new Cnucnm.Nutrition.Dairy.DietEntry(Cnucnm.Nutrition.Feeds.FeedLibrary.Nasem.Get("Soybean meal, solvent 48CP"), 1),
        };

        // The lactating cow in the whole model: SBW 432 kg (432^0.75 = 94.7573), NEm = 94.7573 × 0.077 × 1.2 = 8.7556 Mcal/d (previous month 20 °C);
        // milk NE 7.9997 × 0.7822 = 6.2574 Mcal/d; milk MP 7.9997 × 41 / 0.65 = 504.60 g/d; intake by the NRC beef-cow equation.
        var lactating = BeefAnimal.Create(BeefBreeds.Hanwoo, BeefSex.Cow, 450, 48, 0) with { DaysInMilk = 60 };
        var result = BeefModel.Evaluate(new BeefInput(lactating, diet));
        Assert.Equal(8.7556, result["NEm_basal"], 4);
        Assert.Equal(7.9997, result["Milk"], 4);
        Assert.Equal(6.2574, result.Energy.LactationNetEnergyMcal, 4);
        Assert.Equal(504.60, result.Protein.LactationGrams, 2);
        Assert.Equal(BeefIntakeEquation.NrcBeefCow, result.Intake.Equation);
        var nem = result.Diet.NetEnergyMaintenanceMcalPerKg;
        Assert.Equal((94.7573 * (0.04997 * nem * nem + 0.0384) / nem + 0.2 * 7.9997) * 0.9998, result.PredictedDryMatterIntakeKg, 3);

        // The pregnant, dry cow: maternal SBW 432 − 28.858 = 403.14 kg carries maintenance; intake by the Japanese cow equation × 0.9998 (15 °C).
        var pregnant = BeefAnimal.Create(BeefBreeds.Hanwoo, BeefSex.Cow, 450, 48, 0) with { DaysPregnant = 250 };
        var gestating = BeefModel.Evaluate(new BeefInput(pregnant, diet));
        Assert.Equal(Math.Pow(432 - 28.858, 0.75) * 0.077, gestating["NEm_basal"], 2);
        Assert.Equal(3.9062, gestating.Energy.PregnancyMetabolizableEnergyMcal, 4);
        Assert.Equal(99.092, gestating.Protein.PregnancyGrams, 3);
        Assert.Equal(4.90304 * 0.9998, gestating.PredictedDryMatterIntakeKg, 4);
    }
}
