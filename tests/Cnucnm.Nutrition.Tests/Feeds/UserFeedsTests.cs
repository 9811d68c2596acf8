using System.Text.Json;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.Tests.Feeds;

public sealed class UserFeedsTests
{
    private static UserFeedDefinition Haylage(Dictionary<string, double>? nutrients = null, double dm = 45, CompositionBasis basis = CompositionBasis.DryMatter) =>
        new("farm-7:haylage-2026", "Farm haylage 2026", "헤일리지", "Grass/Legume Forage", FeedType.Forage, basis, dm,
            nutrients ?? new Dictionary<string, double> { ["Fd_CP"] = 18, ["Fd_NDF"] = 45, ["Fd_ADF"] = 32, ["Fd_Ash"] = 10 },
            BasedOn: "Alfalfa meal");

    [Fact]
    public void A_valid_feed_keeps_the_library_values_it_does_not_override()
    {
        var (feed, errors) = UserFeeds.Create(Haylage());

        Assert.Empty(errors);
        Assert.NotNull(feed);
        Assert.Equal(18, feed.Get("Fd_CP"));
        Assert.Equal(45, feed.DryMatterPercent);
        Assert.Equal(TestData.Nasem("Alfalfa meal").Get("Fd_Lys_CP"), feed.Get("Fd_Lys_CP"));
        Assert.Equal(FeedSource.User, feed.Kind);
    }

    [Fact]
    public void As_fed_amounts_are_converted_to_dry_matter_and_relative_values_are_not()
    {
        var (feed, errors) = UserFeeds.Create(Haylage(new() { ["Fd_CP"] = 9, ["Fd_NDF"] = 22.5, ["Fd_Lys_CP"] = 4.4, ["Fd_Zn"] = 11.25 }, dm: 45, CompositionBasis.AsFed));

        Assert.Empty(errors);
        Assert.Equal(20, feed!.Get("Fd_CP"), 9);
        Assert.Equal(50, feed.Get("Fd_NDF"), 9);
        Assert.Equal(25, feed.Get("Fd_Zn"), 9);
        Assert.Equal(4.4, feed.Get("Fd_Lys_CP"), 9);
        Assert.Equal(CompositionBasis.DryMatter, feed.Basis);
    }

    [Fact]
    public void Every_bad_field_is_named()
    {
        var definition = new UserFeedDefinition("nasem:mine", "", null, "x", FeedType.Concentrate, CompositionBasis.DryMatter, 0,
            new Dictionary<string, double> { ["Fd_CPP"] = 3, ["Fd_NDF"] = 130, ["Fd_Ca"] = -1, ["Fd_acCa_input"] = 1.5 }, BasedOn: "Corn silage typ");

        var fields = UserFeeds.Validate(definition).Select(e => e.Field).ToList();

        Assert.Equal(["id", "name", "dryMatterPercent", "basedOn", "nutrients.Fd_CPP", "nutrients.Fd_NDF", "nutrients.Fd_Ca", "nutrients.Fd_acCa_input"], fields);
        Assert.Contains("Fd_CP", UserFeeds.Validate(definition).Single(e => e.Field == "nutrients.Fd_CPP").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inconsistent_composition_is_rejected()
    {
        var errors = UserFeeds.Validate(Haylage(new() { ["Fd_CP"] = 18, ["Fd_NDF"] = 45, ["Fd_ADF"] = 50, ["Fd_Ash"] = 40, ["Fd_CPARU"] = 30, ["Fd_CPBRU"] = 30, ["Fd_CPCRU"] = 10 }));

        Assert.Contains(errors, e => e.Field == "nutrients.Fd_ADF");
        Assert.Contains(errors, e => e.Field == "nutrients.Fd_CPBRU");
        Assert.Contains(errors, e => e.Field == "nutrients" && e.Message.Contains("more than 100", StringComparison.Ordinal));
    }

    [Fact]
    public void Feeds_round_trip_through_json_as_they_cross_the_wire()
    {
        var feed = TestData.Nasem("Canola meal");
        var copy = JsonSerializer.Deserialize<Feed>(JsonSerializer.Serialize(feed));
        Assert.Equal(feed, copy);
        Assert.Equal(feed.Get("Fd_CP"), copy!.Get("Fd_CP"));
    }
}
