using Cnucnm.Analytics.Anomalies;

namespace Cnucnm.Analytics.Intake;

/// <summary>
/// The decisions of a group's intake ledger (issue 21: decisions in pure cores, effects in grains): which of two totals of a
/// day stands, whether yesterday's intake dropped, and whether the intake over the farm's window has departed from the
/// formulated one. The group grain holds the days, asks these, and raises the alert or re-formulates. Amounts are the whole
/// pen's dry matter, kg DM per day, unless named per head.
/// </summary>
public static class IntakeLedger
{
    /// <summary>Day totals only grow (every reading of the day so far, already durable), so the total with more readings is the
    /// later one: calls carrying totals may overtake each other.</summary>
    /// <param name="readings">Readings in the arriving total.</param>
    /// <param name="knownReadings">Readings in the total held for the day, null when none is.</param>
    public static bool Supersedes(int readings, int? knownReadings) => knownReadings is null || readings > knownReadings;

    /// <summary>
    /// Yesterday against the days before it: a drop beyond <paramref name="thresholdPercent"/> of the mean of the up to
    /// <paramref name="windowDays"/> complete days before yesterday, or a day unusual for this pen by the robust z-score
    /// (<see cref="RobustAnomalyDetector"/>, Iglewicz &amp; Hoaglin 1993, over its 14-day window), which catches a smaller drop
    /// in a steady pen. Null when yesterday is not complete, there is nothing before it, or neither rule fires.
    /// </summary>
    /// <param name="complete">Dry matter eaten by the pen per complete day (days before <paramref name="today"/>), kg DM.</param>
    /// <param name="today">The farm's local day, still filling.</param>
    public static IntakeDrop? Drop(IReadOnlyDictionary<DateOnly, double> complete, DateOnly today, int windowDays, double thresholdPercent)
    {
        ArgumentNullException.ThrowIfNull(complete);
        var yesterday = today.AddDays(-1);
        if (!complete.TryGetValue(yesterday, out var last))
        {
            return null;
        }

        var before = Enumerable.Range(2, windowDays).Select(i => today.AddDays(-i))
            .Where(complete.ContainsKey).Select(d => complete[d]).ToList();
        if (before.Count == 0 || before.Average() <= 0)
        {
            return null;
        }

        var unusual = RobustAnomalyDetector.Detect(
                complete.Where(d => d.Key < today && d.Key >= yesterday.AddDays(-RobustAnomalyDetector.DefaultWindowDays))
                    .OrderBy(d => d.Key).Select(d => new DailyValue(d.Key, d.Value)),
                AnomalyDirection.Drop)
            .FirstOrDefault(a => a.Date == yesterday);
        var mean = before.Average();
        var dropPercent = (1 - last / mean) * 100;
        return dropPercent > thresholdPercent || unusual is not null ? new IntakeDrop(yesterday, last, mean, before.Count, dropPercent, unusual) : null;
    }

    /// <summary>
    /// The intake per head over the last <paramref name="windowDays"/> complete days against the formulated intake: a departure
    /// beyond <paramref name="thresholdPercent"/> (either way) calls for a re-formulation. Null unless every day of the window is
    /// complete, there is a formulated intake and a head count, and the departure is beyond the threshold.
    /// </summary>
    /// <param name="complete">Dry matter eaten by the pen per complete day, kg DM.</param>
    /// <param name="formulatedKgPerHead">The current ration's dry matter, kg DM per head per day.</param>
    public static IntakeDeviation? Deviation(IReadOnlyDictionary<DateOnly, double> complete, DateOnly today, int windowDays, int headCount,
        double? formulatedKgPerHead, double thresholdPercent)
    {
        ArgumentNullException.ThrowIfNull(complete);
        if (formulatedKgPerHead is not > 0 || headCount <= 0)
        {
            return null;
        }

        var window = Enumerable.Range(1, windowDays).Select(i => today.AddDays(-i)).ToList();
        if (!window.All(complete.ContainsKey))
        {
            return null;
        }

        var formulated = formulatedKgPerHead.Value;
        var observed = window.Average(d => complete[d]) / headCount;
        var deviationPercent = (observed - formulated) / formulated * 100;
        return Math.Abs(deviationPercent) > thresholdPercent ? new IntakeDeviation(observed, formulated, deviationPercent, window.Count) : null;
    }
}

/// <summary>Yesterday's intake fell (<see cref="IntakeLedger.Drop"/>).</summary>
/// <param name="DryMatterKg">Yesterday's pen total, kg DM.</param>
/// <param name="MeanBeforeKg">Mean pen total of the complete days before it, kg DM.</param>
/// <param name="DaysBefore">How many days that mean is over.</param>
/// <param name="DropPercent">1 − yesterday / mean, %.</param>
/// <param name="Unusual">The robust z-score's finding for yesterday, when it flagged it.</param>
public sealed record IntakeDrop(DateOnly Day, double DryMatterKg, double MeanBeforeKg, int DaysBefore, double DropPercent, Anomaly? Unusual);

/// <summary>The intake over the window departs from the formulated one (<see cref="IntakeLedger.Deviation"/>).</summary>
/// <param name="ObservedKgPerHead">Mean intake over the window, kg DM per head per day.</param>
/// <param name="FormulatedKgPerHead">The current ration's dry matter, kg DM per head per day.</param>
/// <param name="DeviationPercent">(observed − formulated) / formulated, %.</param>
/// <param name="Days">Days in the window.</param>
public sealed record IntakeDeviation(double ObservedKgPerHead, double FormulatedKgPerHead, double DeviationPercent, int Days);
