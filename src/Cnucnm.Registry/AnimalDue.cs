namespace Cnucnm.Registry;

/// <summary>One thing an animal is due for, and the date it fell or falls due.</summary>
public sealed record AnimalDue(Guid AnimalId, string Tag, string? Name, Guid? GroupId, AnimalDueKind Kind, DateOnly DueDate, string Message);

/// <summary>The farm's intervals for <see cref="AnimalDueList"/>.</summary>
/// <param name="WeighingIntervalDays">How often animals are weighed.</param>
/// <param name="CalvingNoticeDays">How long before the expected calving to warn.</param>
/// <param name="DryPeriodDays">Length of the dry period before calving (60 days is the usual planned length).</param>
public sealed record DueSettings(int WeighingIntervalDays = 30, int CalvingNoticeDays = 14, int DryPeriodDays = 60);

/// <summary>What the farm's active animals are due for today, from their derived values.</summary>
public static class AnimalDueList
{
    public static IReadOnlyList<AnimalDue> Find(IEnumerable<(Animal Animal, AnimalSummary Summary)> animals, DateOnly today, DueSettings settings)
    {
        ArgumentNullException.ThrowIfNull(animals);
        ArgumentNullException.ThrowIfNull(settings);
        var due = new List<AnimalDue>();
        foreach (var (animal, s) in animals.Where(a => a.Animal.Status == AnimalStatus.Active))
        {
            AnimalDue Due(AnimalDueKind kind, DateOnly date, string message) => new(animal.Id, animal.Tag, animal.Name, animal.GroupId, kind, date, message);
            var weighingDue = (s.LastWeighingDate ?? animal.BirthDate).AddDays(settings.WeighingIntervalDays);
            if (weighingDue <= today)
            {
                due.Add(Due(AnimalDueKind.WeighingOverdue, weighingDue,
                    s.LastWeighingDate is { } last ? $"last weighed {last:yyyy-MM-dd}, {today.DayNumber - last.DayNumber} days ago" : "never weighed"));
            }

            if (s.ExpectedCalving is { } calving)
            {
                if (calving.AddDays(-settings.CalvingNoticeDays) <= today)
                {
                    due.Add(Due(AnimalDueKind.CalvingDue, calving, $"expected to calve {calving:yyyy-MM-dd} ({calving.DayNumber - today.DayNumber} days)"));
                }

                var dryOff = calving.AddDays(-settings.DryPeriodDays);
                if (s.DaysInMilk is not null && dryOff <= today)
                {
                    due.Add(Due(AnimalDueKind.DryOffDue, dryOff, $"still milking; dry-off was due {dryOff:yyyy-MM-dd} for calving {calving:yyyy-MM-dd}"));
                }
            }
        }

        return [.. due.OrderBy(d => d.DueDate).ThenBy(d => d.Tag, StringComparer.Ordinal)];
    }
}
