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

    /// <summary>Expected calving = conception + gestation length (days, supplied by the caller per breed).</summary>
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
}
