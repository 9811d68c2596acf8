using Cnucnm.Api.Animals;
using Cnucnm.Api.Groups;
using Cnucnm.Api.Security;
using Cnucnm.Api.Infrastructure;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Groups;
using Cnucnm.Contracts.Security;
using Cnucnm.Grains.Intake;
using Cnucnm.FieldValidation;
using Cnucnm.Registry.Import;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cnucnm.Api.Intake;

/// <summary>
/// A group's past intake from the farm's own records (its TMR software, feeding sheets), for the days before the sensor readings
/// go back (<see cref="IntakeHistoryImport"/> lists the columns): CSV or XLSX, as the registry imports take them. Preview reports
/// every bad row by row and column and stores nothing; apply stores every day in one transaction when the file is clean, otherwise
/// nothing. A day imported again is replaced, so the same file twice changes nothing. The days go where the group's intake history
/// is read (KPIs, the intake chart, the adaptive-intake evaluation).
/// </summary>
public static class IntakeHistoryEndpoints
{
    public static IEndpointRouteBuilder MapIntakeHistoryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var history = endpoints.Farm().MapGroup("/groups/{groupId:guid}/intake/history").WithTags("Intake")
            .RequireAuthorization(Policies.Farm(FarmPermission.EditGroups));
        history.MapPost("/preview", PreviewAsync).AcceptsImportFiles().WithName("PreviewIntakeHistoryImport")
            .WithSummary("Check a group's intake history file (csv text or xlsxBase64; date, headCount, dryMatterPercent, deliveredKgAsFed or deliveredKgDm, refusals): the days it holds and every error by row and column; nothing is stored.");
        history.MapPost("/", ApplyAsync).AcceptsImportFiles().WithName("ImportIntakeHistory")
            .WithSummary("Store a group's past intake days (older than the sensor readings go back, at most two years): all when the file has no errors, otherwise none (400 with every error by row and column). The same day again replaces it.");
        return endpoints;
    }

    private static async Task<Results<Ok<IntakeHistoryPreview>, ValidationProblem, NotFound>> PreviewAsync(
        Guid farmId, Guid groupId, IntakeHistoryRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (report, problem) = await ReadAsync(farmId, groupId, request, grains, cancellationToken);
        return report is null ? problem is null ? TypedResults.NotFound() : problem : TypedResults.Ok(IntakeHistoryPreview.Of(report));
    }

    private static async Task<Results<Ok<IntakeHistoryApplied>, ValidationProblem, NotFound>> ApplyAsync(
        Guid farmId, Guid groupId, IntakeHistoryRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (report, problem) = await ReadAsync(farmId, groupId, request, grains, cancellationToken);
        if (report is null)
        {
            return problem is null ? TypedResults.NotFound() : problem;
        }

        if (report.Errors.Count > 0 || report.Valid.Count == 0)
        {
            return AnimalImportEndpoints.Refused(report.Errors, report.Valid.Count, report.InvalidRows.Count, report.DataRows, validRowsAlone: false);
        }

        var changed = await grains.Group(groupId).ImportIntakeHistoryAsync(
            [.. report.Valid.Select(r => new IntakeDay(r.Day, r.DeliveredKgAsFed, r.RefusedKgAsFed, r.DryMatterKg, 1, r.HeadCount))], cancellationToken);
        return TypedResults.Ok(new IntakeHistoryApplied(report.Valid.Count, changed, report.Valid.Min(r => r.Day), report.Valid.Max(r => r.Day)));
    }

    private static async Task<(IntakeHistoryReport? Report, ValidationProblem? Problem)> ReadAsync(
        Guid farmId, Guid groupId, IntakeHistoryRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (await GroupEndpoints.FindAsync(grains, farmId, groupId, cancellationToken) is not { } group)
        {
            return (null, null);
        }

        var v = new Validation();
        var table = AnimalImportEndpoints.ReadTable(request.Csv, request.XlsxBase64, v);
        if (!v.IsValid || table is null)
        {
            return (null, TypedResults.ValidationProblem(v.Errors));
        }

        // Days with bunk-scale readings keep them: the history may not overwrite what the sensors measured.
        var sensorDays = (await grains.Group(groupId).GetIntakeHistoryAsync(IntakeHistoryImport.MaxDaysBack + 1, cancellationToken))
            .Where(d => d.HeadCount is null && d.Readings > 0).Select(d => d.Day).ToHashSet();
        return (IntakeHistoryImport.Read(table, group.Intake.Today, (int)IntakeIngestGrain.MaxAge.TotalDays, sensorDays), null);
    }
}

/// <summary>A group's intake history file: <paramref name="Csv"/> as text or <paramref name="XlsxBase64"/> (the first sheet is read).</summary>
public sealed record IntakeHistoryRequest(string? Csv, string? XlsxBase64);

/// <summary>What the file holds: rows read, the valid days (first and last), invalid rows and every error.</summary>
public sealed record IntakeHistoryPreview(int DataRows, int ValidDays, DateOnly? From, DateOnly? To, IReadOnlyList<int> InvalidRows,
    IReadOnlyList<ImportErrorResponse> Errors)
{
    public static IntakeHistoryPreview Of(IntakeHistoryReport report) =>
        new(report.DataRows, report.Valid.Count, report.Valid.Count > 0 ? report.Valid.Min(r => r.Day) : null,
            report.Valid.Count > 0 ? report.Valid.Max(r => r.Day) : null, report.InvalidRows, [.. report.Errors.Select(ImportErrorResponse.From)]);
}

/// <summary>What was stored: the file's days; how many of them were new or changed (0 when the same file came again); first and last day.</summary>
public sealed record IntakeHistoryApplied(int Days, int NewOrChanged, DateOnly From, DateOnly To);
