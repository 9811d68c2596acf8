using Cnucnm.Analytics.Growth;
using Cnucnm.Analytics.Lactation;
using Cnucnm.Analytics.Simulation;

namespace Cnucnm.Analytics.Tests.Intake;

/// <summary>The demo farm's record simulators put their measurements on the curves they are given.</summary>
public sealed class RecordSimulatorTests
{
    [Fact]
    public void Milk_tests_fall_on_the_wood_curve_every_interval_until_the_last_day_in_milk_or_today()
    {
        var cow = new WoodCurve(15, 0.25, 0.004);
        var calving = new DateOnly(2026, 1, 1);
        var tests = RecordSimulator.MilkTests(cow, calving, until: calving.AddDays(100), firstTestDaysInMilk: 7, intervalDays: 30,
            lastDaysInMilk: 304, noiseKg: 0, new SeededNoise(1));

        Assert.Equal([7, 37, 67, 97], tests.Select(t => t.Date.DayNumber - calving.DayNumber));
        Assert.All(tests, t => Assert.Equal(Math.Round(cow.MilkKgPerDay(t.Date.DayNumber - calving.DayNumber), 1), t.Value));
        var whole = RecordSimulator.MilkTests(cow, calving, calving.AddDays(400), 7, 30, 304, 0, new SeededNoise(1));
        Assert.Equal(277, whole[^1].Date.DayNumber - calving.DayNumber); // the last test before dry-off at 305
    }

    [Fact]
    public void Weighings_fall_on_the_gompertz_curve_by_age_and_none_before_birth()
    {
        var steer = new GompertzCurve(871, Math.Log(871.0 / 25), 0.004);
        var birth = new DateOnly(2025, 1, 1);
        var weighings = RecordSimulator.Weighings(steer, birth, [birth.AddDays(-5), birth.AddDays(365), birth.AddDays(900)], 0, new SeededNoise(1));

        Assert.Equal(2, weighings.Count);
        Assert.Equal(Math.Round(steer.BodyWeightKg(365), 1), weighings[0].Value);
        Assert.InRange(weighings[1].Value, 780, 800); // 790 kg at 30 months (docs/analytics.md, "Demo farm")
    }
}
