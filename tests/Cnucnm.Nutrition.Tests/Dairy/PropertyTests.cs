using CsCheck;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.Tests.Dairy;

/// <summary>Properties of the model that must hold for every valid input (CsCheck).</summary>
public sealed class PropertyTests
{
    private static readonly string[] CowFeeds =
    [
        "Corn silage, typical", "Alfalfa meal", "Corn grain HM, coarse grind", "Canola meal", "Soybean meal, extruded", "Wheat straw",
        "Soybean hulls", "Beet pulp, dry", "Calcium carbonate", "Sodium bicarbonate", "Triticale hay", "Barley grain, steam rolled",
    ];

    private static readonly string[] CalfDryFeeds = ["Corn grain HM, coarse grind", "Canola meal", "Triticale hay", "Soybean meal, extruded"];

    private static readonly Gen<IReadOnlyList<DietEntry>> CowDiet =
        Gen.Int[0, CowFeeds.Length - 1].Array[2, 6]
            .Select(Gen.Double[0.05, 9.0].Array[6], (indexes, amounts) => (IReadOnlyList<DietEntry>)
                [.. indexes.Distinct().Select((index, i) => new DietEntry(FeedLibrary.Nasem.Get(CowFeeds[index]), amounts[i]))]);

    /// <summary>Lactating or dry cows and heifers of any plausible size, stage and environment.</summary>
    private static readonly Gen<DairyInput> GrownAnimal =
        Gen.Select(
            Gen.OneOfConst(PhysiologicalState.LactatingCow, PhysiologicalState.DryCow, PhysiologicalState.Heifer),
            Gen.Double[200, 850], Gen.Double[500, 900], Gen.Double[0, 60], Gen.Double[0, 6], Gen.Double[0, 282], Gen.Double[1, 400],
            Gen.Double[-20, 40])
        .Select(Gen.Double[-0.5, 1.2], Gen.OneOfConst(DairyBreed.Holstein, DairyBreed.Jersey, DairyBreed.Other), Gen.Int[0, 17], CowDiet,
            (a, gain, breed, dmiEquation, diet) =>
            {
                var (state, bw, mature, milk, fatOrZero, gestDay, dim, celsius) = a;
                var lactating = state == PhysiologicalState.LactatingCow;
                var heifer = state == PhysiologicalState.Heifer;
                var animal = new DairyAnimal(state, breed, Math.Min(bw, mature * 1.2), mature, 3, heifer ? 0 : 1 + fatOrZero / 2,
                    heifer ? 250 + bw : 1500, lactating ? dim : 0, gestDay, 280, 40, lactating ? milk : 0, lactating ? 3 + fatOrZero / 3 : 0,
                    lactating ? 3.1 : 0, lactating ? 4.85 : 0, heifer ? Math.Abs(gain) : gain / 3, 0, null, 280, 14, 0,
                    new DairyEnvironment(celsius, fatOrZero * 100, fatOrZero, fatOrZero * 10));
                // Heifer equations (2–7, 12–17) for heifers, lactating (8, 9) for cows in milk, dry (10, 11) for dry cows, else the diet's intake.
                var equation = (state, dmiEquation) switch
                {
                    (PhysiologicalState.Heifer, >= 2 and <= 7 or >= 12) => dmiEquation,
                    (PhysiologicalState.LactatingCow, 8 or 9) => dmiEquation,
                    (PhysiologicalState.DryCow, 10 or 11) => dmiEquation,
                    _ => 0,
                };
                return new DairyInput(animal, new EquationSelection(DmiEquation: equation, MicrobialNEquation: 1 + dmiEquation % 3,
                    UseDndfInVitro: dmiEquation % 3, Monensin: dmiEquation % 2), diet);
            });

    /// <summary>Calves on milk replacer or whole milk, with or without dry feed.</summary>
    private static readonly Gen<DairyInput> Calf =
        Gen.Select(Gen.Double[35, 150], Gen.Double[3, 120], Gen.Double[0, 1.2], Gen.Double[0, 2.5], Gen.Int[0, CalfDryFeeds.Length - 1],
            Gen.Bool, Gen.Double[-15, 40], Gen.Double[0.1, 1.0])
        .Select(a =>
        {
            var (bw, age, liquid, dry, dryFeed, wholeMilk, celsius, gain) = a;
            var diet = new List<DietEntry>();
            if (liquid > 0.05)
            {
                diet.Add(new DietEntry(FeedLibrary.Nasem.Get(wholeMilk ? "Whole milk" : "Milk replacer 20 CP 20 fat"), liquid));
            }

            if (dry > 0.05 || diet.Count == 0)
            {
                diet.Add(new DietEntry(FeedLibrary.Nasem.Get(CalfDryFeeds[dryFeed]), Math.Max(dry, 0.1)));
            }

            var animal = new DairyAnimal(PhysiologicalState.Calf, DairyBreed.Holstein, bw, 700, 3, 0, age, 0, 0, 280, 0, 0, 0, 0, 0, gain, 0, null,
                280, 14, 0, new DairyEnvironment(celsius));
            return new DairyInput(animal, new EquationSelection(DmiEquation: dry > 1 ? 1 : 0), diet);
        });

