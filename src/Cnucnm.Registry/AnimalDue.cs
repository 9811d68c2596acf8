using System.Globalization;
using Cnucnm.Nutrition.Messages;
namespace Cnucnm.Registry;

/// <summary>One thing an animal is due for, and the date it fell or falls due.</summary>
/// <param name="Message">In English; <paramref name="Text"/> is the same as a message code for the reader's language.</param>
public sealed record AnimalDue(Guid AnimalId, string Tag, string? Name, Guid? GroupId, AnimalDueKind Kind, DateOnly DueDate, string Message,
    ServerMessage? Text = null);

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
            AnimalDue Due(AnimalDueKind kind, DateOnly date, ServerMessage text) =>
                new(animal.Id, animal.Tag, animal.Name, animal.GroupId, kind, date, ServerText.English(text), text);
            var weighingDue = (s.LastWeighingDate ?? animal.BirthDate).AddDays(settings.WeighingIntervalDays);
            if (weighingDue <= today)
            {
                due.Add(Due(AnimalDueKind.WeighingOverdue, weighingDue,
                    s.LastWeighingDate is { } last
                        ? ServerMessage.Of("due.weighing.last", ("date", last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("days", today.DayNumber - last.DayNumber))
                        : ServerMessage.Of("due.weighing.never")));
            }

            if (s.ExpectedCalving is { } calving)
            {
                if (calving.AddDays(-settings.CalvingNoticeDays) <= today)
                {
                    due.Add(Due(AnimalDueKind.CalvingDue, calving, ServerMessage.Of("due.calving", ("date", calving.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("days", calving.DayNumber - today.DayNumber))));
                }

                var dryOff = calving.AddDays(-settings.DryPeriodDays);
                if (s.DaysInMilk is not null && dryOff <= today)
                {
                    due.Add(Due(AnimalDueKind.DryOffDue, dryOff, ServerMessage.Of("due.dryOff", ("date", dryOff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                        ("calving", calving.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))));
                }
            }
        }

        return [.. due.OrderBy(d => d.DueDate).ThenBy(d => d.Tag, StringComparer.Ordinal)];
    }
}
