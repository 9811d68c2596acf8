using Cnucnm.Contracts.Groups;
using Cnucnm.Registry;
using Cnucnm.Registry.Groups;
using Cnucnm.Registry.Records;

namespace Cnucnm.Registry.Tests;

public sealed class GroupInputsDerivationTests
{
    private static readonly DateOnly Today = TestAnimals.Today;

    private static readonly GroupInputs Typed = new(Breed.Holstein, PhysiologicalState.LactatingCow, 50, 680, 3.0, null, 1500, 2, 150, 0,
        35, 3.6, 3.0, 4.8, 0, GroupEnvironment.Housed(), null);

    private static GroupMember Member(Animal animal, IReadOnlyList<AnimalRecord> records) => new(animal, AnimalDerived.Summarize(animal, records, Today));

    private static List<GroupMember> ThreeCows() =>
    [
        Member(TestAnimals.Cow(), TestAnimals.Lactating(1, 100, 600, 3.0, new MilkTest(Today.AddDays(-1), 40, 3.5, 3.0, 4.8), 50)),
        Member(TestAnimals.Cow(), TestAnimals.Lactating(3, 200, 700, 3.5, new MilkTest(Today.AddDays(-1), 30, 4.0, 3.2, 4.7), 150)),
        Member(TestAnimals.Cow(), TestAnimals.Lactating(2, 50, 650, null, new MilkTest(Today.AddDays(-1), 50, 3.8, 3.1, 4.9), null)),
    ];

    [Fact]
    public void Inputs_are_the_mean_animal_of_the_members_worked_by_hand()
    {
        var d = GroupInputsDerivation.Derive(Typed, ThreeCows());
        var i = d.Inputs;
        Assert.Equal(3, i.HeadCount);
        Assert.Equal(650, i.BodyWeightKg, 9);               // (600 + 700 + 650) / 3
        Assert.Equal(3.25, i.BodyConditionScore, 9);        // (3.0 + 3.5) / 2: the unscored cow does not count
        Assert.Equal(2, i.Parity);                           // (1 + 3 + 2) / 3
        Assert.Equal(117, i.DaysInMilk);                     // (100 + 200 + 50) / 3 = 116.7
        Assert.Equal(40, i.MilkKgPerDay!.Value, 9);                 // (40 + 30 + 50) / 3
        Assert.Equal(3.75, i.MilkFatPercent!.Value, 9);             // (40 × 3.5 + 30 × 4.0 + 50 × 3.8) / 120 = 450 / 120
        Assert.Equal(371.0 / 120, i.MilkTrueProteinPercent!.Value, 9); // (120 + 96 + 155) / 120
        Assert.Equal(578.0 / 120, i.MilkLactosePercent!.Value, 9);  // (192 + 141 + 245) / 120
        Assert.Equal(100, i.DaysPregnant);                   // 2 of 3 pregnant: (50 + 150) / 2
        Assert.Equal(2.0 / 3, d.SharePregnant, 9);
        Assert.Equal(100, d.MeanDaysPregnantOfPregnant);
        Assert.Equal(new Dictionary<int, int> { [1] = 1, [2] = 1, [3] = 1 }, d.ParityMix);
        // What members cannot tell stays the group's.
        Assert.Equal(Typed.State, i.State);
        Assert.Equal(Typed.Environment, i.Environment);
        Assert.Empty(d.Overridden);
    }

