using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Formulation;

/// <summary>
/// Seeded synthetic formulation requests, the same for a seed on every machine and run (own SplitMix64
/// generator, numbers rounded to 3 decimals): the instances of the property tests, the solver
/// cross-check, the benchmarks and the PuLP comparison (<c>cnucnm formulate --generate</c>).
/// </summary>
public static class SyntheticRations
{
    private static readonly string[] NutrientNames =
    [
        "NEL", "CP", "NDF", "ADF", "St", "EE", "Ca", "P", "Mg", "K", "Na", "S", "RUP", "Lys", "Met", "Ash", "Cu", "Zn", "Mn", "Se",
    ];

    /// <summary>
    /// An explicit-mode request with <paramref name="feedCount"/> feeds and <paramref name="constraintCount"/> LP rows
    /// (intake, ratios, per-day and per-kg-DM nutrient bounds). The bounds are drawn around a hidden ration that meets
    /// them all, so the request is feasible; with probability <paramref name="infeasibleShare"/> one nutrient minimum is
    /// pushed 15–60 % above the hidden ration's level, which often (not always) makes it infeasible.
    /// </summary>
    public static FormulationRequest Explicit(int seed, int feedCount, int constraintCount, double infeasibleShare = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(feedCount, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(constraintCount, 1);
        var random = new SplitMix64((ulong)seed * 0x9E3779B97F4A7C15UL + 17);
        var ratioEntries = constraintCount / 20;
        var nutrientCount = Math.Max(1, constraintCount - 1 - 2 * ratioEntries);
        var names = Enumerable.Range(0, nutrientCount).Select(k => k < NutrientNames.Length ? NutrientNames[k] : $"N{k + 1}").ToArray();
        var means = names.Select(_ => random.Uniform(0.5, 40)).ToArray();

        // Feeds: composition around each nutrient's mean (log-normal spread, some zeros), DM, prices, limits.
        var feeds = new List<(string Id, double Dm, double? PerTonne, double? PerKgDm, double? Min, double? Max, double[] Values)>();
        for (var j = 0; j < feedCount; j++)
        {
            var values = names.Select((_, k) => random.Next() < 0.1 ? 0 : Round(means[k] * Math.Exp(0.6 * random.Normal()))).ToArray();
            var dm = Math.Round(random.Uniform(20, 95), 1);
            var perKgDm = random.Next() < 0.2;
            double? min = random.Next() < 0.15 ? Round(random.Uniform(0.1, 1)) : null;
            double? max = random.Next() < 0.7 ? Round(random.Uniform(1.5, 10)) : null;
            feeds.Add(($"f{j + 1}", dm, perKgDm ? null : Math.Round(random.Uniform(80, 500) * dm / 90, 1), perKgDm ? Round(random.Uniform(0.1, 0.6)) : null,
                min, max, values));
        }

        // The hidden ration: every minimum, then the rest of the intake over a few feeds within their maxima.
        var intake = random.Uniform(15, 25);
        var x = feeds.Select(f => f.Min ?? 0).ToArray();
        var chosen = Enumerable.Range(0, feedCount).OrderBy(_ => random.Next()).Take(Math.Min(feedCount, 4 + (int)(random.Next() * 7))).ToList();
        var weights = chosen.Select(_ => random.Uniform(0.2, 1)).ToArray();
        var remaining = intake - x.Sum();
        for (var pass = 0; pass < 3 && remaining > 1e-9; pass++)
        {
            var total = weights.Sum();
            for (var c = 0; c < chosen.Count && total > 0; c++)
            {
                var j = chosen[c];
                var add = Math.Min(remaining * weights[c] / total, (feeds[j].Max ?? double.PositiveInfinity) - x[j]);
                x[j] += Math.Max(0, add);
            }

            remaining = intake - x.Sum();
            chosen = Enumerable.Range(0, feedCount).Where(j => x[j] < (feeds[j].Max ?? double.PositiveInfinity) - 1e-9).ToList();
            weights = chosen.Select(_ => 1.0).ToArray();
        }

        intake = x.Sum();
        var rows = 1;
        var nutrients = new List<NutrientBound>();
        var infeasible = random.Next() < infeasibleShare;
        var pushed = infeasible ? (int)(random.Next() * nutrientCount) : -1;
        for (var k = 0; k < nutrientCount && rows < constraintCount - 2 * ratioEntries; k++)
        {
            var perDay = feeds.Select((f, j) => f.Values[k] * x[j]).Sum();
            var level = perDay / intake;
            var kind = (int)(random.Next() * 4);
            var push = k == pushed ? random.Uniform(1.15, 1.6) : 1.0;
            if (kind == 3 && rows + 2 > constraintCount - 2 * ratioEntries)
            {
                kind = 1;
            }

            Bounds Range(double value, int sides)
            {
                var low = sides != 2 ? Floor(value * push * (1 - random.Uniform(0, 0.12))) : (double?)null;
                var high = sides != 1 ? Ceiling(Math.Max(value * (1 + random.Uniform(0, 0.12)), (low ?? 0) * 1.02)) : (double?)null;
                return new Bounds(low, high);
            }

            nutrients.Add(kind switch
            {
                0 => new NutrientBound(names[k], PerDay: Range(perDay, 0)),
                1 => new NutrientBound(names[k], PerKgDm: Range(level, 1)),
                2 => new NutrientBound(names[k], PerKgDm: Range(level, push > 1 ? 0 : 2)),
                _ => new NutrientBound(names[k], PerKgDm: Range(level, 0)),
            });
            rows += kind == 3 || (kind == 2 && push > 1) ? 2 : 1;
        }

        var ratios = new List<RatioBound>();
        for (var r = 0; r < ratioEntries; r++)
        {
            var group = Enumerable.Range(0, feedCount).OrderBy(_ => random.Next()).Take(Math.Min(feedCount, 2 + (int)(random.Next() * 3))).ToList();
            var share = group.Sum(j => x[j]) / intake;
            ratios.Add(new RatioBound([.. group.Select(j => feeds[j].Id)], Floor(share * random.Uniform(0.6, 1)),
                Math.Min(1, Ceiling(share * random.Uniform(1, 1.4) + 0.02)), $"group {r + 1}"));
        }

        return new FormulationRequest(
            [.. feeds.Select(f => new FeedOffer(f.Id, null, f.Dm, f.PerTonne, f.PerKgDm, f.Min, f.Max,
                names.Select((n, k) => (n, f.Values[k])).ToDictionary(p => p.n, p => p.Item2)))],
            new Bounds(Floor(intake * random.Uniform(0.95, 1)), Ceiling(intake * random.Uniform(1, 1.05))),
            nutrients,
            ratios);
    }

    /// <summary>Core feeds of a lactating-cow ration from the NASEM library: forages, grains, protein (with rumen-protected Met and
    /// Lys and urea), minerals.</summary>
    private static readonly (string Name, double PricePerTonneAsFed, double? MaxKgDm)[] CoreFeeds =
    [
        ("Corn silage, typical", 55, 16), ("Legume hay, mid-maturity", 230, 8), ("Cool season grass hay, mid-mtr", 180, 6),
        ("Corn grain dry, fine grind", 260, 10), ("Barley grain, dry, ground", 240, 6), ("Soybean meal, solvent 48CP", 480, 5),
        ("Canola meal", 380, 5), ("Rumen Protected Met", 9000, 0.05), ("Rumen Protected Lys", 6000, 0.1), ("Urea", 600, 0.15), ("Soybean hulls", 190, 4), ("Beet pulp, dry", 250, 4), ("Limestone", 120, 0.5),
        ("Calcium phosphate (di)", 900, 0.3), ("Sodium chloride (salt)", 150, 0.15), ("Magnesium oxide", 700, 0.1),
        ("Sodium bicarbonate", 450, 0.3), ("Potassium carbonate", 1200, 0.3), ("Copper sulfate (5H2O)", 9000, 0.002),
        ("Zinc sulfate (H2O)", 3000, 0.005), ("Manganese sulfate (H2O)", 3000, 0.005), ("Cobalt carbonate", 60000, 0.0005),
        ("EDDI", 90000, 0.0005), ("Selenium yeast, generic", 15000, 0.01), ("Ferrous sulfate (H2O)", 1500, 0.005),
    ];

    /// <summary>
    /// An animal-mode request: a lactating Holstein cow drawn from typical ranges, the core feeds (forages,
    /// grains, protein meals, macro and trace mineral sources), a vitamin premix (a user feed), and more NASEM
    /// library feeds up to <paramref name="feedCount"/>.
    /// </summary>
    public static FormulationRequest Animal(int seed, int feedCount)
    {
        var random = new SplitMix64((ulong)seed * 0xD1B54A32D192ED03UL + 5);
        var daysInMilk = Math.Round(random.Uniform(40, 250));
        var animal = new DairyAnimalDescription(PhysiologicalState.LactatingCow, DairyBreed.Holstein, Math.Round(random.Uniform(580, 720)), 700,
            Math.Round(random.Uniform(2.75, 3.5), 2), Math.Round(random.Uniform(1, 4)), 1600, daysInMilk, daysInMilk > 120 ? daysInMilk - 100 : 0, 280, 44,
            Math.Round(random.Uniform(25, 42), 1), Math.Round(random.Uniform(3.5, 4.2), 2), Math.Round(random.Uniform(2.9, 3.3), 2), 4.85, 0, 0, null, 280, 14, 0);

        var feeds = new List<FeedOffer>();
        foreach (var (name, price, max) in CoreFeeds.Take(Math.Max(0, feedCount - 1)))
        {
            feeds.Add(new FeedOffer(Slug(name), Feed: name, PricePerTonneAsFed: Math.Round(price * random.Uniform(0.9, 1.1), 1), MaxKgDm: max));
        }

        feeds.Add(new FeedOffer("vitamin-premix", "Vitamin ADE premix", 95, 6000, MaxKgDm: 0.1,
            Composition: new Dictionary<string, double>
            {
                ["Fd_Ash"] = 80, ["Fd_VitA"] = 1_500_000, ["Fd_VitD"] = 400_000, ["Fd_VitE"] = 15_000,
            },
            Type: FeedType.Concentrate, Category: "Vitamin/Mineral"));

        var extra = FeedLibrary.Nasem.Feeds
            .Where(f => f.Category is not ("Calf Liquid Feed" or "Vitamin/Mineral" or "Additive" or "Pasture")
                        && !f.Name.Contains("calves", StringComparison.Ordinal)
                        && !CoreFeeds.Any(c => c.Name == f.Name))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        var order = Enumerable.Range(0, extra.Count).OrderBy(_ => random.Next()).ToList();
        foreach (var k in order.Take(Math.Max(0, feedCount - feeds.Count)))
        {
            var feed = extra[k];
            var forage = feed.IsForage;
            var perTonneDm = forage ? random.Uniform(150, 260) : random.Uniform(200, 520);
            feeds.Add(new FeedOffer(Slug(feed.Name), Feed: feed.Name, PricePerTonneAsFed: Math.Round(perTonneDm * feed.DryMatterPercent / 100, 1),
                MaxKgDm: forage ? 8 : feed.Category.StartsWith("Fat", StringComparison.Ordinal) ? 0.5 : 3));
        }

        return new FormulationRequest(feeds, Animal: animal, Environment: new EnvironmentDescription(20, null, null, null));
    }

    private static string Slug(string name) =>
        string.Join('-', new string([.. name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ')]).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static double Round(double value) => Math.Round(value, 3);

    private static double Floor(double value) => Math.Floor(value * 1000) / 1000;

    private static double Ceiling(double value) => Math.Ceiling(value * 1000) / 1000;

    /// <summary>SplitMix64 (Steele, Lea and Flood, 2014): the same stream for a seed on every platform and runtime.</summary>
    private sealed class SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        /// <summary>Uniform in [0, 1).</summary>
        public double Next()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) * (1.0 / (1UL << 53));
        }

        public double Uniform(double low, double high) => low + (high - low) * Next();

        /// <summary>Standard normal (Box–Muller).</summary>
        public double Normal() => Math.Sqrt(-2 * Math.Log(1 - Next())) * Math.Cos(2 * Math.PI * Next());
    }
}
