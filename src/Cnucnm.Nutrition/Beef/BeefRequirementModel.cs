using Cnucnm.FieldValidation;
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

    /// <summary>
    /// Why a Hanwoo animal's requirements come from NRC (2000) rather than the Korean Feeding Standard, in one sentence, or
    /// null when nothing needs saying (another breed, or the standard in force). Cows, pregnant or lactating animals and
    /// suckling calves fall back to NRC because the standard's equations for them (NIAS, Korean Feeding Standard for Hanwoo,
    /// 2017 and 2022 editions) were not found in any source we could reach; docs/science.md lists what was searched.
    /// </summary>
    public static string? FallbackNote(BeefAnimal animal, BeefRequirementModel modelInForce)
    {
        ArgumentNullException.ThrowIfNull(animal);
        if (animal.Breed.Id != BeefBreeds.Hanwoo.Id || modelInForce != BeefRequirementModel.Nrc2000)
        {
            return null;
        }

        if (DefaultFor(animal) == BeefRequirementModel.KoreanFeedingStandard)
        {
            return "NRC (2000) chosen by the request; the Korean Feeding Standard for Hanwoo is the default for this animal.";
        }

        var uncovered = animal.DaysInMilk > 0 ? "lactating Hanwoo cows"
            : animal.DaysPregnant > 0 ? "pregnant Hanwoo cows and heifers"
            : animal.Sex == BeefSex.Cow ? "Hanwoo cows"
            : animal.BodyWeightKg < KoreanFeedingStandard.WeightRangeKg(animal.Sex).Min ? "suckling Hanwoo calves"
            : null;
        return uncovered is null
            ? "NRC (2000) in place of the Korean Feeding Standard for Hanwoo: this weight or gain lies outside the range its equations are used for."
            : $"NRC (2000) with Hanwoo breed parameters in place of the Korean Feeding Standard for Hanwoo: the standard's equations for {uncovered} "
              + "were not found in any source we could reach (docs/science.md says what was searched).";
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
