using Cnucnm.Formulation.Beef;
using Cnucnm.Nutrition.Beef;

namespace Cnucnm.Formulation.Tests.Beef;

/// <summary>The reference beef pens of docs/formulation.md: default settings, the default Korean candidate feeds at their
/// plausible KRW prices.</summary>
public static class ReferencePens
{
    public static FormulationRequest HanwooGrowing250 => Pen("hanwoo", BeefSex.Steer, 250, 9, BeefGrowthPhase.Growing);

    public static FormulationRequest HanwooEarlyFattening450 => Pen("hanwoo", BeefSex.Steer, 450, 18, BeefGrowthPhase.EarlyFattening);

    public static FormulationRequest HanwooLateFattening650 => Pen("hanwoo", BeefSex.Steer, 650, 27, BeefGrowthPhase.LateFattening);

    /// <summary>Holstein steers (육우) are fed for faster gain than Hanwoo: 1.2 kg/d shrunk.</summary>
    public static FormulationRequest HolsteinSteer450 => Pen("holstein", BeefSex.Steer, 450, 14, BeefGrowthPhase.EarlyFattening, targetGainKgPerDay: 1.2);

    public static FormulationRequest HanwooCowLateGestation => Pen("hanwoo", BeefSex.Cow, 500, 60, BeefGrowthPhase.Breeding, daysPregnant: 250);

    public static IReadOnlyList<(string Name, FormulationRequest Request)> All =>
    [
        ("Hanwoo steer, growing, 250 kg", HanwooGrowing250),
        ("Hanwoo steer, early fattening, 450 kg", HanwooEarlyFattening450),
        ("Hanwoo steer, late fattening, 650 kg", HanwooLateFattening650),
        ("Holstein steer, 450 kg", HolsteinSteer450),
        ("Hanwoo cow, late gestation (day 250), 500 kg", HanwooCowLateGestation),
    ];

    public static IReadOnlyList<FeedOffer> KoreanFeeds =>
    [
        .. KoreanBeefFeeds.All.Select(f => new FeedOffer(f.LibraryId, Feed: f.LibraryId, PricePerTonneAsFed: (double)f.PricePerKgAsFed * 1000, MaxKgDm: f.MaxKgDm)),
    ];

    public static FormulationRequest Pen(string breed, BeefSex sex, double bodyWeightKg, double ageMonths, BeefGrowthPhase phase, double daysPregnant = 0,
        double? targetGainKgPerDay = null) =>
        new(KoreanFeeds,
            Beef: new BeefFormulationDescription(
                new BeefAnimalDescription(breed, sex, bodyWeightKg, null, ageMonths, null, daysPregnant, null, null, null, null, null, null, null, targetGainKgPerDay, null),
                Phase: phase),
            Currency: "KRW");
}
