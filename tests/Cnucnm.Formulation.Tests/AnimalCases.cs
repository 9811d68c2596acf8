using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Formulation.Tests;

/// <summary>
/// Generated animal-mode requests for the least-cost acceptance test: lactating Holstein and Jersey cows, far-off and
/// close-up dry cows and heifers, 8–60 library feeds (forages, grains, protein meals, rumen-protected Met and Lys, urea,
/// macro and trace mineral sources, a vitamin–trace-mineral premix, vitamin A, D and E premixes, calcium soaps of fatty acids),
/// prices around typical US figures (the reference panel's for the supplements). The first sixteen (forages, corn, soybean
/// meal, premix, limestone, salt, rumen-protected Met, cobalt, vitamins E, A and D, zinc, copper and manganese sulfate,
/// EDDI) are in every set from sixteen feeds up: the trace-mineral premix alone cannot meet the NASEM Mn and vitamin
/// requirements without more supplemental Se than the legal limit. With fewer feeds a request may have no ration, which
/// the test also checks (ours infeasible, the search finds none). Every request uses the default guard rails; dry cows get an explicit intake (their NASEM equation reads
/// the diet).
/// </summary>
internal static class AnimalCases
{
    /// <summary>In this order a smaller feed set keeps the feeds a ration cannot do without.</summary>
    private static readonly (string Name, double PricePerTonneAsFed, double? MaxKgDm)[] Priority =
    [
        ("Corn silage, typical", 55, null), ("Legume hay, mid-maturity", 230, 10), ("Corn grain dry, fine grind", 260, 10),
        ("Soybean meal, solvent 48CP", 480, 6), ("VitTM Premix, generic", 2500, 0.25), ("Limestone", 120, 0.5), ("Sodium chloride (salt)", 150, 0.2),
        ("Rumen Protected Met", 9000, 0.05), ("Cobalt carbonate", 60000, 0.0005), ("Vit E premix", 8000, 0.08), ("Vit A premix", 8000, 0.05),
        ("Vit D premix", 8000, 0.05), ("Zinc sulfate (H2O)", 3000, 0.005), ("Copper sulfate (5H2O)", 9000, 0.002), ("Manganese sulfate (H2O)", 3000, 0.05),
        ("EDDI", 90000, 0.0005), ("Calcium soaps", 1300, 0.6),
        ("Wheat straw", 110, 8), ("Cool season grass hay, mid-mtr", 180, 8), ("Rumen Protected Lys", 6000, 0.1), ("Urea", 600, 0.15), ("Barley grain, dry, ground", 240, 6), ("Canola meal", 380, 5),
        ("Calcium phosphate (di)", 900, 0.3), ("Magnesium oxide", 700, 0.1), ("Soybean hulls", 190, 4), ("Sodium bicarbonate", 450, 0.3),
        ("Potassium carbonate", 1200, 0.3), ("Calcium chloride", 700, 0.3), ("Beet pulp, dry", 250, 4), ("Selenium yeast, generic", 15000, 0.01),
    ];

    public sealed record Case(int Seed, string Kind, FormulationRequest Request, Feed[] Feeds, double[] PricePerKgDm, double[] MaxKgDm);

