using Cnucnm.Nutrition.Feeds;
using Cnucnm.Registry.Import;
using Cnucnm.Registry.Records;

namespace Cnucnm.Registry.Tests;

public sealed class RecordImportTests
{
    private static readonly DateOnly Today = TestAnimals.Today;
    private static readonly Guid High = Guid.NewGuid();
    private static readonly Guid Dry = Guid.NewGuid();
    private static readonly Dictionary<string, Guid> Groups = new(StringComparer.OrdinalIgnoreCase) { ["High pen"] = High, ["Dry pen"] = Dry };

    private static RecordImportReport Read(string csv, params (Animal Animal, List<AnimalRecord> Records)[] animals) =>
        RecordImport.Read(CsvText.Parse(csv), Today,
            animals.ToDictionary(a => a.Animal.Tag, a => (a.Animal, (IReadOnlyList<AnimalRecord>)a.Records), StringComparer.Ordinal), Groups);

    [Fact]
    public void Rows_in_any_order_are_checked_against_the_animals_history_in_date_order()
    {
        var cow = TestAnimals.Cow(group: High);
        // The milk test comes before its calving in the file: it is checked after it, by date.
        var report = Read($"""
            tag,kind,date,milkKgPerDay,fatPercent,trueProteinPercent,lactosePercent,calfSex,calfAlive,fromGroup,toGroup,recordedBy
            {cow.Tag},milkTest,2026-03-01,35.5,3.8,3.1,4.8,,,,,someone
            KOR {cow.Tag[..3]} {cow.Tag[3..]},calving,2026-01-10,,,,,male,False,,,
            {cow.Tag},move,2026-01-11,,,,,,,Dry pen,high pen,
            """, (cow, []));
        Assert.Empty(report.Errors);
        Assert.Equal([2, 3, 4], report.Valid.Select(v => v.Row));
        Assert.Equal(new MilkTest(new DateOnly(2026, 3, 1), 35.5, 3.8, 3.1, 4.8), report.Valid[0].Record);
        Assert.Equal(new Calving(new DateOnly(2026, 1, 10), AnimalSex.Male, null, null, CalfAlive: false), report.Valid[1].Record);
        // A move is history: checked from its own from-group, though the cow is in the to-group now.
        Assert.Equal(new GroupMove(new DateOnly(2026, 1, 11), Dry, High), report.Valid[2].Record);
        Assert.All(report.Valid, v => Assert.Equal((cow.Id, High), (v.AnimalId, v.GroupId)));
    }

    [Fact]
    public void Every_bad_cell_is_reported_by_row_and_column()
    {
        var cow = TestAnimals.Cow();
        var steer = TestAnimals.Cow("hanwoo", sex: AnimalSex.Steer);
        var report = Read($"""
            tag,kind,date,bodyWeightKg,milkKgPerDay,fatPercent,trueProteinPercent,lactosePercent,pregnant,diagnosis,milkWithdrawalDays,toGroup
            {cow.Tag},weighing,2026-03-01,2000,,,,,,,,
            {cow.Tag},milkTest,2026-03-01,,30,3.8,3.1,4.8,,,,
            {steer.Tag},calving,2026-03-01,,,,,,,,,
            {cow.Tag},weighing,2026-03-01,600,30,,,,,,,
            002999999991,dryOff,2026-03-01,,,,,,,,,
            {cow.Tag},pregnancyCheck,someday,,,,,,maybe,,,
            {cow.Tag},healthEvent,2026-03-02,,,,,,,,2.5,
            {cow.Tag},move,2026-03-02,,,,,,,,,Calf pen
            {cow.Tag},vaccination,2026-03-02,,,,,,,,,
            {cow.Tag},weighing,2026-03-03,650,,,,,,,,
            """, (cow, []), (steer, []));
        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 9, 10], report.InvalidRows);
        Assert.Equal([11], report.Valid.Select(v => v.Row));
        var errors = report.Errors.Select(e => (e.Row, e.Column)).ToHashSet();
        Assert.Subset(errors, new HashSet<(int, string)>
        {
            (2, "bodyWeightKg"), (3, "date"), (4, "tag"), (5, "milkKgPerDay"), (6, "tag"), (7, "date"), (7, "pregnant"),
            (8, "diagnosis"), (8, "milkWithdrawalDays"), (9, "toGroup"), (10, "kind"),
        });
    }

    [Fact]
    public void Records_the_animal_has_are_not_added_again_but_further_copies_are()
    {
        var cow = TestAnimals.Cow();
        var stored = new List<AnimalRecord> { new Weighing(new DateOnly(2026, 3, 1), 600), new HealthEvent(new DateOnly(2026, 3, 2), "=lameness") };
        var report = Read($"""
            tag,kind,date,bodyWeightKg,diagnosis,milkWithdrawalDays
            {cow.Tag},weighing,2026-03-01,600,,
            {cow.Tag},weighing,2026-03-01,600,,
            {cow.Tag},healthEvent,2026-03-02,,'=lameness,0
            {cow.Tag},weighing,2026-03-01,601,,
            """, (cow, stored));
        Assert.Empty(report.Errors);
        Assert.Equal([2, 4], report.AlreadyRecordedRows);
        Assert.Equal([3, 5], report.Valid.Select(v => v.Row));
    }

    [Fact]
    public void A_file_without_the_required_columns_or_with_unknown_ones_is_refused_at_the_header()
    {
        var report = Read("tag,date,weight\n002000000011,2026-03-01,600\n");
        Assert.Equal([(1, "weight"), (1, "kind")], report.Errors.Select(e => (e.Row, e.Column)));
        Assert.Empty(report.Valid);
        Assert.Equal(1, report.DataRows);
    }
}
