using Cnucnm.FieldValidation;

namespace Cnucnm.Registry.Records;

/// <summary>
/// Per-field checks of a new record against the animal and its earlier records. Every record: dated neither in
/// the future, nor before birth, nor after the animal left the farm. Each kind then checks its own values against
/// plausibility limits: not biology's edges but values beyond which an entry is almost surely a typo.
/// </summary>
public static class RecordValidation
{
    /// <summary>Upper plausibility limit of average gain since birth, kg/d: twice the ~1.2 kg/d of well-fed growing
    /// cattle, so only impossible weights for the age are refused.</summary>
    public const double MaxGainSinceBirthKgPerDay = 2.5;

    public const double MaxBodyWeightKg = 1500;

    /// <summary>Lower limit of any weight as a fraction of the breed's calf birth weight.</summary>
    public const double MinBodyWeightFractionOfCalf = 0.5;

    /// <summary>Youngest age at insemination, d: first oestrus comes at 6–7 months (NACF Hanwoo reproduction notes, Chuksan News no. 14357).</summary>
    public const int MinBreedingAgeDays = 180;

    /// <summary>Shortest time from insemination to a positive diagnosis, d: transrectal ultrasound sees the embryo from about day 25.</summary>
    public const int MinDaysInseminationToDiagnosis = 25;

    /// <summary>How much earlier than the breed's mean gestation a calving may come and still be a calving (premature), d.</summary>
    public const int PrematureCalvingDays = 40;

    public const int MaxWithdrawalDays = 365;

    public static IReadOnlyList<FieldError> Validate(AnimalRecord record, Animal animal, IReadOnlyList<AnimalRecord> earlier, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(animal);
        ArgumentNullException.ThrowIfNull(earlier);
        var v = new Validation();
        if (record.Date > today)
        {
            v.Add("date", "is in the future.");
        }
        else if (record.Date < animal.BirthDate)
        {
            v.Add("date", "is before the animal's birth.");
        }
        else if (animal.StatusDate is { } left && record.Date > left)
        {
            v.Add("date", $"is after the animal left the farm ({animal.Status.ToString().ToLowerInvariant()} on {left:yyyy-MM-dd}).");
        }

        var breed = AnimalBreeds.Find(animal.BreedId) ?? throw new ArgumentException($"Unknown breed '{animal.BreedId}'.", nameof(animal));
        var history = new ReproductiveHistory(earlier, record.Date);
        switch (record)
        {
            case Weighing w:
                Weighing(v, w, animal, breed);
                break;
            case MilkTest m:
                Female(v, animal, "milk tests");
                MilkTest(v, m, history);
                break;
            case Insemination i:
                Female(v, animal, "inseminations");
                v.Require(AnimalDerived.AgeDays(animal.BirthDate, i.Date) >= MinBreedingAgeDays, "date",
                    $"the animal is younger than {MinBreedingAgeDays} days on this date.");
                v.Require(i.Sire is not { Length: > AnimalValidation.NameMaxLength }, "sire", $"must be at most {AnimalValidation.NameMaxLength} characters.");
                break;
            case PregnancyCheck p:
                Female(v, animal, "pregnancy checks");
                PregnancyCheck(v, p, history);
                break;
            case Calving c:
                Female(v, animal, "calvings");
                Calving(v, c, animal, breed, history);
                break;
            case DryOff d:
                Female(v, animal, "dry-offs");
                v.Require(history.LastCalving is not null, "date", "the cow has no calving before this date: nothing to dry off.");
                v.Require(history.LastCalving is null || history.DriedOffSinceCalving is null, "date",
                    $"the cow was already dried off on {history.DriedOffSinceCalving:yyyy-MM-dd}.");
                break;
            case HealthEvent h:
                v.RequireText(h.Diagnosis, "diagnosis", AnimalValidation.NameMaxLength);
                v.Require(h.Treatment is not { Length: > AnimalValidation.TextMaxLength }, "treatment", $"must be at most {AnimalValidation.TextMaxLength} characters.");
                v.Require(h.MilkWithdrawalDays is >= 0 and <= MaxWithdrawalDays, "milkWithdrawalDays", $"must be between 0 and {MaxWithdrawalDays}.");
                v.Require(h.MeatWithdrawalDays is >= 0 and <= MaxWithdrawalDays, "meatWithdrawalDays", $"must be between 0 and {MaxWithdrawalDays}.");
                break;
            case GroupMove move:
                v.Require(animal.Status == AnimalStatus.Active, "animal", "only an active animal can move.");
                v.Require(move.ToGroupId != Guid.Empty, "toGroupId", "is required.");
                v.Require(move.ToGroupId != animal.GroupId, "toGroupId", "is the animal's current group.");
                v.Require(move.Reason is not { Length: > AnimalValidation.TextMaxLength }, "reason", $"must be at most {AnimalValidation.TextMaxLength} characters.");
                break;
            default:
                throw new ArgumentException($"Unknown record kind {record.GetType().Name}.", nameof(record));
        }

        return v.FieldErrors;
    }

