using Cnucnm.Registry;
using Cnucnm.Registry.Records;

namespace Cnucnm.Registry.Tests;

public sealed class RecordValidationTests
{
    private static readonly DateOnly Today = TestAnimals.Today;

    private static List<string> Fields(AnimalRecord record, Animal animal, params AnimalRecord[] earlier) =>
        [.. RecordValidation.Validate(record, animal, earlier, Today).Select(e => e.Field)];

    [Fact]
    public void Any_record_dated_in_the_future_before_birth_or_after_leaving_is_refused_on_the_date()
    {
        var cow = TestAnimals.Cow();
        Assert.Equal(["date"], Fields(new HealthEvent(Today.AddDays(1), "mastitis"), cow));
        Assert.Equal(["date"], Fields(new HealthEvent(cow.BirthDate.AddDays(-1), "mastitis"), cow));
        var sold = cow with { Status = AnimalStatus.Sold, StatusDate = Today.AddDays(-10), StatusReason = "sold" };
        Assert.Equal(["date"], Fields(new HealthEvent(Today.AddDays(-5), "mastitis"), sold));
        Assert.Empty(Fields(new HealthEvent(Today.AddDays(-10), "mastitis"), sold));
    }

    [Fact]
    public void Weights_are_bounded_by_the_breeds_calf_weight_and_age()
    {
        // Hanwoo calf 26 kg: limits 13 kg and, at 100 days, 26 + 2.5 × 100 = 276 kg.
        var calf = TestAnimals.Cow("hanwoo", birth: Today.AddDays(-100));
        Assert.Equal((13, 276), RecordValidation.PlausibleBodyWeightKg(AnimalBreeds.Find("hanwoo")!, 100));
        Assert.Empty(Fields(new Weighing(Today, 270), calf));
        Assert.Equal(["bodyWeightKg"], Fields(new Weighing(Today, 300), calf));
        Assert.Equal(["bodyWeightKg"], Fields(new Weighing(Today, 12), calf));
        Assert.Equal(["bodyWeightKg"], Fields(new Weighing(Today, double.NaN), calf));
        Assert.Equal(["bodyWeightKg"], Fields(new Weighing(Today, 0), calf));
    }

    [Fact]
    public void Condition_scores_follow_the_breeds_scale()
    {
        Assert.Empty(Fields(new Weighing(Today, 600, 7), TestAnimals.Cow("hanwoo")));
        Assert.Equal(["bodyConditionScore"], Fields(new Weighing(Today, 600, 7), TestAnimals.Cow("holstein")));
        Assert.Equal(["bodyConditionScore"], Fields(new Weighing(Today, 600, 0.5), TestAnimals.Cow("holstein")));
    }

    [Fact]
    public void Milk_tests_need_a_calving_and_no_dry_off_since_and_plausible_values()
    {
        var cow = TestAnimals.Cow();
        var test = new MilkTest(Today, 35, 3.8, 3.1, 4.8, 150);
        var calving = new Calving(Today.AddDays(-60));
        Assert.Equal(["date"], Fields(test, cow));
        Assert.Empty(Fields(test, cow, calving));
        Assert.Equal(["date"], Fields(test, cow, calving, new DryOff(Today.AddDays(-1))));
        Assert.Equal(["fatPercent", "somaticCellsThousandPerMl"], Fields(test with { FatPercent = 12, SomaticCellsThousandPerMl = -1 }, cow, calving));
        Assert.Equal(["animal"], Fields(test, cow with { Sex = AnimalSex.Steer }, calving));
    }

    [Fact]
    public void Inseminations_need_a_female_of_breeding_age()
    {
        Assert.Equal(["date"], Fields(new Insemination(Today), TestAnimals.Cow(birth: Today.AddDays(-179))));
        Assert.Empty(Fields(new Insemination(Today, "KPN1234"), TestAnimals.Cow(birth: Today.AddDays(-180))));
        Assert.Equal(["animal"], Fields(new Insemination(Today), TestAnimals.Cow(sex: AnimalSex.Male)));
    }