    private static readonly string[] AlwaysDefined =
    [
        "Dt_DMIn", "An_MBW", "An_BW_empty", "GrUter_Wt", "An_NEmUse", "An_MEmUse", "Gest_MEuse", "Frm_MEgain", "Trg_MEuse", "Trg_NELuse",
        "An_GEIn", "An_DEIn", "An_MEIn", "An_NEIn", "An_ME", "An_NE", "Dt_CPIn", "An_RDPIn", "An_RUPIn", "An_MPIn_g", "An_MPm_g_Trg",
        "Gest_MPUse_g_Trg", "Frm_MPUse_g_Trg", "An_MPuse_g_Trg", "An_MPBal_g_Trg", "An_Ca_req", "Abs_CaIn", "An_P_req", "Abs_PIn",
        "An_Mg_req", "An_K_req", "An_Na_req", "An_Cl_req", "An_S_req", "An_Cu_req", "An_Zn_req", "An_Mn_req", "An_Fe_req", "An_Co_req",
        "An_I_req", "An_Se_req", "An_VitA_req", "An_VitD_req", "An_VitE_req", "Abs_EAA_g", "Trg_AbsEAA_g", "CH4out_g",
    ];

    [Fact]
    public void No_NaN_or_infinity_for_any_valid_cow_or_heifer()
    {
        GrownAnimal.Sample(input =>
        {
            var result = DairyModel.Evaluate(input);
            Assert.All(result.Nasem, v => Assert.True(double.IsFinite(v.Value), v.Key));
            var missing = AlwaysDefined.Append("An_WaIn").Where(k => !result.Nasem.ContainsKey(k)).ToList();
            Assert.True(missing.Count == 0, $"{input.Animal.State}: undefined {string.Join(", ", missing)}");
        }, iter: 400);
    }

    [Fact]
    public void No_NaN_or_infinity_for_any_valid_calf()
    {
        Calf.Sample(input =>
        {
            var result = DairyModel.Evaluate(input);
            Assert.All(result.Nasem, v => Assert.True(double.IsFinite(v.Value), v.Key));
            var missing = AlwaysDefined.Where(k => !result.Nasem.ContainsKey(k)).ToList();
            Assert.True(missing.Count == 0, $"calf: undefined {string.Join(", ", missing)}");
        }, iter: 300);
    }

    [Fact]
    public void More_milk_never_lowers_the_NEL_or_MP_requirement()
    {
        GrownAnimal.Where(i => i.Animal.State == PhysiologicalState.LactatingCow)
            .Select(Gen.Double[0, 30], (input, more) => (input, more))
            .Sample(t =>
            {
                var (input, more) = t;
                var less = DairyModel.Evaluate(input);
                var moreMilk = DairyModel.Evaluate(input with { Animal = input.Animal with { TargetMilkKgPerDay = input.Animal.TargetMilkKgPerDay + more } });
                Assert.True(moreMilk["Trg_NELuse"] >= less["Trg_NELuse"] - 1e-9, "NEL");
                Assert.True(moreMilk["An_MPuse_g_Trg"] >= less["An_MPuse_g_Trg"] - 1e-9, "MP");
                Assert.True(moreMilk["Trg_MEuse"] >= less["Trg_MEuse"] - 1e-9, "ME");
            }, iter: 300);
    }

    [Fact]
    public void Heavier_animals_never_need_less_for_maintenance()
    {
        GrownAnimal.Select(Gen.Double[0, 200], (input, more) => (input, more))
            .Sample(t =>
            {
                var (input, more) = t;
                var light = DairyModel.Evaluate(input);
                var heavy = DairyModel.Evaluate(input with { Animal = input.Animal with { BodyWeightKg = input.Animal.BodyWeightKg + more } });
                Assert.True(heavy["An_NEmUse"] >= light["An_NEmUse"] - 1e-9, "NEm");
                Assert.True(heavy["An_MEmUse"] >= light["An_MEmUse"] - 1e-9, "MEm");
                Assert.True(heavy["An_MPm_g_Trg"] >= light["An_MPm_g_Trg"] - 1e-9, "MPm");
            }, iter: 300);
    }

    /// <summary>Intakes are sums over feeds (NASEM 2021 Ch. 19, feed intake × concentration), so with intake equal to the
    /// diet's sum they are linear in each feed's amount; so are the book's fixed-coefficient absorbed Ca, P, K, Na (Ch. 7).</summary>
    [Fact]
    public void Intakes_and_fixed_coefficient_absorption_are_linear_in_each_feeds_amount()
    {
        string[] linear = ["Dt_DMIn", "Dt_CPIn", "Dt_NDFIn", "Dt_StIn", "Dt_FAIn", "Dt_RUPIn", "An_GEIn", "Dt_CaIn", "Dt_PIn", "Dt_KIn", "Dt_SIn",
            "Dt_CuIn", "Dt_ZnIn", "Dt_VitEIn", "Abs_CaIn", "Abs_PIn", "Abs_KIn", "Abs_NaIn"];
        GrownAnimal.Select(Gen.Double[0.1, 4], (input, step) => (input, step))
            .Sample(t =>
            {
                var (input, step) = t;
                var fixedIntake = input with
                {
                    Equations = input.Equations with { DmiEquation = 0 },
                    Animal = input.Animal with { TargetDryMatterIntakeKg = null },
                };
                DairyResult With(double kg) => DairyModel.Evaluate(fixedIntake with
                {
                    Diet = [.. fixedIntake.Diet.Select((d, i) => i == 0 ? d with { KgDryMatterPerDay = kg } : d)],
                });
                var (a, b, c) = (With(step), With(2 * step), With(3 * step));
                foreach (var name in linear)
                {
                    var first = b[name] - a[name];
                    var second = c[name] - b[name];
                    Assert.True(Math.Abs(first - second) <= 1e-9 * Math.Max(1, Math.Abs(a[name])), $"{name}: {first} then {second}");
                }
            }, iter: 200);
    }
}
