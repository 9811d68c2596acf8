using System.Text.Json;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.Tests;

/// <summary>Files under Data/ (copied next to the test assembly) and small input builders.</summary>
internal static class TestData
{
    public static string PathOf(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Data", .. parts]);

    /// <summary>Reads a NASEM-shaped JSON input (animal_input, equation_selection, diet).</summary>
    public static DairyInput ReadNasemJson(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var (input, errors) = NasemInputReader.Read(document.RootElement, FeedLibrary.Nasem);
        return input ?? throw new InvalidOperationException(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
    }

    public static Feed Nasem(string name) => FeedLibrary.Nasem.Get(name);

    /// <summary>A mature Holstein cow with neutral defaults; tests override what they check.</summary>
    public static DairyAnimal Cow(
        PhysiologicalState state = PhysiologicalState.LactatingCow,
        double bodyWeightKg = 650,
        double matureBodyWeightKg = 700,
        double parity = 2,
        double ageDays = 1800,
        double daysInMilk = 100,
        double daysPregnant = 0,
        double gestationLengthDays = 280,
        double calfBirthWeightKg = 44,
        double milkKg = 35,
        double fatPercent = 3.8,
        double truePercent = 3.1,
        double lactosePercent = 4.85,
        double frameGainKg = 0,
        double reserveGainKg = 0,
        double? targetDmiKg = null,
        double temperatureCelsius = 15,
        DairyBreed breed = DairyBreed.Holstein) =>
        new(state, breed, bodyWeightKg, matureBodyWeightKg, 3, parity, ageDays, daysInMilk, daysPregnant, gestationLengthDays,
            calfBirthWeightKg, milkKg, fatPercent, truePercent, lactosePercent, frameGainKg, reserveGainKg, targetDmiKg, 280, 14, 0,
            new DairyEnvironment(temperatureCelsius));

    /// <summary>The four feeds of the public NASEM demo in the demo's proportions, scaled to <paramref name="totalKg"/>.</summary>
    public static IReadOnlyList<DietEntry> DemoDiet(double totalKg = 24.521) =>
    [
        new(Nasem("Alfalfa meal"), 8.2101564407 / 24.521 * totalKg),
        new(Nasem("Canola meal"), 6.7323288918 / 24.521 * totalKg),
        new(Nasem("Corn silage, typical"), 5.4734377861 / 24.521 * totalKg),
        new(Nasem("Corn grain HM, coarse grind"), 4.1050782204 / 24.521 * totalKg),
    ];
}