    [Fact]
    public void The_group_inputs_change_when_a_member_calves()
    {
        // Two cows: one milking, one dry and 270 days pregnant.
        var milking = (TestAnimals.Cow(), TestAnimals.Lactating(1, 100, 650, 3.0, new MilkTest(Today.AddDays(-1), 40, 3.6, 3.1, 4.8), null));
        var dryCow = TestAnimals.Cow();
        var dryRecords = new List<AnimalRecord>
        {
            new Calving(Today.AddDays(-400)), new Insemination(Today.AddDays(-270)), new PregnancyCheck(Today.AddDays(-230), true),
            new DryOff(Today.AddDays(-50)), new Weighing(Today.AddDays(-1), 720, 3.5),
        };
        var before = GroupInputsDerivation.Derive(Typed, [Member(milking.Item1, milking.Item2), Member(dryCow, dryRecords)]).Inputs;
        Assert.Equal(100, before.DaysInMilk);        // the milking cow only
        Assert.Equal(270, before.DaysPregnant);      // 1 of 2 pregnant: half is "most"
        Assert.Equal(1, before.Parity);              // (1 + 1) / 2
        dryRecords.Add(new Calving(Today.AddDays(-1)));
        var after = GroupInputsDerivation.Derive(Typed, [Member(milking.Item1, milking.Item2), Member(dryCow, dryRecords)]).Inputs;
        Assert.Equal(51, after.DaysInMilk);          // (100 + 1) / 2 = 50.5, rounded half away from zero
        Assert.Equal(0, after.DaysPregnant);
        Assert.Equal(2, after.Parity);               // (1 + 2) / 2 = 1.5 → 2
        Assert.Equal(40, after.MilkKgPerDay);        // the fresh cow has no test yet
    }

    [Fact]
    public void The_group_inputs_change_when_a_member_is_weighed()
    {
        var a = TestAnimals.Cow();
        var b = TestAnimals.Cow();
        var aRecords = new List<AnimalRecord> { new Weighing(Today.AddDays(-30), 600) };
        var bRecords = new List<AnimalRecord> { new Weighing(Today.AddDays(-30), 700) };
        Assert.Equal(650, GroupInputsDerivation.Derive(Typed, [Member(a, aRecords), Member(b, bRecords)]).Inputs.BodyWeightKg, 9);
        aRecords.Add(new Weighing(Today, 640));
        Assert.Equal(670, GroupInputsDerivation.Derive(Typed, [Member(a, aRecords), Member(b, bRecords)]).Inputs.BodyWeightKg, 9);
    }

    [Fact]
    public void Condition_scores_are_averaged_on_the_groups_scale()
    {
        // A Hanwoo (beef 1–9) group with a Holstein scored 3.0 (dairy) = 5.0 beef, and a Hanwoo scored 7: mean 6.0.
        var hanwooGroup = Typed with { Breed = Breed.Hanwoo, State = PhysiologicalState.BeefCow };
        var d = GroupInputsDerivation.Derive(hanwooGroup,
        [
            Member(TestAnimals.Cow("holstein"), [new Weighing(Today, 600, 3.0)]),
            Member(TestAnimals.Cow("hanwoo"), [new Weighing(Today, 450, 7.0)]),
        ]);
        Assert.Equal(6.0, d.Inputs.BodyConditionScore, 9);
    }

    [Fact]
    public void Animals_that_left_do_not_count_and_an_empty_group_keeps_its_inputs()
    {
        var members = ThreeCows();
        members[2] = members[2] with { Animal = members[2].Animal with { Status = AnimalStatus.Sold, StatusDate = Today, StatusReason = "sold" } };
        Assert.Equal(2, GroupInputsDerivation.Derive(Typed, members).Inputs.HeadCount);
        Assert.Equal(Typed, GroupInputsDerivation.Derive(Typed, []).Inputs);
    }

    [Fact]
    public void Farm_overrides_replace_the_derived_values_they_name()
    {
        var d = GroupInputsDerivation.Derive(Typed, ThreeCows(), new GroupInputOverrides(BodyWeightKg: 700, MilkFatPercent: 4.0));
        Assert.Equal(700, d.Inputs.BodyWeightKg);
        Assert.Equal(4.0, d.Inputs.MilkFatPercent);
        Assert.Equal(40, d.Inputs.MilkKgPerDay!.Value, 9);
        Assert.Equal(["bodyWeightKg", "milkFatPercent"], d.Overridden);
    }