    /// <summary>Weight limits for the breed and age: at least half a newborn calf, at most the calf birth weight plus
    /// <see cref="MaxGainSinceBirthKgPerDay"/> per day of age (and never above <see cref="MaxBodyWeightKg"/>).</summary>
    public static (double MinKg, double MaxKg) PlausibleBodyWeightKg(AnimalBreed breed, int ageDays)
    {
        ArgumentNullException.ThrowIfNull(breed);
        return (MinBodyWeightFractionOfCalf * breed.CalfBirthWeightKg,
            Math.Min(MaxBodyWeightKg, breed.CalfBirthWeightKg + MaxGainSinceBirthKgPerDay * Math.Max(0, ageDays)));
    }

    private static void Weighing(Validation v, Weighing w, Animal animal, AnimalBreed breed)
    {
        var (min, max) = PlausibleBodyWeightKg(breed, AnimalDerived.AgeDays(animal.BirthDate, w.Date));
        if (!double.IsFinite(w.BodyWeightKg) || w.BodyWeightKg <= 0)
        {
            v.Add("bodyWeightKg", "must be greater than 0 kg.");
        }
        else if (w.BodyWeightKg < min || w.BodyWeightKg > max)
        {
            v.Add("bodyWeightKg", $"{w.BodyWeightKg:0.#} kg is not plausible for a {breed.Name} of this age: expected {min:0.#}–{max:0.#} kg.");
        }

        var top = BodyCondition.Maximum(breed.Scale);
        v.RequireRange(w.BodyConditionScore, "bodyConditionScore", BodyCondition.Minimum(breed.Scale), top, required: false);
    }

    private static void MilkTest(Validation v, MilkTest m, ReproductiveHistory history)
    {
        if (history.LastCalving is null)
        {
            v.Add("date", "the cow has no calving before this date: record the calving first.");
        }
        else if (history.DriedOffSinceCalving is { } dry)
        {
            v.Add("date", $"the cow was dried off on {dry:yyyy-MM-dd}.");
        }

        // The same limits as a group's milk test (GroupEndpoints).
        v.RequireRange(m.MilkKgPerDay, "milkKgPerDay", 0, 80);
        v.RequireRange(m.FatPercent, "fatPercent", 1.5, 9);
        v.RequireRange(m.TrueProteinPercent, "trueProteinPercent", 1.5, 6);
        v.RequireRange(m.LactosePercent, "lactosePercent", 3, 6);
        v.RequireRange(m.SomaticCellsThousandPerMl, "somaticCellsThousandPerMl", 0, 10_000, required: false);
    }

    private static void PregnancyCheck(Validation v, PregnancyCheck p, ReproductiveHistory history)
    {
        v.Require(p.Method is not { Length: > AnimalValidation.NameMaxLength }, "method", $"must be at most {AnimalValidation.NameMaxLength} characters.");
        if (!p.Pregnant)
        {
            return;
        }

        if (history.LastInsemination is not { } service)
        {
            v.Add("pregnant", "no insemination is recorded since the last calving.");
        }
        else if (p.Date.DayNumber - service.DayNumber < MinDaysInseminationToDiagnosis)
        {
            v.Add("date", $"only {p.Date.DayNumber - service.DayNumber} days after the insemination of {service:yyyy-MM-dd}; pregnancy is diagnosed from day {MinDaysInseminationToDiagnosis}.");
        }
    }

    private static void Calving(Validation v, Calving c, Animal animal, AnimalBreed breed, ReproductiveHistory history)
    {
        var shortestGestation = breed.GestationLengthDays - PrematureCalvingDays;
        var youngest = MinBreedingAgeDays + shortestGestation;
        v.Require(AnimalDerived.AgeDays(animal.BirthDate, c.Date) >= youngest, "date", $"the cow is younger than {youngest} days on this date.");
        if (history.LastCalving is { } previous && c.Date.DayNumber - previous.DayNumber < shortestGestation)
        {
            v.Add("date", $"only {c.Date.DayNumber - previous.DayNumber} days after the calving of {previous:yyyy-MM-dd}.");
        }

        if (c.CalfTag is { } calf)
        {
            if (TraceabilityNumber.Validate(calf) is { } problem)
            {
                v.Add("calfTag", problem);
            }
            else if (calf == animal.Tag)
            {
                v.Add("calfTag", "is the dam's own number.");
            }
        }

        v.Require(c.CalfSex is null || Enum.IsDefined(c.CalfSex.Value), "calfSex", "must be female, male or steer.");
        v.RequireRange(c.CalfBirthWeightKg, "calfBirthWeightKg", Math.Round(0.3 * breed.CalfBirthWeightKg, 1), Math.Round(2 * breed.CalfBirthWeightKg, 1), required: false);
    }

    private static void Female(Validation v, Animal animal, string what) =>
        v.Require(animal.Sex == AnimalSex.Female, "animal", $"{what} are recorded for females only.");
}