    public static Case Generate(int seed)
    {
        var random = new Random(seed * 7919 + 11);
        double Uniform(double low, double high) => low + (high - low) * random.NextDouble();
        var kind = (seed % 6) switch
        {
            0 or 1 => "lactating Holstein",
            2 => "lactating Jersey",
            3 => "far-off dry",
            4 => "close-up dry",
            _ => "heifer",
        };
        var feedCount = 8 + random.Next(53);
        DairyAnimalDescription animal;
        Bounds? intake = null;
        switch (kind)
        {
            case "lactating Holstein" or "lactating Jersey":
                var jersey = kind.EndsWith("Jersey", StringComparison.Ordinal);
                var dim = Math.Round(Uniform(30, 280));
                animal = new DairyAnimalDescription(PhysiologicalState.LactatingCow, jersey ? DairyBreed.Jersey : DairyBreed.Holstein,
                    Math.Round(jersey ? Uniform(400, 500) : Uniform(580, 720)), jersey ? 500 : 700, Math.Round(Uniform(2.75, 3.5), 2), Math.Round(Uniform(1, 4)),
                    1600, dim, dim > 120 ? dim - 100 : 0, 280, jersey ? 30 : 44, Math.Round(jersey ? Uniform(18, 30) : Uniform(25, 45), 1),
                    Math.Round(jersey ? Uniform(4.6, 5.2) : Uniform(3.5, 4.2), 2), Math.Round(jersey ? Uniform(3.5, 3.9) : Uniform(2.9, 3.3), 2), 4.85, 0, 0,
                    null, 280, 14, 0);
                break;
            case "far-off dry" or "close-up dry":
                var bodyWeight = Math.Round(Uniform(620, 760));
                animal = new DairyAnimalDescription(PhysiologicalState.DryCow, DairyBreed.Holstein, bodyWeight, 720, 3.25, Math.Round(Uniform(1, 4)), 1800, 0,
                    kind == "close-up dry" ? Math.Round(Uniform(262, 275)) : Math.Round(Uniform(215, 250)), 280, 44, 0, 0, 0, 0, 0, 0, null, 280, 14, 0);
                var dmi = Math.Round(bodyWeight * Uniform(0.016, 0.019), 2);
                intake = new Bounds(dmi, dmi);
                break;
            default:
                var age = Math.Round(Uniform(200, 650));
                animal = new DairyAnimalDescription(PhysiologicalState.Heifer, DairyBreed.Holstein, Math.Round(100 + age * 0.75 * Uniform(0.9, 1.05)), 700, 3,
                    0, age, 0, age > 450 ? age - 420 : 0, 280, 44, 0, 0, 0, 0, Math.Round(Uniform(0.7, 0.9), 2), 0, null, 280, 14, 420);
                break;
        }

        var chosen = Priority.Take(Math.Min(feedCount, Priority.Length)).ToList();
        var extra = FeedLibrary.Nasem.Feeds
            .Where(f => f.Category is not ("Calf Liquid Feed" or "Vitamin/Mineral" or "Additive" or "Pasture")
                        && !f.Name.Contains("calves", StringComparison.Ordinal) && Priority.All(p => p.Name != f.Name))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        var offers = new List<FeedOffer>();
        var feeds = new List<Feed>();
        var prices = new List<double>();
        var maxima = new List<double>();
        void Add(Feed feed, double pricePerTonneAsFed, double? max)
        {
            var price = Math.Round(pricePerTonneAsFed * Uniform(0.9, 1.1), 1);
            offers.Add(new FeedOffer($"f{offers.Count + 1}", Feed: feed.Name, PricePerTonneAsFed: price, MaxKgDm: max));
            feeds.Add(feed);
            prices.Add(price / 1000 / (feed.DryMatterPercent / 100));
            maxima.Add(max ?? double.PositiveInfinity);
        }

        foreach (var (name, price, max) in chosen)
        {
            Add(FeedLibrary.Nasem.Get(name), price, max);
        }

        foreach (var feed in extra.OrderBy(_ => random.Next()).Take(feedCount - chosen.Count))
        {
            var perTonneDm = feed.IsForage ? Uniform(150, 260) : Uniform(200, 520);
            Add(feed, perTonneDm * feed.DryMatterPercent / 100, feed.IsForage ? 8 : feed.Category.StartsWith("Fat", StringComparison.Ordinal) ? 0.5 : 3);
        }

        var request = new FormulationRequest(offers, DryMatterIntakeKg: intake, Animal: animal, Environment: new EnvironmentDescription(20, null, null, null));
        return new Case(seed, kind, request, [.. feeds], [.. prices], [.. maxima]);
    }
}
