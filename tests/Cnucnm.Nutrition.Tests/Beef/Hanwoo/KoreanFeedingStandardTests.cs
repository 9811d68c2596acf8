using Cnucnm.FieldValidation;
using Cnucnm.Nutrition.Beef;
using Cnucnm.Nutrition.Beef.Hanwoo;

namespace Cnucnm.Nutrition.Tests.Beef.Hanwoo;

/// <summary>
/// The Korean Feeding Standard model against published values. The book's own tables (NIAS, 한국가축사양표준 한우) were not
/// available to us; the reference values are the requirement tables published in the README of the independent R
/// implementation of the standard's equations, the <c>hanwoo</c> package (adatalab, Y.J. Na; GitHub adatalab/hanwoo,
/// README.md at commit 8ff90a1, functions req_steer and req_bull), printed to three significant figures. Each row quotes
/// that table; every value must agree within 0.5 %.
/// </summary>
public sealed class KoreanFeedingStandardTests
{
    private const double Tolerance = 0.005;

    private static void Within(double expected, double actual, string what) =>
        Assert.True(Math.Abs(actual - expected) <= Tolerance * Math.Abs(expected),
            $"{what}: table {expected}, model {actual:G5} ({(actual - expected) / expected:P2})");

    /// <summary>hanwoo README, steer table (req_steer): BW kg, ADG kg/d, CP g, TDN kg, DE Mcal, ME Mcal, NEg Mcal, Ca g, P g, vitamin A 1000 IU.</summary>
    [Theory]
    [InlineData(150, 0.8, 532, 2.57, 11.3, 9.28, 1.83, 25.9, 11.8, 6.36)]   // README "req_steer(bw = 150, dg = 0.8)"
    [InlineData(160, 0.8, 540, 2.69, 11.9, 9.74, 1.92, 25.9, 12.1, 6.78)]   // README month 6 row
    [InlineData(184, 0.8, 558, 2.99, 13.2, 10.8, 2.13, 26.0, 12.6, 7.80)]   // month 7
    [InlineData(208, 0.8, 575, 3.28, 14.5, 11.9, 2.34, 26.0, 13.2, 8.82)]   // month 8
    [InlineData(233, 0.9, 625, 3.74, 16.5, 13.5, 2.86, 28.4, 14.5, 9.88)]   // month 9
    [InlineData(258, 0.9, 640, 4.03, 17.8, 14.6, 3.09, 28.4, 15.1, 10.9)]   // month 10
    [InlineData(284, 0.9, 655, 4.33, 19.1, 15.7, 3.32, 28.4, 15.7, 12.0)]   // month 11
    [InlineData(310, 0.9, 670, 4.63, 20.4, 16.7, 3.54, 28.3, 16.3, 13.1)]   // month 12
    [InlineData(337, 1.0, 712, 5.14, 22.7, 18.6, 4.19, 30.3, 17.5, 14.3)]   // month 13
    [InlineData(366, 1.0, 726, 5.47, 24.1, 19.8, 4.46, 30.2, 18.2, 15.5)]   // month 14
    [InlineData(395, 1.0, 739, 5.79, 25.6, 21.0, 4.72, 30.0, 18.8, 16.7)]   // month 15
    public void Steer_requirements_reproduce_the_published_table(double bw, double adg, double cpG, double tdnKg, double deMcal, double meMcal,
        double negMcal, double caG, double pG, double vitaminA)
    {
        var r = KoreanFeedingStandard.Requirements(new HanwooAnimal(BeefSex.Steer, bw, adg));
        var row = $"steer {bw} kg, {adg} kg/d";
        Within(cpG, r.CrudeProteinGramsPerDay, $"{row} CP g/d");
        Within(tdnKg, r.TdnKgPerDay, $"{row} TDN kg/d");
        Within(deMcal, r.DigestibleEnergyMcalPerDay, $"{row} DE Mcal/d");
        Within(meMcal, r.MetabolizableEnergyMcalPerDay, $"{row} ME Mcal/d");
        Within(negMcal, r.GainNetEnergyMcalPerDay!.Value, $"{row} NEg Mcal/d");
        Within(caG, r.CalciumGramsPerDay, $"{row} Ca g/d");
        Within(pG, r.PhosphorusGramsPerDay, $"{row} P g/d");
        Within(vitaminA, r.VitaminAThousandIuPerDay, $"{row} vitamin A 1000 IU/d");
    }

