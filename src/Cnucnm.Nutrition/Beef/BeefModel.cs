using Cnucnm.Nutrition.Beef.Hanwoo;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.Beef;

/// <summary>
/// The beef and Hanwoo model: requirements of growing and finishing cattle (Hanwoo, beef breeds, Holstein steers,
/// crossbreds), gestating and lactating beef and Hanwoo cows after NRC (2000) / NASEM (2016) Level 1, with Hanwoo
/// breed parameters and intake; supply from the shared feed composition model; energy- and protein-allowable gain.
/// </summary>
public static class BeefModel
{
    /// <summary>Evaluates the model. Inputs are assumed valid (see <see cref="BeefAnimalDescriptions"/>). When the requirement model
    /// in force is the Korean Feeding Standard, the result also carries the standard's requirements, supply and allowable gains
    /// (<see cref="BeefResult.KoreanFeedingStandard"/>); an explicit KFS choice for an animal the standard does not cover throws
    /// <see cref="ArgumentException"/> (validate with <see cref="BeefRequirementModels.ValidateChoice"/> first).</summary>
    public static BeefResult Evaluate(BeefInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Diet.Count == 0 || input.Diet.Sum(d => d.KgDryMatterPerDay) <= 0)
        {
            throw new ArgumentException("The diet must contain at least one feed with a positive amount.", nameof(input));
        }

        // Blank composition cells are decided by the same policy as in the dairy model (docs/science.md, "Blank feed
        // composition"): imputed from a similar library feed or unknown = 0, and reported in the result, instead of the
        // beef chain's silent fall-backs (35 % RUP for a feed without protein fractions).
        var completed = input with { Diet = [.. input.Diet.Select(d => d with { Feed = CompositionCompleteness.Complete(d.Feed).Feed })] };
        var run = new BeefRun(completed);
        run.Run();
        var kfs = input.EffectiveRequirementModel == BeefRequirementModel.KoreanFeedingStandard
            ? KfsEvaluation.Evaluate(HanwooAnimal.From(input.Animal), completed.Diet, run.Values["DMI"])
            : null;
        return new BeefResult(input, run.Values, kfs);
    }
}
