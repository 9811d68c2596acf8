using Cnucnm.Registry;
using Cnucnm.Registry.Records;

namespace Cnucnm.Registry.Tests;

/// <summary>Animals for the tests; records are dated back from <see cref="Today"/>.</summary>
internal static class TestAnimals
{
    public static readonly DateOnly Today = new(2026, 4, 1);

    private static int _serial;

    public static string NextTag() => $"002{Interlocked.Increment(ref _serial) + 10_000_000:D8}1";

    public static Animal Cow(string breed = "holstein", DateOnly? birth = null, AnimalSex sex = AnimalSex.Female, Guid? group = null) =>
        new(Guid.NewGuid(), Guid.Empty, NextTag(), null, breed, sex, birth ?? new DateOnly(2022, 1, 1), null,
            AnimalOrigin.BornOnFarm, null, AnimalStatus.Active, null, null, group, null, 1);

    /// <summary>Records of a lactating cow: calved <paramref name="daysInMilk"/> days ago (after <paramref name="parity"/> − 1
    /// earlier calvings a year apart), weighed and milk-tested yesterday, pregnant <paramref name="daysPregnant"/> days when given.</summary>
    public static List<AnimalRecord> Lactating(int parity, int daysInMilk, double bodyWeightKg, double? bcs, MilkTest? milk, int? daysPregnant)
    {
        var calving = Today.AddDays(-daysInMilk);
        var records = new List<AnimalRecord>();
        for (var i = parity - 1; i >= 1; i--)
        {
            records.Add(new Calving(calving.AddDays(-400 * i)));
        }

        records.Add(new Calving(calving));
        records.Add(new Weighing(Today.AddDays(-1), bodyWeightKg, bcs));
        if (milk is not null)
        {
            records.Add(milk);
        }

        if (daysPregnant is { } days)
        {
            var service = Today.AddDays(-days);
            records.Add(new Insemination(service));
            records.Add(new PregnancyCheck(service.AddDays(30), true));
        }

        return records;
    }
}
