using Cnucnm.Registry;

namespace Cnucnm.Registry.Tests;

public sealed class AnimalValidationTests
{
    private static readonly DateOnly Today = TestAnimals.Today;

    private static List<string> Fields(Animal animal) => [.. AnimalValidation.Validate(animal, Today).Select(e => e.Field)];

    [Fact]
    public void A_complete_registration_is_valid() => Assert.Empty(Fields(TestAnimals.Cow()));

    [Fact]
    public void Each_bad_field_is_named()
    {
        var animal = TestAnimals.Cow() with { Tag = "12345", BreedId = "zebu", BirthDate = Today.AddDays(1), Name = new string('x', 101) };
        Assert.Equal(["tag", "name", "breed", "birthDate"], Fields(animal));
    }

    [Fact]
    public void The_dam_cannot_be_the_animal_itself()
    {
        var animal = TestAnimals.Cow();
        Assert.Equal(["damTag"], Fields(animal with { DamTag = animal.Tag }));
        Assert.Equal(["damTag"], Fields(animal with { DamTag = "002" }));
    }

    [Fact]
    public void An_animal_that_left_needs_a_date_and_a_reason()
    {
        var sold = TestAnimals.Cow() with { Status = AnimalStatus.Sold };
        Assert.Equal(["statusDate", "statusReason"], Fields(sold));
        Assert.Empty(Fields(sold with { StatusDate = Today, StatusReason = "sold to a neighbour" }));
        Assert.Equal(["statusDate"], Fields(sold with { StatusDate = Today.AddDays(3), StatusReason = "sold" }));
        Assert.Equal(["statusDate"], Fields(TestAnimals.Cow() with { StatusDate = Today }));
    }
}
