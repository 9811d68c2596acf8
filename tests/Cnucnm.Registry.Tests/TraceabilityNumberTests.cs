using Cnucnm.Registry;

namespace Cnucnm.Registry.Tests;

public sealed class TraceabilityNumberTests
{
    [Fact]
    public void Twelve_digits_with_the_cattle_prefix_are_accepted() => Assert.Null(TraceabilityNumber.Validate("002012345678"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("00201234567")]
    [InlineData("0020123456789")]
    [InlineData("00201234567A")]
    [InlineData("0020 2345678")]
    public void Anything_but_twelve_digits_is_rejected(string? value) =>
        Assert.NotNull(TraceabilityNumber.Validate(value));

    [Fact]
    public void A_number_without_the_cattle_prefix_002_is_rejected() =>
        Assert.Contains("002", TraceabilityNumber.Validate("410123456789"), StringComparison.Ordinal);

    [Theory]
    [InlineData("KOR 002 1234 5678 9")]
    [InlineData("kr002-1234-5678-9")]
    [InlineData(" 002123456789 ")]
    [InlineData("KOR\u3000002\u30001234\u30005678\u30009")] // the ideographic space of Korean input methods
    [InlineData("\uFF2B\uFF2F\uFF32 \uFF10\uFF10\uFF12 \uFF11\uFF12\uFF13\uFF14 \uFF15\uFF16\uFF17\uFF18 \uFF19")] // full-width letters and digits
    [InlineData("KOR\u00A0002.1234.5678.9")]
    public void The_tag_as_printed_normalizes_to_twelve_digits(string printed) =>
        Assert.Equal("002123456789", TraceabilityNumber.Normalize(printed));
}
