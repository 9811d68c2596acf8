using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Cnucnm.Api.Infrastructure;
using Cnucnm.Api.Security;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Security;
using Cnucnm.FieldValidation;
using Cnucnm.Registry.Import;
using Cnucnm.Registry.Records;
using Cnucnm.Storage.Animals;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cnucnm.Api.Animals;

/// <summary>
/// Records from CSV or XLSX in the records export's columns (<see cref="RecordImport"/>), so an exported farm's history
/// imports again. Preview reports every bad row by row and column and stores nothing; apply stores every new record in
/// one transaction when the file is clean, or only the valid rows when the user accepts them; otherwise nothing.
/// Health events in the file are stored only for people who may record them (EditHealthRecords), as by hand.
/// </summary>
public static class RecordImportEndpoints
{
    public static IEndpointRouteBuilder MapRecordImportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var import = endpoints.Farm().MapGroup("/animals/records/import").WithTags("Animals")
            .RequireAuthorization(Policies.Farm(FarmPermission.EditAnimals));
        import.MapPost("/preview", PreviewAsync).AcceptsImportFiles().WithName("PreviewAnimalRecordImport")
            .WithSummary("Check a records file (the records export's columns; csv text or xlsxBase64): rows to add, rows already recorded, every error by row and column; nothing is stored.");
        import.MapPost("/apply", ApplyAsync).AcceptsImportFiles().WithName("ApplyAnimalRecordImport")
            .WithSummary("Store the file's new records: all when it has no errors, the valid rows only with acceptValidRows, otherwise none (400 with the report).");
        return endpoints;
    }

    private static async Task<Results<Ok<RecordImportPreview>, ValidationProblem, NotFound>> PreviewAsync(
        Guid farmId, AnimalImportRequest request, IAnimalStore store, GroupInputsSync sync, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (report, problem) = await ReadAsync(farmId, request, store, sync, grains, cancellationToken);
        return report is null ? problem is null ? TypedResults.NotFound() : problem : TypedResults.Ok(RecordImportPreview.From(report));
    }

    private static async Task<Results<Ok<RecordImportApplied>, ValidationProblem, NotFound, ProblemHttpResult>> ApplyAsync(
        Guid farmId, AnimalImportRequest request, IAnimalStore store, GroupInputsSync sync, IGrainFactory grains, ClaimsPrincipal user,
        IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        var (report, problem) = await ReadAsync(farmId, request, store, sync, grains, cancellationToken);
        if (report is null)
        {
            return problem is null ? TypedResults.NotFound() : problem;
        }

        if ((report.Errors.Count > 0 && request.AcceptValidRows != true) || (report.Valid.Count == 0 && report.Errors.Count > 0))
        {
            return AnimalImportEndpoints.Refused(report.Errors, report.Valid.Count, report.InvalidRows.Count, report.DataRows);
        }

        if (report.Valid.Any(r => r.Record is HealthEvent)
            && !(await authorization.AuthorizeAsync(user, null, Policies.Farm(FarmPermission.EditHealthRecords))).Succeeded)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The file has health events; your role may not record them: nothing was imported.");
        }

        var actor = user.ActorId();
        var entries = report.Valid.Select(r => new AnimalRecordEntry(Guid.CreateVersion7(), farmId, r.AnimalId, r.Record, actor, sync.Now)).ToList();
        var groups = new List<GroupInputsResponse>();
        if (entries.Count > 0)
        {
            // No animals, so no tag can collide: the records go in together or not at all.
            await store.AddAsync([], entries, cancellationToken);
            groups = await sync.SyncAllAsync(farmId, report.Valid.Select(r => r.GroupId), actor, cancellationToken);
        }

        return TypedResults.Ok(new RecordImportApplied(entries.Count, report.AlreadyRecordedRows, report.InvalidRows,
            [.. report.Errors.Select(ImportErrorResponse.From)], groups));
    }

    private static async Task<(RecordImportReport? Report, ValidationProblem? Problem)> ReadAsync(
        Guid farmId, AnimalImportRequest request, IAnimalStore store, GroupInputsSync sync, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (await grains.Farm(farmId).GetAsync(cancellationToken) is not { } farm || await sync.TodayAsync(farmId, cancellationToken) is not { } today)
        {
            return (null, null);
        }

        var v = new Validation();
        var table = AnimalImportEndpoints.ReadTable(request.Csv, request.XlsxBase64, v);
        if (!v.IsValid || table is null)
        {
            return (null, TypedResults.ValidationProblem(v.Errors));
        }

        var animals = (await store.ActiveWithRecordsAsync(farmId, null, cancellationToken))
            .ToDictionary(h => h.Animal.Tag, h => (h.Animal, h.RecordList), StringComparer.Ordinal);
        return (RecordImport.Read(table, today, animals, AnimalImportEndpoints.GroupsByName(farm)), null);
    }
}

/// <summary>What a records file holds: rows read, rows to add, rows already recorded, invalid rows and every error.</summary>
public sealed record RecordImportPreview(int DataRows, int NewRecords, IReadOnlyList<int> AlreadyRecordedRows, IReadOnlyList<int> InvalidRows,
    IReadOnlyList<ImportErrorResponse> Errors)
{
    public static RecordImportPreview From(RecordImportReport report) =>
        new(report.DataRows, report.Valid.Count, report.AlreadyRecordedRows, report.InvalidRows, [.. report.Errors.Select(ImportErrorResponse.From)]);
}

/// <summary>What was stored: the new records; rows already recorded; rows left out with their errors; the groups re-derived.</summary>
public sealed record RecordImportApplied(int Imported, IReadOnlyList<int> AlreadyRecordedRows, IReadOnlyList<int> SkippedRows,
    IReadOnlyList<ImportErrorResponse> Errors, IReadOnlyList<GroupInputsResponse> Groups);
