using Cnucnm.Analytics.Growth;

namespace Cnucnm.Analytics.Tests.Growth;

public sealed class SlowGrowerScreenTests
{
    private static AnimalWeighings Animal(string id, double startKg, double gainKgPerDay, Func<double> noise) =>
        new(id, Enumerable.Range(0, 5).Select(i => new Weighing(400 + 30 * i, startKg + gainKgPerDay * 30 * i + noise())).ToList());

    [Fact]
    public void Average_daily_gain_is_the_least_squares_slope_worked_by_hand()
    {
        // (0, 300), (30, 330), (60, 366): mean t = 30, mean BW = 332; slope = Σ(t−30)(BW−332) / Σ(t−30)²
        // = (−30·−32 + 0 + 30·34) / (900 + 0 + 900) = 1980 / 1800 = 1.1 kg/d.
        var adg = SlowGrowerScreen.AverageDailyGainKgPerDay(new AnimalWeighings("a", [new Weighing(0, 300), new Weighing(30, 330), new Weighing(60, 366)]));
        Assert.Equal(1.1, adg, 12);
    }

    [Fact]
    public void Only_the_animal_planted_well_below_the_group_is_flagged()
    {
        var noise = SyntheticNoise.Normal(3, seed: 5);
        var gains = new Random(11);
        var group = Enumerable.Range(1, 12).Select(i => Animal($"steer-{i}", 350, 0.95 + 0.1 * gains.NextDouble(), noise)).ToList();
        group.Add(Animal("steer-slow", 350, 0.70, noise));

        var screened = SlowGrowerScreen.Screen(group);

        var slow = Assert.Single(screened, a => a.IsSlow);
        Assert.Equal("steer-slow", slow.AnimalId);
        Assert.InRange(slow.AverageDailyGainKgPerDay, 0.6, 0.8);
        Assert.True(slow.ZScore < -1.5);
        Assert.InRange(slow.OthersMeanGainKgPerDay, 0.9, 1.1);
    }

    [Fact]
    public void The_animal_is_judged_by_the_others_mean_and_sd_and_the_chosen_k_worked_by_hand()
    {
        // ADGs 1.0, 1.1, 0.9, 1.0, 0.95 kg/d. For the 0.9 animal the others have mean 1.0125 and sample SD
        // √((0.0125² + 0.0875² + 0.0125² + 0.0625²)/3) = √(0.011875/3) = 0.062915, so z = (0.9 − 1.0125)/0.062915 = −1.788:
        // slow at k = 1.5, not at k = 2.
        double[] gains = [1.0, 1.1, 0.9, 1.0, 0.95];
        var group = gains.Select((g, i) => Animal($"cow-{i}", 300, g, () => 0)).ToList();

        var atDefault = SlowGrowerScreen.Screen(group);
        var third = atDefault[2];
        Assert.Equal(1.0125, third.OthersMeanGainKgPerDay, 9);
        Assert.Equal(0.062915, third.OthersGainStandardDeviationKgPerDay, 6);
        Assert.Equal(-1.788, third.ZScore, 3);
        Assert.Equal(["cow-2"], atDefault.Where(a => a.IsSlow).Select(a => a.AnimalId));
        Assert.DoesNotContain(SlowGrowerScreen.Screen(group, standardDeviations: 2), a => a.IsSlow);
        Assert.Throws<ArgumentException>(() => SlowGrowerScreen.Screen(group.Take(2).ToList()));
    }
}
