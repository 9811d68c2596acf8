using Cnucnm.Formulation.Beef;
using Cnucnm.Nutrition.Beef;

namespace Cnucnm.Formulation.Tests.Beef;

/// <summary>The environment from the farm: the province's KMA normals for the month of the formulation date.</summary>
public sealed class BeefClimateTests
{
    private static FormulationRequest InProvince(FormulationRequest pen, string? province, int? month) =>
        pen with { Beef = pen.Beef! with { Environment = new BeefEnvironmentDescription(null, null, null, null, null, null, null, null, null, null, null, province, month) } };

    [Fact]
    public void A_winter_pen_in_Gangwon_is_formulated_at_its_normals_which_cost_more_maintenance_than_the_thermoneutral_default()
    {
        // Holstein steers are on NRC (2000), whose maintenance adjusts to the previous month's temperature.
        var winter = RationFormulator.Formulate(InProvince(ReferencePens.HolsteinSteer450, "KR-51", 1));
        var neutral = RationFormulator.Formulate(ReferencePens.HolsteinSteer450);

        Assert.Equal(FormulationStatus.Optimal, winter.Status);
        var used = winter.Animal!.Environment!;
        Assert.Equal(("kmaNormal", -2.0, "kmaNormal", -4.1), (used.PreviousMonthTemperatureSource, used.PreviousMonthTemperatureCelsius, used.TemperatureSource, used.TemperatureCelsius));
        Assert.Equal("default", neutral.Animal!.Environment!.PreviousMonthTemperatureSource);
        var me = Assert.Single(winter.Animal.Check, c => c.Nutrient == "ME");
        var meNeutral = Assert.Single(neutral.Animal.Check, c => c.Nutrient == "ME");
        Assert.True(me.Required > meNeutral.Required * 1.05, $"{me.Required} vs {meNeutral.Required} Mcal/d");
        Assert.True(winter.CostPerDay > neutral.CostPerDay, $"{winter.CostPerDay} vs {neutral.CostPerDay}");
    }

    [Fact]
    public void A_province_without_a_month_takes_the_month_of_the_formulation_date_in_Korea()
    {
        var request = InProvince(ReferencePens.HolsteinSteer450, "KR-44", null);

        // 31 January 16:00 UTC is already 1 February in Korea (UTC+9).
        var filled = BeefClimateMonth.WithMonthFrom(request, new DateTimeOffset(2027, 1, 31, 16, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, filled.Beef!.Environment!.Month);
        // A month given, or no province, is left alone.
        var withoutProvince = ReferencePens.HolsteinSteer450;
        Assert.Same(withoutProvince, BeefClimateMonth.WithMonthFrom(withoutProvince, DateTimeOffset.UnixEpoch));
        Assert.Equal(7, BeefClimateMonth.WithMonthFrom(InProvince(ReferencePens.HolsteinSteer450, "KR-44", 7), DateTimeOffset.UnixEpoch).Beef!.Environment!.Month);
    }

    [Fact]
    public void An_unknown_province_is_a_400_naming_the_field()
    {
        var response = RationFormulator.Formulate(InProvince(ReferencePens.HanwooGrowing250, "Narnia", 3));

        Assert.Equal(FormulationStatus.Invalid, response.Status);
        Assert.Contains(response.Errors!, e => e.Field == "beef.environment.province" && e.Message.Contains("KR-44", StringComparison.Ordinal));
    }
}
