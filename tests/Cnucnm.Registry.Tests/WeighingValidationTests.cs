using Cnucnm.Registry;

namespace Cnucnm.Registry.Tests;

public sealed class WeighingValidationTests
{
    private static readonly DateOnly Birth = new(2025, 5, 1);
    private static readonly DateOnly Today = new(2026, 5, 1);

    [Fact]
    public void A_weighing_between_birth_and_today_is_valid() =>
        Assert.Empty(WeighingValidation.Validate(new Weighing(new DateOnly(2026, 1, 1), 300), Birth, Today));

    [Fact]
    public void A_future_date_is_reported_on_the_date_field() =>
        Assert.Equal("date", Assert.Single(WeighingValidation.Validate(new Weighing(Today.AddDays(1), 300), Birth, Today)).Field);

    [Fact]
    public void A_date_before_birth_is_reported_on_the_date_field() =>
        Assert.Equal("date", Assert.Single(WeighingValidation.Validate(new Weighing(Birth.AddDays(-1), 30), Birth, Today)).Field);

    [Theory]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    [InlineData(double.NaN)]
    public void A_non_positive_weight_is_reported_on_the_weight_field(double bodyWeightKg) =>
        Assert.Equal("bodyWeightKg", Assert.Single(WeighingValidation.Validate(new Weighing(Today, bodyWeightKg), Birth, Today)).Field);
}
