using Cnucnm.Contracts.Groups;

namespace Cnucnm.Registry;

/// <summary>A breed an animal can be registered with (<see cref="AnimalBreeds"/>).</summary>
/// <param name="Id">Stable id, the same as the beef breed table's where the breed is there.</param>
/// <param name="GroupBreed">The breed of a group of these animals in the live-herd grains.</param>
/// <param name="Scale">The body condition scale the breed is scored on.</param>
/// <param name="GestationLengthDays">Mean gestation length, d, used for the expected calving date.</param>
/// <param name="CalfBirthWeightKg">Mean calf birth weight, kg; the plausibility limits of weights scale from it.</param>
/// <param name="Source">Where the gestation length and birth weight come from.</param>
public sealed record AnimalBreed(
    string Id,
    string Name,
    string NameKorean,
    Breed GroupBreed,
    BodyConditionScale Scale,
    int GestationLengthDays,
    double CalfBirthWeightKg,
    string Source);
