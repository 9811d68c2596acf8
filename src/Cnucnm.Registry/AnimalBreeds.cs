using Cnucnm.Contracts.Groups;
using Cnucnm.Nutrition.Beef;

namespace Cnucnm.Registry;

/// <summary>
/// The breeds animals are registered with. Ids, names and calf birth weights of the beef breed table
/// (<see cref="BeefBreeds"/>, Data/beef_breeds.csv) plus Jersey; gestation lengths per breed, cited in each row.
/// </summary>
public static class AnimalBreeds
{
    // Norman et al. (2009) J. Dairy Sci. 92:2259, >9 million US parturitions: mean gestation of cows 279.4 d
    // (Holstein) and 280.0 d (Jersey); heifers 277.8 and 278.4 d.
    private const int HolsteinGestationDays = 279;
    private const int JerseyGestationDays = 280;

    // Hanwoo: about 285 d (NACF Livestock Improvement Center, Chuksan News no. 14158; the range 280–290 d of the
    // Dairy Cattle Improvement Center's reproduction guide).
    private const int HanwooGestationDays = 285;

    // Angus: 283 d, the beef gestation constant of the original CNUCNM R-v3 model (origin-model.md, constants).
    private const int AngusGestationDays = 283;

    // Holstein × Hanwoo: mean of the parent breeds, as the beef breed table does for this cross.
    private const int CrossGestationDays = (HolsteinGestationDays + HanwooGestationDays) / 2;

    /// <summary>Jersey calf birth weight, kg: the original CNUCNM breed table (as DairyGroupModel uses it).</summary>
    private const double JerseyCalfBirthWeightKg = 32;

    private static readonly Lazy<IReadOnlyList<AnimalBreed>> Table = new(Build);

    public static IReadOnlyList<AnimalBreed> All => Table.Value;

    public static AnimalBreed? Find(string? id) =>
        All.FirstOrDefault(b => string.Equals(b.Id, id?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static List<AnimalBreed> Build()
    {
        AnimalBreed FromBeefTable(string id, Breed groupBreed, BodyConditionScale scale, int gestationDays, string gestationSource)
        {
            var beef = BeefBreeds.Get(id);
            return new AnimalBreed(beef.Id, beef.Name, beef.NameKorean, groupBreed, scale, gestationDays, beef.CalfBirthWeightKg,
                $"gestation: {gestationSource}; calf birth weight: beef breed table ({beef.Source})");
        }

        return
        [
            FromBeefTable("hanwoo", Breed.Hanwoo, BodyConditionScale.Beef9, HanwooGestationDays, "about 285 d (NACF Livestock Improvement Center)"),
            FromBeefTable("holstein", Breed.Holstein, BodyConditionScale.Dairy5, HolsteinGestationDays, "Norman et al. (2009) J. Dairy Sci. 92:2259, cows 279.4 d"),
            new AnimalBreed("jersey", "Jersey", "저지", Breed.Jersey, BodyConditionScale.Dairy5, JerseyGestationDays, JerseyCalfBirthWeightKg,
                "gestation: Norman et al. (2009) J. Dairy Sci. 92:2259, cows 280.0 d; calf birth weight: original CNUCNM breed table"),
            FromBeefTable("holstein-x-hanwoo", Breed.HolsteinHanwooCross, BodyConditionScale.Beef9, CrossGestationDays, "mean of Holstein and Hanwoo"),
            FromBeefTable("angus", Breed.Angus, BodyConditionScale.Beef9, AngusGestationDays, "283 d, CNUCNM R-v3 constant"),
        ];
    }
}
