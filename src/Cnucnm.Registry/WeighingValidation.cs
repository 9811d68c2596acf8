using Cnucnm.Nutrition;

namespace Cnucnm.Registry;

/// <summary>Per-field checks of a weighing: dated neither in the future nor before the animal's birth, BW positive.</summary>
public static class WeighingValidation
{
    public static IReadOnlyList<FieldError> Validate(Weighing weighing, DateOnly birth, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(weighing);
        var errors = new List<FieldError>();
        if (weighing.Date > today)
        {
            errors.Add(new FieldError("date", "The weighing date is in the future."));
        }
        else if (weighing.Date < birth)
        {
            errors.Add(new FieldError("date", "The weighing date is before the animal's birth."));
        }

        if (!(weighing.BodyWeightKg > 0))
        {
            errors.Add(new FieldError("bodyWeightKg", "Body weight must be greater than 0 kg."));
        }

        return errors;
    }
}
