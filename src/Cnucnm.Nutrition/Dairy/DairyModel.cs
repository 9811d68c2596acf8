namespace Cnucnm.Nutrition.Dairy;

/// <summary>The NASEM (2021) <i>Nutrient Requirements of Dairy Cattle</i> model: requirements,
/// supply, balances and allowable production for one animal (or a group's mean animal) fed one diet.</summary>
public static class DairyModel
{
    /// <summary>Evaluates the model. Inputs are assumed valid (see <see cref="DairyAnimalDescriptions"/>).</summary>
    public static DairyResult Evaluate(DairyInput input) => Evaluate(input, completeComposition: true);

    /// <summary>Evaluates the model; <paramref name="completeComposition"/> false leaves blank feed cells out of sums as the
    /// NASEM software does (only to check the equations against that software: docs/science.md, "Blank feed composition").</summary>
    internal static DairyResult Evaluate(DairyInput input, bool completeComposition)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Diet.Count == 0 || input.Diet.Sum(d => d.KgDryMatterPerDay) <= 0)
        {
            throw new ArgumentException("The diet must contain at least one feed with a positive amount.", nameof(input));
        }

        var run = new DairyRun(input, completeComposition);
        run.Run();
        return new DairyResult(input, run.Values);
    }
}
