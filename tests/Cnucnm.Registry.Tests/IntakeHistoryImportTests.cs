using Cnucnm.Nutrition.Feeds;
using Cnucnm.Registry.Import;

namespace Cnucnm.Registry.Tests;

public sealed class IntakeHistoryImportTests
{
    private static readonly DateOnly Today = new(2026, 12, 8);

    private static IntakeHistoryReport Read(string csv, params DateOnly[] sensorDays) =>
        IntakeHistoryImport.Read(CsvText.Parse(csv), Today, liveWindowDays: 30, sensorDays.ToHashSet());

    [Fact]
    public void As_fed_and_dry_matter_records_give_both_bases_by_the_dry_matter_percent()
    {
        var report = Read("""
            date,headCount,dryMatterPercent,deliveredKgAsFed,refusedKgAsFed,deliveredKgDm,refusedKgDm
            2026-11-01,40,45,2000,100,,
            2026-10-31,38,50,,,900,45
            2026-10-30,38,50,,,900,
            """);
        Assert.Empty(report.Errors);
        // As fed: (2000 − 100) × 0.45 = 855 kg DM. DM basis at 50 %: 1800 kg as fed delivered, 90 refused, 855 kg DM eaten.
        Assert.Equal([(855.0, 2000.0, 100.0, 40), (855.0, 1800.0, 90.0, 38), (900.0, 1800.0, 0.0, 38)],
            report.Valid.Select(r => (Math.Round(r.DryMatterKg, 9), r.DeliveredKgAsFed, r.RefusedKgAsFed, r.HeadCount)));
    }

    [Fact]
    public void The_last_day_outside_the_live_window_is_accepted_and_the_first_inside_it_and_a_sensor_day_are_row_errors()
    {
        var report = Read("""
            date,headCount,dryMatterPercent,deliveredKgAsFed
            2026-11-07,40,45,2000
            2026-11-08,40,45,2000
            2026-10-01,40,45,2000
            2024-12-08,40,45,2000
            2024-12-07,40,45,2000
            """, new DateOnly(2026, 10, 1));
        Assert.Equal([new DateOnly(2026, 11, 7), new DateOnly(2024, 12, 8)], report.Valid.Select(r => r.Day));
        Assert.Equal([(3, "date"), (4, "date"), (6, "date")], report.Errors.Select(e => (e.Row, e.Column)));
        Assert.Equal("has bunk-scale readings: they are this day's record.", report.Errors[1].Message);
        Assert.Equal([3, 4, 6], report.InvalidRows);
    }

    [Fact]
    public void A_refusal_on_the_other_basis_and_a_missing_delivery_are_errors_in_their_columns()
    {
        var report = Read("""
            date,headCount,dryMatterPercent,deliveredKgAsFed,refusedKgDm
            2026-11-01,40,45,2000,10
            2026-10-31,40,45,,
            2026-10-30,40,5,2000,
            """);
        Assert.Empty(report.Valid);
        Assert.Equal([(2, "refusedKgDm", "must be on the delivery's basis: refusedKgAsFed."), (3, "deliveredKgAsFed", "give deliveredKgAsFed or deliveredKgDm, one of them."),
            (4, "dryMatterPercent", "must be a number from 10 to 100.")], report.Errors.Select(e => (e.Row, e.Column, e.Message)));
    }
}
