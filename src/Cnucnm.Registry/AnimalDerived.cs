using Cnucnm.Registry.Records;

namespace Cnucnm.Registry;

/// <summary>Values derived from an animal's dated records.</summary>
public static class AnimalDerived
{
    /// <summary>Age in whole days on <paramref name="on"/>.</summary>
    public static int AgeDays(DateOnly birth, DateOnly on) => on.DayNumber - birth.DayNumber;

    /// <summary>Days in milk: days since the last calving.</summary>
    public static int DaysInMilk(DateOnly lastCalving, DateOnly on) => on.DayNumber - lastCalving.DayNumber;

    /// <summary>Days pregnant: days since the conceiving insemination.</summary>
    public static int DaysPregnant(DateOnly conception, DateOnly on) => on.DayNumber - conception.DayNumber;

    /// <summary>Expected calving = conception + the breed's mean gestation length (<see cref="AnimalBreed.GestationLengthDays"/>).</summary>
    public static DateOnly ExpectedCalving(DateOnly conception, int gestationDays) => conception.AddDays(gestationDays);

    /// <summary>Average daily gain, kg/d, between two weighings: (BW2 − BW1) / days between them.</summary>
    public static double AverageDailyGainKgPerDay(Weighing earlier, Weighing later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        int days = later.Date.DayNumber - earlier.Date.DayNumber;
        if (days <= 0)
        {
            throw new ArgumentException("The later weighing must be dated after the earlier one.", nameof(later));
        }

        return (later.BodyWeightKg - earlier.BodyWeightKg) / days;
    }

    /// <summary>Everything derived for one animal on <paramref name="today"/> from its records.</summary>
    public static AnimalSummary Summarize(Animal animal, IReadOnlyList<AnimalRecord> records, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(animal);
        ArgumentNullException.ThrowIfNull(records);
        var breed = AnimalBreeds.Find(animal.BreedId) ?? throw new ArgumentException($"Unknown breed '{animal.BreedId}'.", nameof(animal));
        var history = new ReproductiveHistory(records, today);
        var lactating = history.LastCalving is not null && history.DriedOffSinceCalving is null;
        var conception = history.Conception(records);
        var weighings = records.OfType<Weighing>().Where(w => w.Date <= today).OrderBy(w => w.Date).ToList();
        var latest = weighings.Count > 0 ? weighings[^1] : null;
        var previous = weighings.Count > 1 ? weighings.Take(weighings.Count - 1).LastOrDefault(w => w.Date < latest!.Date) : null;
        var latestCondition = weighings.LastOrDefault(w => w.BodyConditionScore is not null);
        var milk = lactating
            ? records.OfType<MilkTest>().Where(m => m.Date >= history.LastCalving && m.Date <= today).MaxBy(m => m.Date)
            : null;
        var health = records.OfType<HealthEvent>().ToList();
        return new AnimalSummary(
            AgeDays(animal.BirthDate, today),
            history.Calvings.Count,
            history.LastCalving,
            lactating ? DaysInMilk(history.LastCalving!.Value, today) : null,
            conception is not null,
            conception,
            conception is { } c ? DaysPregnant(c, today) : null,
            conception is { } d ? ExpectedCalving(d, breed.GestationLengthDays) : null,
            latest?.Date,
            latest?.BodyWeightKg,
            latestCondition?.BodyConditionScore,
            breed.Scale,
            previous is null ? null : AverageDailyGainKgPerDay(previous, latest!),
            milk,
            health.Count > 0 ? health.Max(h => h.MilkWithdrawalEnd) : null,
            health.Count > 0 ? health.Max(h => h.MeatWithdrawalEnd) : null);
    }
}
