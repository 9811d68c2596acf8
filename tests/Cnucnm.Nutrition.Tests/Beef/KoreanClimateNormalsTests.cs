using Cnucnm.FieldValidation;
using Cnucnm.Nutrition.Beef;

namespace Cnucnm.Nutrition.Tests.Beef;

/// <summary>The KMA 1991–2020 monthly normals behind the beef environment defaults (Data/kma_climate_normals_1991_2020.csv).</summary>
public sealed class KoreanClimateNormalsTests
{
    [Theory]
    // KMA 기후평년값 1991–2020, 월평년값 "3.평균기온": Seoul (108) January −1.9 and August 26.1 °C; Chuncheon (101) January
    // −4.1 and December −2.0; Jeju (184) January 6.1; Seosan (129), the station for Chungnam, July 24.5 °C.
    [InlineData("KR-11", 1, -1.9, 108)]
    [InlineData("KR-11", 8, 26.1, 108)]
    [InlineData("KR-51", 1, -4.1, 101)]
    [InlineData("KR-51", 12, -2.0, 101)]
    [InlineData("KR-49", 1, 6.1, 184)]
    [InlineData("KR-44", 7, 24.5, 129)]
    public void A_province_reads_its_station_normal_for_the_month(string province, int month, double expectedCelsius, int station)
    {
        Assert.True(KoreanClimateNormals.TryGet(province, out var climate));
        Assert.Equal(station, climate.StationId);
        Assert.Equal(expectedCelsius, climate.MeanCelsius(month), 3);
    }

    [Fact]
    public void Every_province_of_Korea_has_twelve_months_with_winter_colder_than_summer()
    {
        // 17 first-level divisions: 1 special city, 6 metropolitan cities, 1 special self-governing city, 6 provinces,
        // 3 special self-governing provinces (Jeju, Gangwon, Jeonbuk).
        Assert.Equal(17, KoreanClimateNormals.All.Count);
        Assert.All(KoreanClimateNormals.All, p =>
        {
            Assert.Equal(12, p.MonthlyMeanCelsius.Count);
            Assert.True(p.MeanCelsius(1) < p.MeanCelsius(8), p.NameEnglish);
        });
    }

    [Theory]
    [InlineData("KR-42")] // Gangwon before it became a special self-governing province (KR-51, 2023)
    [InlineData("kr-51")]
    [InlineData("강원특별자치도")]
    [InlineData("gangwon")]
    public void Former_codes_and_Korean_or_English_names_find_the_same_province(string key)
    {
        Assert.True(KoreanClimateNormals.TryGet(key, out var climate));
        Assert.Equal("KR-51", climate.Code);
    }

    [Fact]
    public void The_month_before_January_is_December()
    {
        Assert.True(KoreanClimateNormals.TryGet("KR-11", out var seoul));
        Assert.Equal(0.2, seoul.PreviousMonthMeanCelsius(1), 3);
        Assert.Equal(-1.9, seoul.PreviousMonthMeanCelsius(2), 3);
    }

    private static BeefEnvironmentDescription Environment(double? now = null, double? previous = null, string? province = null, int? month = null) =>
        new(now, previous, null, null, null, null, null, null, null, null, null, province, month);

    [Fact]
    public void With_a_province_and_month_the_temperatures_left_out_are_its_normals_and_the_note_says_so()
    {
        var used = BeefAnimalDescriptions.DescribeEnvironment(Environment(province: "KR-51", month: 1));

        Assert.Equal(-4.1, used.TemperatureCelsius, 3);
        Assert.Equal("kmaNormal", used.TemperatureSource);
        Assert.Equal(-2.0, used.PreviousMonthTemperatureCelsius, 3);
        Assert.Equal("kmaNormal", used.PreviousMonthTemperatureSource);
        Assert.Equal("KR-51", used.Province);
        Assert.Equal(1, used.Month);
        Assert.Contains("Chuncheon (101)", used.Note, StringComparison.Ordinal);
        Assert.Contains("December", used.Note, StringComparison.Ordinal);
        // The animal the model sees carries them: acclimatization to −2 °C adds 0.0007 × 22 Mcal/kg SBW^0.75 to NEm.
        var animal = BeefAnimalDescriptions.ToAnimal(new BeefAnimalDescription("hanwoo", BeefSex.Steer, 450, null, 18, null, null, null, null, null,
            null, null, null, null, 0.8, null), Environment(province: "KR-51", month: 1));
        Assert.Equal(-2.0, animal.Environment.PreviousMonthTemperatureCelsius, 3);
        Assert.Equal(-4.1, animal.Environment.TemperatureCelsius, 3);
    }

    [Fact]
    public void Temperatures_given_win_over_the_normals()
    {
        var used = BeefAnimalDescriptions.DescribeEnvironment(Environment(now: 3, previous: 1, province: "KR-11", month: 8));

        Assert.Equal((3.0, "request", 1.0, "request"), (used.TemperatureCelsius, used.TemperatureSource, used.PreviousMonthTemperatureCelsius, used.PreviousMonthTemperatureSource));
    }

    [Fact]
    public void Without_a_province_the_defaults_are_stated_thermoneutral_and_a_current_temperature_serves_the_previous_month()
    {
        var none = BeefAnimalDescriptions.DescribeEnvironment(null);
        Assert.Equal((15.0, "default", 20.0, "default"), (none.TemperatureCelsius, none.TemperatureSource, none.PreviousMonthTemperatureCelsius, none.PreviousMonthTemperatureSource));
        Assert.Contains("thermoneutral", none.Note, StringComparison.Ordinal);
        Assert.Null(none.Province);

        var current = BeefAnimalDescriptions.DescribeEnvironment(Environment(now: 5));
        Assert.Equal((5.0, "request", 5.0, "currentTemperature"), (current.TemperatureCelsius, current.TemperatureSource, current.PreviousMonthTemperatureCelsius, current.PreviousMonthTemperatureSource));
    }

    [Theory]
    [InlineData("Atlantis", 1, "environment.province")]
    [InlineData("KR-11", 13, "environment.month")]
    [InlineData("KR-11", null, "environment.month")]
    public void An_unknown_province_or_a_bad_or_missing_month_is_a_field_error(string province, int? month, string field)
    {
        var v = new Validation();
        BeefAnimalDescriptions.Validate(v, new BeefAnimalDescription("hanwoo", BeefSex.Steer, 450, null, 18, null, null, null, null, null,
            null, null, null, null, 0.8, null), Environment(province: province, month: month), "beef.");

        Assert.Contains(v.FieldErrors, e => e.Field == "beef." + field);
    }
}
