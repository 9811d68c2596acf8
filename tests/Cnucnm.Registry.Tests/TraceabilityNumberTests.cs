using Cnucnm.Registry;

namespace Cnucnm.Registry.Tests;

public sealed class TraceabilityNumberTests
{
    [Fact]
    public void Twelve_digits_are_accepted() => Assert.Null(TraceabilityNumber.Validate("002012345678"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("00201234567")]
    [InlineData("0020123456789")]
    [InlineData("00201234567A")]
    [InlineData("0020 2345678")]
    public void Anything_but_twelve_digits_is_rejected(string? value) =>
        Assert.NotNull(TraceabilityNumber.Validate(value));
}
