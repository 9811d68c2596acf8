namespace Cnucnm.Nutrition.ModelEvaluation;

/// <summary>The classes the evaluation reports separately, each evaluated by one model.</summary>
public enum AnimalClass
{
    /// <summary>Growing Holstein heifers: NASEM (2021) dairy model.</summary>
    HolsteinHeifer,

    /// <summary>Lactating cows (Holstein; one Jersey-like record): NASEM (2021) dairy model.</summary>
    LactatingCow,

    /// <summary>Non-lactating cows: NASEM (2021) dairy model.</summary>
    DryCow,

    /// <summary>Holstein steers: NRC (2000) beef model with the Holstein breed row.</summary>
    HolsteinSteer,

    /// <summary>Steers with breed code 3 (Angus in the breed table) but breed type Holstein and a 450 kg mature weight:
    /// evaluated as a dairy-type steer (Holstein breed row) finishing at the recorded mature weight.</summary>
    BreedCode3Steer,

    /// <summary>Holstein × Hanwoo steers: NRC (2000) beef model with the crossbred breed row.</summary>
    CrossbredSteer,

    /// <summary>Hanwoo steers: NRC (2000) beef model with Hanwoo parameters and the Japanese Feeding Standard intake; also run under
    /// the Korean Feeding Standard (<see cref="CasePrediction.Kfs"/>, <see cref="HanwooModelComparison"/>).</summary>
    HanwooSteer,
}

public static class AnimalClasses
{
    public static string Label(this AnimalClass animalClass) => animalClass switch
    {
        AnimalClass.HolsteinHeifer => "Holstein heifers",
        AnimalClass.LactatingCow => "Lactating cows",
        AnimalClass.DryCow => "Dry cows",
        AnimalClass.HolsteinSteer => "Holstein steers",
        AnimalClass.BreedCode3Steer => "Breed-code-3 steers",
        AnimalClass.CrossbredSteer => "Holstein × Hanwoo steers",
        AnimalClass.HanwooSteer => "Hanwoo steers",
        _ => throw new ArgumentOutOfRangeException(nameof(animalClass), animalClass, null),
    };

    /// <summary>Evaluated by the NASEM (2021) dairy model; the others by the NRC (2000) beef model.</summary>
    public static bool IsDairy(this AnimalClass animalClass) =>
        animalClass is AnimalClass.HolsteinHeifer or AnimalClass.LactatingCow or AnimalClass.DryCow;

    /// <summary>The model that evaluates the class.</summary>
    public static string Model(this AnimalClass animalClass) => animalClass.IsDairy() ? "NASEM 2021 dairy" : "NRC 2000 beef";

    /// <summary>A short file-name-safe id (used for plot file names).</summary>
    public static string Slug(this AnimalClass animalClass) => animalClass switch
    {
        AnimalClass.HolsteinHeifer => "holstein-heifers",
        AnimalClass.LactatingCow => "lactating-cows",
        AnimalClass.DryCow => "dry-cows",
        AnimalClass.HolsteinSteer => "holstein-steers",
        AnimalClass.BreedCode3Steer => "breed-code-3-steers",
        AnimalClass.CrossbredSteer => "crossbred-steers",
        AnimalClass.HanwooSteer => "hanwoo-steers",
        _ => throw new ArgumentOutOfRangeException(nameof(animalClass), animalClass, null),
    };
}