    [Fact]
    public void A_positive_pregnancy_check_needs_an_insemination_at_least_25_days_before()
    {
        var cow = TestAnimals.Cow();
        Assert.Equal(["pregnant"], Fields(new PregnancyCheck(Today, true), cow));
        Assert.Equal(["date"], Fields(new PregnancyCheck(Today, true), cow, new Insemination(Today.AddDays(-20))));
        Assert.Empty(Fields(new PregnancyCheck(Today, true), cow, new Insemination(Today.AddDays(-25))));
        Assert.Empty(Fields(new PregnancyCheck(Today, false), cow));
        // An insemination before the last calving does not count for this lactation.
        Assert.Equal(["pregnant"], Fields(new PregnancyCheck(Today, true), cow, new Insemination(Today.AddDays(-300)), new Calving(Today.AddDays(-60))));
    }

    [Fact]
    public void Calvings_need_a_cow_old_enough_a_full_gestation_since_the_last_and_a_plausible_calf()
    {
        // Holstein: youngest at calving 180 + (279 − 40) = 419 days; at least 239 days between calvings; calf 12.9–86 kg (43 kg × 0.3 and × 2).
        Assert.Equal(["date"], Fields(new Calving(Today), TestAnimals.Cow(birth: Today.AddDays(-418))));
        Assert.Empty(Fields(new Calving(Today), TestAnimals.Cow(birth: Today.AddDays(-419))));
        var cow = TestAnimals.Cow();
        Assert.Equal(["date"], Fields(new Calving(Today), cow, new Calving(Today.AddDays(-238))));
        Assert.Empty(Fields(new Calving(Today, AnimalSex.Female, "002000000011", 42), cow, new Calving(Today.AddDays(-239))));
        Assert.Equal(["calfTag", "calfBirthWeightKg"], Fields(new Calving(Today, AnimalSex.Male, cow.Tag, 100), cow));
    }

    [Fact]
    public void Dry_off_needs_a_calving_and_only_once_per_lactation()
    {
        var cow = TestAnimals.Cow();
        var calving = new Calving(Today.AddDays(-300));
        Assert.Equal(["date"], Fields(new DryOff(Today), cow));
        Assert.Empty(Fields(new DryOff(Today), cow, calving));
        Assert.Equal(["date"], Fields(new DryOff(Today), cow, calving, new DryOff(Today.AddDays(-5))));
    }

    [Fact]
    public void Health_events_need_a_diagnosis_and_withdrawal_days_within_a_year()
    {
        var cow = TestAnimals.Cow();
        Assert.Equal(["diagnosis", "milkWithdrawalDays", "meatWithdrawalDays"], Fields(new HealthEvent(Today, " ", null, -1, 366), cow));
        var treated = new HealthEvent(new DateOnly(2026, 3, 28), "mastitis", "cefquinome", 4, 7);
        Assert.Empty(Fields(treated, cow));
        Assert.Equal(new DateOnly(2026, 4, 1), treated.MilkWithdrawalEnd);
        Assert.Equal(new DateOnly(2026, 4, 4), treated.MeatWithdrawalEnd);
    }

    [Fact]
    public void Moves_go_to_another_group_and_only_for_active_animals()
    {
        var group = Guid.NewGuid();
        var cow = TestAnimals.Cow(group: group);
        Assert.Empty(Fields(new GroupMove(Today, group, Guid.NewGuid()), cow));
        Assert.Equal(["toGroupId"], Fields(new GroupMove(Today, group, group), cow));
        Assert.Equal(["toGroupId"], Fields(new GroupMove(Today, group, Guid.Empty), cow));
        var dead = cow with { Status = AnimalStatus.Dead, StatusDate = Today, StatusReason = "bloat" };
        Assert.Equal(["animal"], Fields(new GroupMove(Today, group, Guid.NewGuid()), dead));
    }
}