    [Fact]
    public void Bull_requirements_reproduce_the_published_example()
    {
        // hanwoo README, "req_bull(bw = 200, dg = 1.0)": CP 654 g, ME 11.7 Mcal, NEg 2.28 Mcal, Ca 32.2 g, P 15.0 g,
        // vitamin A 8.48 and D 1.2 (1000 IU).
        var r = KoreanFeedingStandard.Requirements(new HanwooAnimal(BeefSex.Bull, 200, 1.0));
        Within(654, r.CrudeProteinGramsPerDay, "bull CP");
        Within(11.7, r.MetabolizableEnergyMcalPerDay, "bull ME");
        Within(2.28, r.GainNetEnergyMcalPerDay!.Value, "bull NEg");
        Within(32.2, r.CalciumGramsPerDay, "bull Ca");
        Within(15.0, r.PhosphorusGramsPerDay, "bull P");
        Within(8.48, r.VitaminAThousandIuPerDay, "bull vitamin A");
        Within(1.2, r.VitaminDThousandIuPerDay, "bull vitamin D");
    }

    [Fact]
    public void Maintenance_protein_is_the_5_56_g_per_metabolic_kg_the_standard_adopted()
    {
        // Kim et al. (2006): CPm = 5.56 g/BW^0.75, "adopted by the Korean Feeding Standard"; at zero gain CP is maintenance only.
        var r = KoreanFeedingStandard.Requirements(new HanwooAnimal(BeefSex.Steer, 256, 0));
        Assert.Equal(5.56 * 64, r.CrudeProteinGramsPerDay, 6); // 256^0.75 = 64
        Assert.Equal(0.125 * 64, r.MetabolizableEnergyMcalPerDay, 6);
        Assert.Equal(0, r.GainNetEnergyMcalPerDay!.Value, 12);
    }