    [Fact]
    public void A_lactating_group_whose_members_have_no_calving_keeps_its_days_in_milk_flagged_unknown_not_zero()
    {
        // Weighed cows with no calving or milk test on record: days in milk and milk stay as the group has them (150 d, 35 kg).
        var members = new List<GroupMember>
        {
            Member(TestAnimals.Cow(), [new Weighing(Today, 640)]),
            Member(TestAnimals.Cow(), [new Weighing(Today, 660)]),
        };
        var d = GroupInputsDerivation.Derive(Typed, members);
        Assert.Equal(150, d.Inputs.DaysInMilk);
        Assert.Equal(35, d.Inputs.MilkKgPerDay);
        Assert.Equal(650, d.Inputs.BodyWeightKg, 9);
        Assert.Equal(["bodyConditionScore", "daysInMilk", "milkKgPerDay", "milkFatPercent", "milkTrueProteinPercent", "milkLactosePercent"], d.Unknown);

        // Set by hand, it is no longer unknown; a group with records of everything has nothing unknown.
        Assert.DoesNotContain("daysInMilk", GroupInputsDerivation.Derive(Typed, members, new GroupInputOverrides(DaysInMilk: 90)).Unknown);
        Assert.Empty(GroupInputsDerivation.Derive(Typed, ThreeCows()).Unknown);
    }

    [Fact]
    public void A_group_that_is_not_lactating_has_no_days_in_milk_and_no_milk_to_be_unknown()
    {
        var heifers = Typed with { State = PhysiologicalState.Heifer, DaysInMilk = 0 };
        var d = GroupInputsDerivation.Derive(heifers, [Member(TestAnimals.Cow(birth: new DateOnly(2025, 1, 1)), [new Weighing(Today, 350, 3.0)])]);
        Assert.Null(d.Inputs.DaysInMilk);
        Assert.Null(d.Inputs.MilkKgPerDay);
        Assert.Empty(d.Unknown);
    }

    [Fact]
    public void A_steer_group_derived_from_its_members_carries_no_milk_components()
    {
        // A Hanwoo steer pen stored with dairy milk components (as groups were before the state rule), one member with a
        // milk test on record (a mis-filed record) and the farm overriding milk yield: none of it reaches the steers.
        var steers = Typed with { Breed = Breed.Hanwoo, State = PhysiologicalState.FatteningSteer, Parity = 0, BodyConditionScore = 6 };
        var members = new List<GroupMember>
        {
            Member(TestAnimals.Cow("hanwoo", new DateOnly(2024, 6, 1), AnimalSex.Steer), [new Weighing(Today, 640, null)]),
            Member(TestAnimals.Cow("hanwoo", new DateOnly(2024, 6, 1), AnimalSex.Steer),
                [new Weighing(Today, 660, null), new MilkTest(Today.AddDays(-1), 20, 4.0, 3.2, 4.8)]),
        };
        var d = GroupInputsDerivation.Derive(steers, members, new GroupInputOverrides(MilkKgPerDay: 30, BodyWeightKg: 655));

        Assert.Equal(2, d.Inputs.HeadCount);
        Assert.Equal(655, d.Inputs.BodyWeightKg);
        Assert.Equal(["bodyWeightKg"], d.Overridden);
        Assert.All(new[] { d.Inputs.MilkKgPerDay, d.Inputs.MilkFatPercent, d.Inputs.MilkTrueProteinPercent, d.Inputs.MilkLactosePercent },
            Assert.Null);
        Assert.Null(d.Inputs.DaysInMilk);
        Assert.DoesNotContain(d.Unknown, GroupInputs.MilkComponentNames.Contains);

        // The same members in a lactating group keep the components (the rule follows the state, not the members).
        var lactating = GroupInputsDerivation.Derive(Typed, members);
        Assert.Equal(35, lactating.Inputs.MilkKgPerDay); // no member has calved on record: the group's own yield, flagged
        Assert.Contains("milkKgPerDay", lactating.Unknown);
    }
}
