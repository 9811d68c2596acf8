using Cnucnm.FieldValidation;

namespace Cnucnm.Registry;

/// <summary>Per-field checks of an animal's registration. Field names are the API's (camelCase).</summary>
public static class AnimalValidation
{
    public const int NameMaxLength = 100;
    public const int TextMaxLength = 500;

    public static IReadOnlyList<FieldError> Validate(Animal animal, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(animal);
        var v = new Validation();
        if (TraceabilityNumber.Validate(animal.Tag) is { } tagProblem)
        {
            v.Add("tag", tagProblem);
        }

        if (animal.Name is { Length: > NameMaxLength })
        {
            v.Add("name", $"must be at most {NameMaxLength} characters.");
        }

        if (AnimalBreeds.Find(animal.BreedId) is null)
        {
            v.Add("breed", $"must be one of {string.Join(", ", AnimalBreeds.All.Select(b => b.Id))}.");
        }

        v.Require(Enum.IsDefined(animal.Sex), "sex", "must be female, male or steer.");
        v.Require(animal.BirthDate <= today, "birthDate", "is in the future.");
        if (animal.DamTag is { } dam)
        {
            if (TraceabilityNumber.Validate(dam) is { } damProblem)
            {
                v.Add("damTag", damProblem);
            }
            else if (dam == animal.Tag)
            {
                v.Add("damTag", "is the animal's own number.");
            }
        }

        v.Require(Enum.IsDefined(animal.Origin), "origin", "must be bornOnFarm or purchased.");
        v.Require(animal.OriginNote is not { Length: > TextMaxLength }, "originNote", $"must be at most {TextMaxLength} characters.");
        v.Require(animal.PhotoReference is not { Length: > TextMaxLength }, "photoReference", $"must be at most {TextMaxLength} characters.");
        ValidateStatus(v, animal.Status, animal.StatusDate, animal.StatusReason, animal.BirthDate, today);
        return v.FieldErrors;
    }

    /// <summary>An animal that left the farm carries the date and the reason; an active one neither.</summary>
    public static IReadOnlyList<FieldError> ValidateStatus(AnimalStatus status, DateOnly? date, string? reason, DateOnly birth, DateOnly today)
    {
        var v = new Validation();
        ValidateStatus(v, status, date, reason, birth, today);
        return v.FieldErrors;
    }

    private static void ValidateStatus(Validation v, AnimalStatus status, DateOnly? date, string? reason, DateOnly birth, DateOnly today)
    {
        if (!Enum.IsDefined(status))
        {
            v.Add("status", "must be active, sold, dead or culled.");
            return;
        }

        if (status == AnimalStatus.Active)
        {
            v.Require(date is null, "statusDate", "is only given when the animal has left the farm.");
            return;
        }

        if (date is not { } d)
        {
            v.Add("statusDate", $"is required when the animal is {status.ToString().ToLowerInvariant()}.");
        }
        else if (d > today)
        {
            v.Add("statusDate", "is in the future.");
        }
        else if (d < birth)
        {
            v.Add("statusDate", "is before the animal's birth.");
        }

        v.RequireText(reason, "statusReason", TextMaxLength);
    }
}
