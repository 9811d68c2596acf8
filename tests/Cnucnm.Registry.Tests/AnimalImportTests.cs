using Cnucnm.Nutrition.Feeds;
using Cnucnm.Registry;
using Cnucnm.Registry.Import;

namespace Cnucnm.Registry.Tests;

public sealed class AnimalImportTests
{
    private static readonly DateOnly Today = TestAnimals.Today;
    private static readonly Guid Farm = Guid.NewGuid();
    private static readonly Guid Pen = Guid.NewGuid();
    private static readonly Dictionary<string, Guid> Groups = new(StringComparer.OrdinalIgnoreCase) { ["Fattening 1"] = Pen };

    private static AnimalImportReport Read(string csv, params string[] existing) =>
        AnimalImport.Read(CsvText.Parse(csv), Farm, Today, existing.ToHashSet(StringComparer.Ordinal), Groups);

    [Fact]
    public void Valid_rows_become_animals_with_their_weighing_and_group()
    {
        var report = Read("""
            Tag,Breed,Sex,BirthDate,Name,Group,bodyWeightKg,bodyConditionScore,weighedOn,origin
            KOR 002 1111 2222 3,hanwoo,steer,2025-01-10,한우 1,fattening 1,420,6,2026-03-30,purchased
            002111122224,Holstein,female,2024-02-01,,,,,,

            """);
        Assert.Empty(report.Errors);
        Assert.Equal(2, report.DataRows);
        var steer = report.Valid[0];
        Assert.Equal(2, steer.Row);
        Assert.Equal("002111122223", steer.Animal.Tag);
        Assert.Equal(AnimalSex.Steer, steer.Animal.Sex);
        Assert.Equal(Pen, steer.Animal.GroupId);
        Assert.Equal(AnimalOrigin.Purchased, steer.Animal.Origin);
        Assert.Equal(new Records.Weighing(new DateOnly(2026, 3, 30), 420, 6), steer.Weighing);
        Assert.Null(report.Valid[1].Weighing);
        Assert.Equal("holstein", report.Valid[1].Animal.BreedId);
    }

    [Fact]
    public void Every_bad_cell_is_reported_by_row_and_column_and_the_good_rows_stay_valid()
    {
        var report = Read("""
            tag,breed,sex,birthDate,bodyWeightKg,weighedOn,group
            002000000011,hanwoo,female,2025-01-01,,,
            00200000001,zebu,cow,2025-13-01,,,
            002000000033,hanwoo,female,2026-03-01,900,2026-03-31,Pen 9
            002000000011,hanwoo,female,2025-01-01,,,
            002000000055,hanwoo,female,2025-01-01,,,
            002000000066,holstein,male,2025-01-01,abc,,
            """, "002000000055");
        Assert.Equal([3, 4, 5, 6, 7], report.InvalidRows);
        Assert.Equal([2], report.Valid.Select(v => v.Row));
        Assert.Equal(
        [
            (3, "sex"), (3, "birthDate"), (3, "tag"), (3, "breed"),
            (4, "group"), (4, "bodyWeightKg"),
            (5, "tag"),
            (6, "tag"),
            (7, "bodyWeightKg"), (7, "weighedOn"),
        ], report.Errors.Select(e => (e.Row, e.Column)));
        Assert.Contains("row 2", report.Errors.Single(e => e.Row == 5).Message, StringComparison.Ordinal);
        Assert.Contains("already registered", report.Errors.Single(e => e.Row == 6).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_header_is_reported_on_row_1_and_no_row_is_read()
    {
        var report = Read("""
            tag,breed,sex,colour,tag
            002000000011,hanwoo,female,brown,x
            """);
        Assert.Empty(report.Valid);
        Assert.Equal([(1, "colour"), (1, "tag"), (1, "birthDate")], report.Errors.Select(e => (e.Row, e.Column)));
        Assert.Single(Read("").Errors);
    }
}