    [Fact]
    public void Heifer_energy_and_protein_follow_the_Hanwoo_heifer_trial()
    {
        // Chung et al. (1992), per kg BW^0.75 per day: ME 116.98 + 171.32 ADG − 35.73 ADG² kcal; TDN 28.13 + 60.40 ADG − 14.03 ADG² g;
        // N 0.98 + 1.25 ADG − 0.44 ADG² g. 256 kg (BW^0.75 = 64), 0.5 kg/d: ME 116.98 + 85.66 − 8.9325 = 193.7075 kcal × 64 = 12.397 Mcal;
        // TDN 28.13 + 30.2 − 3.5075 = 54.8225 g × 64 = 3.5086 kg; CP 6.25 × (0.98 + 0.625 − 0.11) × 64 = 598.0 g.
        var r = KoreanFeedingStandard.Requirements(new HanwooAnimal(BeefSex.Heifer, 256, 0.5));
        Assert.Equal(12.3973, r.MetabolizableEnergyMcalPerDay, 3);
        Assert.Equal(3.5086, r.TdnKgPerDay, 3);
        Assert.Equal(598.0, r.CrudeProteinGramsPerDay, 1);
        Assert.Null(r.GainNetEnergyMcalPerDay);
        Assert.Contains("Chung et al. (1992", r.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Requirements_rise_with_weight_and_gain()
    {
        var light = KoreanFeedingStandard.Requirements(new HanwooAnimal(BeefSex.Steer, 300, 0.8));
        var heavy = KoreanFeedingStandard.Requirements(new HanwooAnimal(BeefSex.Steer, 600, 0.8));
        var fast = KoreanFeedingStandard.Requirements(new HanwooAnimal(BeefSex.Steer, 300, 1.1));
        Assert.True(heavy.MetabolizableEnergyMcalPerDay > light.MetabolizableEnergyMcalPerDay);
        Assert.True(heavy.DryMatterIntakeKgPerDay > light.DryMatterIntakeKgPerDay);
        Assert.True(fast.MetabolizableEnergyMcalPerDay > light.MetabolizableEnergyMcalPerDay);
        Assert.True(fast.CrudeProteinGramsPerDay > light.CrudeProteinGramsPerDay);
    }

    [Fact]
    public void A_lactating_steer_gets_a_field_error_naming_days_in_milk()
    {
        var v = new Validation();
        KoreanFeedingStandard.Validate(v, new HanwooAnimal(BeefSex.Steer, 400, 0.9, DaysInMilk: 30), "beef.");
        var error = Assert.Single(v.FieldErrors);
        Assert.Equal("beef.animal.daysInMilk", error.Field);
        Assert.Contains("cannot be lactating", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => KoreanFeedingStandard.Requirements(new HanwooAnimal(BeefSex.Steer, 400, 0.9, DaysInMilk: 30)));
    }

    [Fact]
    public void Cows_pregnant_heifers_and_calves_are_outside_the_standard_and_point_to_nrc2000()
    {
        var cow = new Validation();
        KoreanFeedingStandard.Validate(cow, new HanwooAnimal(BeefSex.Cow, 450, 0));
        Assert.Equal("animal.sex", Assert.Single(cow.FieldErrors).Field);
        Assert.Contains("nrc2000", cow.FieldErrors[0].Message, StringComparison.Ordinal);

        var pregnant = new Validation();
        KoreanFeedingStandard.Validate(pregnant, new HanwooAnimal(BeefSex.Heifer, 350, 0.4, DaysPregnant: 200));
        Assert.Equal("animal.daysPregnant", Assert.Single(pregnant.FieldErrors).Field);

        var calf = new Validation();
        KoreanFeedingStandard.Validate(calf, new HanwooAnimal(BeefSex.Steer, 40, 0.6));
        Assert.Equal("animal.bodyWeightKg", Assert.Single(calf.FieldErrors).Field);
        Assert.Contains("suckling calves", calf.FieldErrors[0].Message, StringComparison.Ordinal);

        Assert.Equal(BeefRequirementModel.Nrc2000, BeefRequirementModels.DefaultFor(BeefBreeds.Hanwoo, BeefSex.Cow, 200, 0));
        Assert.Equal(BeefRequirementModel.KoreanFeedingStandard, BeefRequirementModels.DefaultFor(BeefBreeds.Hanwoo, BeefSex.Steer, 0, 0));
        Assert.Equal(BeefRequirementModel.Nrc2000, BeefRequirementModels.DefaultFor(BeefBreeds.Holstein, BeefSex.Steer, 0, 0));
    }

    [Fact]
    public void Weight_loss_is_refused_as_the_standard_is_a_growth_standard()
    {
        var v = new Validation();
        KoreanFeedingStandard.Validate(v, new HanwooAnimal(BeefSex.Bull, 400, -0.2));
        Assert.Equal("animal.targetGainKgPerDay", Assert.Single(v.FieldErrors).Field);
    }

    [Fact]
    public void Shrunk_gain_is_96_percent_of_live_gain()
    {
        // NRC (2000) Ch. 3: SBW = 0.96 × full BW, so a live gain of 1.0 kg/d is a shrunk gain of 0.96 kg/d.
        Assert.Equal(0.96, BeefGains.ShrunkFromLive(1.0), 12);
        Assert.Equal(1.0, BeefGains.LiveFromShrunk(0.96), 12);
        var animal = BeefAnimal.Create(BeefBreeds.Hanwoo, BeefSex.Steer, 400, 16, targetGainKgPerDay: 0.96);
        Assert.Equal(1.0, HanwooAnimal.From(animal).LiveGainKgPerDay, 12);
    }
}

/// <summary>Allowable gains under the standard invert its requirement equations.</summary>
public sealed class KfsAllowableGainTests
{
    [Theory]
    [InlineData(300, 0.9)]
    [InlineData(576, 1.2)]
    [InlineData(650, 0.4)]
    public void The_energy_and_protein_allowable_gains_give_back_the_requirement(double bw, double gain)
    {
        var r = KoreanFeedingStandard.Requirements(new HanwooAnimal(BeefSex.Steer, bw, gain));
        Assert.Equal(gain, KfsAllowableGain.EnergyAllowableKgPerDay(bw, bull: false, r.MetabolizableEnergyMcalPerDay), 6);
        Assert.Equal(gain, KfsAllowableGain.ProteinAllowableKgPerDay(bw, bull: false, r.CrudeProteinGramsPerDay), 6);
    }

    [Fact]
    public void Diet_ME_from_TDN_is_4_41_times_0_82_Mcal_per_kg_TDN()
    {
        // 70 % TDN: 0.70 × 4.41 × 0.82 = 2.53134 Mcal ME/kg DM.
        Assert.Equal(2.53134, KfsAllowableGain.MetabolizableEnergyMcalPerKgFromTdn(70), 9);
    }
}

/// <summary>The requirement model choice in the beef evaluation.</summary>
public sealed class BeefRequirementModelTests
{
    private static readonly Cnucnm.Nutrition.Dairy.DietEntry[] Diet =
    [
        new(Cnucnm.Nutrition.Feeds.FeedLibrary.Nasem.Get("Corn grain dry, fine grind"), 5.5),
        new(Cnucnm.Nutrition.Feeds.FeedLibrary.Nasem.Get("Soybean meal, solvent 48CP"), 0.8),
        new(Cnucnm.Nutrition.Feeds.FeedLibrary.Nasem.Get("Wheat straw"), 1.5),
    ];

    [Fact]
    public void A_hanwoo_steer_defaults_to_the_standard_and_a_holstein_steer_to_nrc()
    {
        var hanwoo = BeefModel.Evaluate(new BeefInput(BeefAnimal.Create(BeefBreeds.Hanwoo, BeefSex.Steer, 450, 18, 0.96), Diet));
        Assert.Equal(BeefRequirementModel.KoreanFeedingStandard, hanwoo.RequirementModel);
        var kfs = hanwoo.KoreanFeedingStandard!;
        // Shrunk target 0.96 kg/d is a live target of 1.0 kg/d; the requirements are the standard's at 450 kg, 1.0 kg/d.
        Assert.Equal(KoreanFeedingStandard.Requirements(new HanwooAnimal(BeefSex.Steer, 450, 1.0)), kfs.Requirements);
        // Supply at 7.8 kg DM: CP from the diet's composition, the same CP intake the NRC run counts.
        Assert.Equal(hanwoo["CPI_g"], kfs.CrudeProteinSupplyGramsPerDay, 9);
        Assert.Equal(hanwoo["TDNI"], kfs.TdnSupplyKgPerDay, 9);
        Assert.Equal(kfs.TdnSupplyKgPerDay * 4.41 * 0.82, kfs.MetabolizableEnergySupplyMcalPerDay, 9);

        var holstein = BeefModel.Evaluate(new BeefInput(BeefAnimal.Create(BeefBreeds.Holstein, BeefSex.Steer, 450, 14, 1.2), Diet));
        Assert.Equal(BeefRequirementModel.Nrc2000, holstein.RequirementModel);
        Assert.Null(holstein.KoreanFeedingStandard);

        var nrcAsked = BeefModel.Evaluate(new BeefInput(BeefAnimal.Create(BeefBreeds.Hanwoo, BeefSex.Steer, 450, 18, 0.96), Diet,
            RequirementModel: BeefRequirementModel.Nrc2000));
        Assert.Null(nrcAsked.KoreanFeedingStandard);
    }

    [Fact]
    public void A_hanwoo_animal_outside_the_standard_falls_back_to_nrc_by_default_and_is_refused_when_the_standard_is_asked_for()
    {
        var cow = BeefAnimal.Create(BeefBreeds.Hanwoo, BeefSex.Cow, 480, 60, 0) with { DaysPregnant = 250 };
        Assert.Equal(BeefRequirementModel.Nrc2000, BeefRequirementModels.DefaultFor(cow));
        var v = new Validation();
        BeefRequirementModels.ValidateChoice(v, BeefRequirementModel.KoreanFeedingStandard, cow, "beef.");
        Assert.Equal("beef.animal.sex", Assert.Single(v.FieldErrors).Field);
        Assert.Throws<ArgumentException>(() => BeefModel.Evaluate(new BeefInput(cow, Diet, RequirementModel: BeefRequirementModel.KoreanFeedingStandard)));
    }

    [Fact]
    public void A_hanwoo_cow_or_calf_on_nrc_says_why_and_other_animals_say_nothing()
    {
        var pregnant = BeefModel.Evaluate(new BeefInput(BeefAnimal.Create(BeefBreeds.Hanwoo, BeefSex.Cow, 480, 60, 0) with { DaysPregnant = 250 }, Diet));
        Assert.Equal(BeefRequirementModel.Nrc2000, pregnant.RequirementModel);
        Assert.Contains("pregnant Hanwoo cows", pregnant.RequirementModelNote, StringComparison.Ordinal);
        Assert.Contains("not found", pregnant.RequirementModelNote, StringComparison.Ordinal);

        var lactating = BeefAnimal.Create(BeefBreeds.Hanwoo, BeefSex.Cow, 480, 60, 0) with { DaysInMilk = 60 };
        Assert.Contains("lactating Hanwoo cows", BeefRequirementModels.FallbackNote(lactating, BeefRequirementModel.Nrc2000), StringComparison.Ordinal);
        var calf = BeefAnimal.Create(BeefBreeds.Hanwoo, BeefSex.Bull, 70, 2, 0.8);
        Assert.Contains("suckling Hanwoo calves", BeefRequirementModels.FallbackNote(calf, BeefRequirementModel.Nrc2000), StringComparison.Ordinal);

        var steer = BeefAnimal.Create(BeefBreeds.Hanwoo, BeefSex.Steer, 450, 18, 0.96);
        Assert.Null(BeefRequirementModels.FallbackNote(steer, BeefRequirementModel.KoreanFeedingStandard));
        Assert.Contains("chosen by the request", BeefRequirementModels.FallbackNote(steer, BeefRequirementModel.Nrc2000), StringComparison.Ordinal);
        Assert.Null(BeefRequirementModels.FallbackNote(BeefAnimal.Create(BeefBreeds.Holstein, BeefSex.Steer, 450, 14, 1.2), BeefRequirementModel.Nrc2000));
    }

    [Fact]
    public void Expected_intake_is_the_ME_requirement_over_4_4_Mcal_times_the_metabolizability()
    {
        // Steer 450 kg, 0.833333 kg/d live, by hand: BW^0.75 = 97.703334, ME = 12.212917 + 4.339656 / 0.468332 = 21.479113 Mcal/d,
        // q = 0.592733, DMI = 21.479113 / (4.4 × 0.592733) = 8.235772 kg DM/d.
        var steer = KoreanFeedingStandard.Requirements(new HanwooAnimal(BeefSex.Steer, 450, 0.8 / 0.96));
        Assert.Equal(21.479113, steer.MetabolizableEnergyMcalPerDay, 5);
        Assert.Equal(8.235772, steer.DryMatterIntakeKgPerDay, 5);
        // The diet it implies has ME 4.4 q Mcal/kg DM, i.e. TDN 4.4 q / (4.41 × 0.82) = 121.7 q % (72.1 % here).
        Assert.Equal(4.4 * 0.592733 / (4.41 * 0.82) * 100, steer.TdnPercentOfDryMatter, 3);

        // Bull 300 kg, 1.0 kg/d: BW^0.75 = 72.082, ME = 0.1307 × 72.082 + 0.0429 × 72.082 / (0.78 × 0.6052 + 0.006), DMI = ME / (4.4 × 0.6052).
        var bull = KoreanFeedingStandard.Requirements(new HanwooAnimal(BeefSex.Bull, 300, 1.0));
        var metabolic = Math.Pow(300, 0.75);
        var me = 0.1307 * metabolic + 0.0429 * metabolic / (0.78 * 0.6052 + 0.006);
        Assert.Equal(me / (4.4 * 0.6052), bull.DryMatterIntakeKgPerDay, 9);
    }
}
