using Cnucnm.Registry;

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
}
