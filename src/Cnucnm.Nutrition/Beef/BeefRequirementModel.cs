using Cnucnm.Nutrition.Beef.Hanwoo;

namespace Cnucnm.Nutrition.Beef;

/// <summary>Which book states the requirements of a beef or Hanwoo animal.</summary>
public enum BeefRequirementModel
{
    /// <summary>The Korean Feeding Standard for Hanwoo (NIAS), see <see cref="KoreanFeedingStandard"/>: the default for the Hanwoo
    /// steers, bulls and open heifers it covers.</summary>
    KoreanFeedingStandard,

    /// <summary>NRC (2000) / NASEM (2016) Level 1 with breed parameters (<see cref="BeefModel"/>): the default for other breeds
    /// and for Hanwoo cows, pregnant or lactating animals and calves.</summary>
    Nrc2000,
}

/// <summary>The default requirement model of an animal.</summary>
public static class BeefRequirementModels
{
    /// <summary>KFS for Hanwoo animals it covers (<see cref="KoreanFeedingStandard.Covers"/>), NRC 2000 otherwise.</summary>
    public static BeefRequirementModel DefaultFor(BeefBreed breed, BeefSex sex, double daysPregnant, double daysInMilk)
    {
        ArgumentNullException.ThrowIfNull(breed);
        return breed.Id == BeefBreeds.Hanwoo.Id && KoreanFeedingStandard.Covers(sex, daysPregnant, daysInMilk)
            ? BeefRequirementModel.KoreanFeedingStandard
            : BeefRequirementModel.Nrc2000;
    }

    /// <summary>The default for a beef model animal: KFS for a Hanwoo animal whose class, weight and gain the standard covers
    /// (<see cref="KoreanFeedingStandard.Validate"/>), NRC 2000 otherwise.</summary>
    public static BeefRequirementModel DefaultFor(BeefAnimal animal)
    {
        ArgumentNullException.ThrowIfNull(animal);
        if (DefaultFor(animal.Breed, animal.Sex, animal.DaysPregnant, animal.DaysInMilk) != BeefRequirementModel.KoreanFeedingStandard)
        {
            return BeefRequirementModel.Nrc2000;
        }

        var v = new Validation();
        KoreanFeedingStandard.Validate(v, HanwooAnimal.From(animal));
        return v.IsValid ? BeefRequirementModel.KoreanFeedingStandard : BeefRequirementModel.Nrc2000;
    }

    /// <summary>Field errors when the Korean Feeding Standard is asked for an animal it does not cover (<paramref name="prefix"/> e.g. <c>beef.</c>).</summary>
    public static void ValidateChoice(Validation v, BeefRequirementModel? model, BeefAnimal animal, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(animal);
        if (model != BeefRequirementModel.KoreanFeedingStandard)
        {
            return;
        }

        if (animal.Breed.Id != BeefBreeds.Hanwoo.Id)
        {
            v.Add(prefix + "requirementModel", $"koreanFeedingStandard is the Korean Feeding Standard for Hanwoo, not for {animal.Breed.Name}; choose nrc2000.");
            return;
        }

        KoreanFeedingStandard.Validate(v, HanwooAnimal.From(animal), prefix);
    }
}
