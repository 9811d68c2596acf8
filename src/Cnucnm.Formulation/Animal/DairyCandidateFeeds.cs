namespace Cnucnm.Formulation.Animal;

/// <summary>A feed of the default candidate set of dairy groups: a NASEM (2021) library feed, what it is in the ration, a plausible
/// price and a practical cap.</summary>
/// <param name="LibraryName">The NASEM feed library name (<c>Fd_Name</c> of Data/NASEM_feed_library.csv; library id <c>nasem:{name}</c>).</param>
/// <param name="Role">forage, energy, protein, aminoAcid, nitrogen or mineral.</param>
/// <param name="PricePerKgAsFed">Plausible farm-gate price, KRW per kg as fed (2025 order of magnitude, not market data: set the farm's own).</param>
/// <param name="MaxKgDm">A practical cap per head per day, kg DM; null: none.</param>
public sealed record DairyCandidateFeed(string LibraryName, string Role, decimal PricePerKgAsFed, double? MaxKgDm = null);

/// <summary>
/// The feeds a dairy group's formulation starts from in the workbench: corn silage and legume hay, corn grain, soybean and canola
/// meal, the library's rumen-protected methionine and lysine and urea (considered like any feed: the least-cost ration takes them
/// when they are the cheaper way to meet Met, Lys or rumen N, issue 24), and the usual minerals and premix. Prices are plausible KRW
/// figures for a start only.
/// </summary>
public static class DairyCandidateFeeds
{
    public static IReadOnlyList<DairyCandidateFeed> All { get; } =
    [
        new("Corn silage, typical", "forage", 90m),
        new("Legume hay, mid-maturity", "forage", 550m, MaxKgDm: 10),
        new("Corn grain dry, fine grind", "energy", 420m),
        new("Soybean meal, solvent 48CP", "protein", 720m),
        new("Canola meal", "protein", 560m),
        // Rumen-protected amino acids: the same caps as the near-miss suggestions that add them (NearMissSuggestions.Sources; the
        // library feeds are the pure amino acid, NASEM 2021 feed library rows 181 and 182), tens of grams a head a day.
        new("Rumen Protected Met", "aminoAcid", 12_000m, MaxKgDm: 0.05),
        new("Rumen Protected Lys", "aminoAcid", 8_000m, MaxKgDm: 0.1),
        // Urea: the long-standing guideline of at most about 1 % of diet DM (reviewed by Kertz 2010, Prof. Anim. Sci. 26:257); 0.2 kg
        // DM is 0.8 % of a 25 kg intake. The ruminal N balance rail keeps it from replacing protein the rumen cannot use.
        new("Urea", "nitrogen", 700m, MaxKgDm: 0.2),
        new("Limestone", "mineral", 150m, MaxKgDm: 0.4),
        new("Calcium phosphate (di)", "mineral", 900m, MaxKgDm: 0.3),
        new("Sodium chloride (salt)", "mineral", 150m, MaxKgDm: 0.15),
        new("Magnesium oxide", "mineral", 700m, MaxKgDm: 0.1),
        new("Sodium bicarbonate", "mineral", 450m, MaxKgDm: 0.3),
        new("VitTM Premix, generic", "mineral", 3_000m, MaxKgDm: 0.2),
        new("Cobalt carbonate", "mineral", 60_000m, MaxKgDm: 0.0005),  // the premix carries no Co
    ];
}
