using Cnucnm.Registry;

namespace Cnucnm.Registry.Tests;

public sealed class BodyConditionTests
{
    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(3.0, 5.0)]
    [InlineData(3.25, 5.5)]
    [InlineData(5.0, 9.0)]
    public void Dairy_scores_map_onto_the_beef_scale_as_twice_minus_one(double dairy, double beef)
    {
        Assert.Equal(beef, BodyCondition.Beef9FromDairy5(dairy), 9);
        Assert.Equal(dairy, BodyCondition.Dairy5FromBeef9(beef), 9);
        Assert.Equal(beef, BodyCondition.Convert(dairy, BodyConditionScale.Dairy5, BodyConditionScale.Beef9), 9);
    }

    [Fact]
    public void Breeds_carry_their_scale_and_gestation_length()
    {
        Assert.Equal(BodyConditionScale.Dairy5, AnimalBreeds.Find("holstein")!.Scale);
        Assert.Equal(BodyConditionScale.Beef9, AnimalBreeds.Find("HANWOO")!.Scale);
        Assert.Equal(279, AnimalBreeds.Find("holstein")!.GestationLengthDays);
        Assert.Equal(285, AnimalBreeds.Find("hanwoo")!.GestationLengthDays);
        Assert.Equal(282, AnimalBreeds.Find("holstein-x-hanwoo")!.GestationLengthDays);
        Assert.Null(AnimalBreeds.Find("zebu"));
    }
}
