namespace Cnucnm.Nutrition.Beef;

/// <summary>
/// The beef and Hanwoo model: requirements of growing and finishing cattle (Hanwoo, beef breeds, Holstein steers,
/// crossbreds), gestating and lactating beef and Hanwoo cows after NRC (2000) / NASEM (2016) Level 1, with Hanwoo
/// breed parameters and intake; supply from the shared feed composition model; energy- and protein-allowable gain.
/// </summary>
public static class BeefModel
{
    /// <summary>Evaluates the model. Inputs are assumed valid (see <see cref="BeefAnimalDescriptions"/>).</summary>
    public static BeefResult Evaluate(BeefInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Diet.Count == 0 || input.Diet.Sum(d => d.KgDryMatterPerDay) <= 0)
        {
            throw new ArgumentException("The diet must contain at least one feed with a positive amount.", nameof(input));
        }

        var run = new BeefRun(input);
        run.Run();
        return new BeefResult(input, run.Values);
    }
}
