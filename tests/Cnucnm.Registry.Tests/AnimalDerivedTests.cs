using Cnucnm.Registry;
using Cnucnm.Registry.Records;

namespace Cnucnm.Registry.Tests;

public sealed class AnimalDerivedTests
{
    [Fact]
    public void Age_counts_days_across_a_leap_year()
    {
        // 2024-01-01 to 2025-01-01 spans 29 February 2024: 366 days.
        Assert.Equal(366, AnimalDerived.AgeDays(new DateOnly(2024, 1, 1), new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void Days_in_milk_counts_from_calving() =>
        Assert.Equal(45, AnimalDerived.DaysInMilk(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 15)));

    [Fact]
    public void Expected_calving_adds_gestation_to_conception()
    {
        // 2026-01-10 + 280 d: 21 days left in January, then 28+31+30+31+30+31+31+30 = 242 to 30 Sep (263), +17 → 17 Oct.
        Assert.Equal(new DateOnly(2026, 10, 17), AnimalDerived.ExpectedCalving(new DateOnly(2026, 1, 10), 280));
        Assert.Equal(100, AnimalDerived.DaysPregnant(new DateOnly(2026, 1, 10), new DateOnly(2026, 4, 20)));
    }

    [Fact]
    public void Average_daily_gain_divides_weight_change_by_days()
    {
        // 250 kg on 1 March, 280 kg on 31 March: 30 kg over 30 d = 1.0 kg/d.
        double adg = AnimalDerived.AverageDailyGainKgPerDay(
            new Weighing(new DateOnly(2026, 3, 1), 250), new Weighing(new DateOnly(2026, 3, 31), 280));
        Assert.Equal(1.0, adg, 6);
    }

    [Fact]
    public void Average_daily_gain_rejects_weighings_out_of_order() =>
        Assert.Throws<ArgumentException>(() => AnimalDerived.AverageDailyGainKgPerDay(
            new Weighing(new DateOnly(2026, 3, 31), 280), new Weighing(new DateOnly(2026, 3, 1), 250)));

    [Fact]
    public void A_pregnant_lactating_cow_summarizes_from_her_records()
    {
        var cow = TestAnimals.Cow() with { BirthDate = new DateOnly(2022, 1, 1) };
        AnimalRecord[] records =
        [
            new Calving(new DateOnly(2025, 9, 1)),
            new Insemination(new DateOnly(2025, 10, 25)),
            new PregnancyCheck(new DateOnly(2025, 11, 30), false),
            new Insemination(new DateOnly(2025, 11, 20)),
            new PregnancyCheck(new DateOnly(2026, 1, 5), true),
            new Weighing(new DateOnly(2026, 1, 1), 600, 3.0),
            new Weighing(new DateOnly(2026, 3, 2), 630),
            new MilkTest(new DateOnly(2026, 3, 15), 38, 3.9, 3.2, 4.8),
            new MilkTest(new DateOnly(2026, 2, 15), 41, 3.7, 3.1, 4.8),
            new HealthEvent(new DateOnly(2026, 3, 20), "mastitis", "cefquinome", 4, 7),
        ];
        var s = AnimalDerived.Summarize(cow, records, new DateOnly(2026, 4, 1));

        // 2022-01-01 → 2026-04-01: 4 × 365 + 1 (29 Feb 2024) + 31 + 28 + 31 = 1,551 days.
        Assert.Equal(1551, s.AgeDays);
        Assert.Equal(1, s.LactationNumber);
        // 1 Sep → 1 Apr: 30 + 31 + 30 + 31 + 31 + 28 + 31 = 212 days in milk.
        Assert.Equal(212, s.DaysInMilk);
        // Conception at the last insemination before the positive check (20 Nov): 10 + 31 + 31 + 28 + 31 + 1 = 132 days.
        Assert.True(s.Pregnant);
        Assert.Equal(new DateOnly(2025, 11, 20), s.ConceptionDate);
        Assert.Equal(132, s.DaysPregnant);
        // Holstein 279 d: 20 Nov + 10 + 31 + 31 + 28 + 31 + 30 + 31 + 30 + 31 = 253 d to 31 Jul, + 26 → 26 Aug 2026.
        Assert.Equal(new DateOnly(2026, 8, 26), s.ExpectedCalving);
        // 600 → 630 kg over 60 days: 0.5 kg/d; the score stays from the last weighing that had one.
        Assert.Equal(630, s.BodyWeightKg);
        Assert.Equal(0.5, s.AverageDailyGainKgPerDay!.Value, 9);
        Assert.Equal(3.0, s.BodyConditionScore);
        Assert.Equal(38, s.LatestMilkTest!.MilkKgPerDay);
        Assert.Equal(new DateOnly(2026, 3, 24), s.MilkWithdrawalEnd);
        Assert.Equal(new DateOnly(2026, 3, 27), s.MeatWithdrawalEnd);
    }

    [Fact]
    public void A_dried_off_cow_has_no_days_in_milk_and_calving_ends_the_pregnancy()
    {
        var cow = TestAnimals.Cow();
        var today = new DateOnly(2026, 4, 1);
        List<AnimalRecord> records =
        [
            new Calving(new DateOnly(2025, 3, 1)),
            new Insemination(new DateOnly(2025, 6, 1)),
            new PregnancyCheck(new DateOnly(2025, 7, 10), true),
            new MilkTest(new DateOnly(2025, 12, 1), 20, 4, 3.3, 4.7),
            new DryOff(new DateOnly(2026, 1, 15)),
        ];
        var dry = AnimalDerived.Summarize(cow, records, today);
        Assert.Null(dry.DaysInMilk);
        Assert.Null(dry.LatestMilkTest);
        Assert.Equal(304, dry.DaysPregnant); // 1 Jun 2025 → 1 Apr 2026: 30 + 31 + 31 + 30 + 31 + 30 + 31 + 31 + 28 + 31 = 304

        records.Add(new Calving(new DateOnly(2026, 3, 10)));
        var fresh = AnimalDerived.Summarize(cow, records, today);
        Assert.Equal(2, fresh.LactationNumber);
        Assert.Equal(22, fresh.DaysInMilk);
        Assert.False(fresh.Pregnant);
        Assert.Null(fresh.ExpectedCalving);
    }
}
