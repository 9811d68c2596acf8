namespace Cnucnm.Registry.Records;

/// <summary>The reproductive events of an animal up to a date: the last calving, and since it the last
/// insemination, dry-off and pregnancy check.</summary>
public sealed class ReproductiveHistory
{
    public ReproductiveHistory(IEnumerable<AnimalRecord> records, DateOnly upTo)
    {
        ArgumentNullException.ThrowIfNull(records);
        var ordered = records.Where(r => r.Date <= upTo).OrderBy(r => r.Date).ToList();
        Calvings = ordered.OfType<Calving>().Select(c => c.Date).ToList();
        LastCalving = Calvings.Count > 0 ? Calvings[^1] : null;
        var since = LastCalving is { } calved ? ordered.Where(r => r.Date >= calved && r is not Calving).ToList() : ordered;
        LastInsemination = since.OfType<Insemination>().LastOrDefault()?.Date;
        DriedOffSinceCalving = LastCalving is null ? null : since.OfType<DryOff>().LastOrDefault()?.Date;
        LastPregnancyCheck = since.OfType<PregnancyCheck>().LastOrDefault();
    }

    public IReadOnlyList<DateOnly> Calvings { get; }

    public DateOnly? LastCalving { get; }

    public DateOnly? LastInsemination { get; }

    public DateOnly? DriedOffSinceCalving { get; }

    public PregnancyCheck? LastPregnancyCheck { get; }

    /// <summary>Conception date when the last check since calving was positive: the last insemination on or before it.</summary>
    public DateOnly? Conception(IEnumerable<AnimalRecord> records)
    {
        if (LastPregnancyCheck is not { Pregnant: true } check)
        {
            return null;
        }

        return records.OfType<Insemination>().Where(i => i.Date <= check.Date && (LastCalving is null || i.Date > LastCalving))
            .Select(i => (DateOnly?)i.Date).Max();
    }
}
