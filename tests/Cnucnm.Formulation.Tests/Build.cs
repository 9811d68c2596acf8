using Cnucnm.Formulation;

namespace Cnucnm.Formulation.Tests;

/// <summary>Short constructors for requests in tests.</summary>
internal static class Build
{
    public static FeedOffer Feed(string id, double dm, double? perTonneAsFed = null, double? perKgDm = null, double? min = null, double? max = null,
        params (string Nutrient, double Value)[] composition) =>
        new(id, null, dm, perTonneAsFed, perKgDm, min, max, composition.ToDictionary(c => c.Nutrient, c => c.Value));

    public static NutrientBound PerKgDm(string name, double? min = null, double? max = null, string? unit = null) =>
        new(name, PerKgDm: new Bounds(min, max), Unit: unit);

    public static NutrientBound PerDay(string name, double? min = null, double? max = null, string? unit = null) =>
        new(name, PerDay: new Bounds(min, max), Unit: unit);

    public static FeedResult Feed(this FormulationResponse response, string id) => response.Feeds!.Single(f => f.Id == id);

    public static NutrientResult Nutrient(this FormulationResponse response, string name) => response.Nutrients!.Single(n => n.Name == name);

    /// <summary>Applies every relaxation of an explanation to the request (the one-click fix of the UI).</summary>
    public static FormulationRequest Apply(FormulationRequest request, IEnumerable<Relaxation> relaxations)
    {
        foreach (var relaxation in relaxations)
        {
            request = Relaxations.Apply(request, relaxation);
        }

        return request;
    }
}
