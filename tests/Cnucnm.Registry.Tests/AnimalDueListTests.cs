using Cnucnm.Registry;
using Cnucnm.Registry.Records;

namespace Cnucnm.Registry.Tests;

public sealed class AnimalDueListTests
{
    private static readonly DateOnly Today = TestAnimals.Today;

    private static IReadOnlyList<AnimalDue> Due(Animal animal, params AnimalRecord[] records) =>
        AnimalDueList.Find([(animal, AnimalDerived.Summarize(animal, records, Today))], Today, new DueSettings(30, 14, 60));

    [Fact]
    public void A_weighing_older_than_the_interval_is_overdue_from_the_day_it_fell_due()
    {
        var cow = TestAnimals.Cow();
        Assert.Empty(Due(cow, new Weighing(Today.AddDays(-29), 600)));
        var overdue = Assert.Single(Due(cow, new Weighing(Today.AddDays(-45), 600)));
        Assert.Equal((AnimalDueKind.WeighingOverdue, Today.AddDays(-15)), (overdue.Kind, overdue.DueDate));
        var calf = TestAnimals.Cow(birth: Today.AddDays(-31));
        Assert.Equal("never weighed", Assert.Single(Due(calf)).Message);
    }

    [Fact]
    public void Calving_within_the_notice_and_a_milking_cow_past_her_dry_off_date_are_due()
    {
        // Holstein, conceived 270 days ago: expected calving in 279 − 270 = 9 days (within 14); dry-off was due 60 − 9 = 51 days ago.
        var cow = TestAnimals.Cow();
        var due = Due(cow, new Calving(Today.AddDays(-400)), new Insemination(Today.AddDays(-270)), new PregnancyCheck(Today.AddDays(-230), true),
            new Weighing(Today, 700));
        Assert.Equal([(AnimalDueKind.DryOffDue, Today.AddDays(-51)), (AnimalDueKind.CalvingDue, Today.AddDays(9))], due.Select(d => (d.Kind, d.DueDate)));
        // Dried off: only the calving remains; sold: nothing.
        Assert.Equal([AnimalDueKind.CalvingDue], Due(cow, new Calving(Today.AddDays(-400)), new Insemination(Today.AddDays(-270)),
            new PregnancyCheck(Today.AddDays(-230), true), new DryOff(Today.AddDays(-50)), new Weighing(Today, 700)).Select(d => d.Kind));
        Assert.Empty(Due(cow with { Status = AnimalStatus.Sold, StatusDate = Today, StatusReason = "sold" }, new Insemination(Today.AddDays(-270)),
            new PregnancyCheck(Today.AddDays(-230), true)));
    }
}
