using Cnucnm.Api.Infrastructure;
using System.Globalization;
using System.Security.Claims;
using Cnucnm.Api.Security;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Security;
using Cnucnm.FieldValidation;
using Cnucnm.Nutrition.Feeds;
using Cnucnm.Registry.Import;
using Cnucnm.Registry.Records;
using Cnucnm.Storage.Animals;
using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcelLibs;

namespace Cnucnm.Api.Animals;

/// <summary>
/// Bulk registration from CSV or XLSX (<see cref="AnimalImport"/> lists the columns). Preview reports every bad row by
/// row and column and stores nothing; apply stores all rows when the file is clean, or only the valid rows when the
/// user accepts them (acceptValidRows), in one transaction; otherwise nothing.
/// </summary>
public static class AnimalImportEndpoints
{
    public const int MaxCsvCharacters = 5_000_000;
    public const int MaxXlsxBytes = 10_000_000;

    public static IEndpointRouteBuilder MapAnimalImportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var import = endpoints.Farm().MapGroup("/animals/import").WithTags("Animals");
        import.MapPost("/preview", PreviewAsync).AcceptsImportFiles().WithName("PreviewAnimalImport").RequireAuthorization(Policies.Farm(FarmPermission.EditAnimals))
            .WithSummary("Check an animal file (csv text or xlsxBase64): valid rows and every error by row and column; nothing is stored.");
        import.MapPost("/apply", ApplyAsync).AcceptsImportFiles().WithName("ApplyAnimalImport").RequireAuthorization(Policies.Farm(FarmPermission.EditAnimals))
            .WithSummary("Store the file's animals: all when it has no errors, the valid rows only with acceptValidRows, otherwise none (400 with the report).");
        return endpoints;
    }

    /// <summary>An import refused whole (animals, records, intake history): every error by <c>row{N}.{column}</c>, and why nothing
    /// was imported (no valid rows, or errors without acceptValidRows; <paramref name="validRowsAlone"/> false: an import that is
    /// all or nothing).</summary>
    internal static ValidationProblem Refused(IEnumerable<ImportError> rowErrors, int validRows, int invalidRows, int dataRows, bool validRowsAlone = true)
    {
        var errors = rowErrors.GroupBy(e => e.Column.Length > 0 ? $"row{e.Row}.{e.Column}" : $"row{e.Row}")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        if (validRows == 0)
        {
            errors["file"] = ["has no valid rows: nothing was imported."];
        }
        else if (!validRowsAlone)
        {
            errors["file"] = [$"{invalidRows} of {dataRows} rows have errors: nothing was imported."];
        }
        else
        {
            errors["acceptValidRows"] = [$"{invalidRows} of {dataRows} rows have errors: nothing was imported. Send acceptValidRows: true to import the {validRows} valid rows."];
        }

        return TypedResults.ValidationProblem(errors);
    }

    private static async Task<Results<Ok<AnimalImportPreview>, ValidationProblem, NotFound>> PreviewAsync(
        Guid farmId, AnimalImportRequest request, IAnimalStore store, GroupInputsSync sync, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (report, problem) = await ReadAsync(farmId, request, store, sync, grains, cancellationToken);
        return report is null ? problem is null ? TypedResults.NotFound() : problem : TypedResults.Ok(AnimalImportPreview.From(report));
    }

    private static async Task<Results<Ok<AnimalImportApplied>, ValidationProblem, NotFound, ProblemHttpResult>> ApplyAsync(
        Guid farmId, AnimalImportRequest request, IAnimalStore store, GroupInputsSync sync, IGrainFactory grains, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var (report, problem) = await ReadAsync(farmId, request, store, sync, grains, cancellationToken);
        if (report is null)
        {
            return problem is null ? TypedResults.NotFound() : problem;
        }

        if ((report.Errors.Count > 0 && request.AcceptValidRows != true) || report.Valid.Count == 0)
        {
            return AnimalImportEndpoints.Refused(report.Errors, report.Valid.Count, report.InvalidRows.Count, report.DataRows);
        }

        var actor = user.ActorId();
        var records = report.Valid.Where(r => r.Weighing is not null)
            .Select(r => new AnimalRecordEntry(Guid.CreateVersion7(), farmId, r.Animal.Id, r.Weighing!, actor, sync.Now)).ToList();
        if (await store.AddAsync([.. report.Valid.Select(r => r.Animal)], records, cancellationToken) != AnimalWriteOutcome.Ok)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Some of these tags were registered meanwhile: preview the file again.");
        }

        var groups = await sync.SyncAllAsync(farmId, report.Valid.Select(r => r.Animal.GroupId), actor, cancellationToken);
        return TypedResults.Ok(new AnimalImportApplied(report.Valid.Count, report.InvalidRows, [.. report.Errors.Select(ImportErrorResponse.From)], groups));
    }

    private static async Task<(AnimalImportReport? Report, ValidationProblem? Problem)> ReadAsync(
        Guid farmId, AnimalImportRequest request, IAnimalStore store, GroupInputsSync sync, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (await grains.Farm(farmId).GetAsync(cancellationToken) is not { } farm || await sync.TodayAsync(farmId, cancellationToken) is not { } today)
        {
            return (null, null);
        }

        var v = new Validation();
        var table = ReadTable(request.Csv, request.XlsxBase64, v);
        if (!v.IsValid || table is null)
        {
            return (null, TypedResults.ValidationProblem(v.Errors));
        }

        var groups = GroupsByName(farm);
        var header = table.Count > 0 ? Array.FindIndex(table[0], h => string.Equals(h.Trim().TrimStart('\uFEFF'), "tag", StringComparison.OrdinalIgnoreCase)) : -1;
        var fileTags = header < 0 ? [] : table.Skip(1).Where(r => header < r.Length).Select(r => Registry.TraceabilityNumber.Normalize(r[header])).Distinct().ToList();
        var existing = await store.ExistingTagsAsync(farmId, fileTags, cancellationToken);
        return (AnimalImport.Read(table, farmId, today, existing, groups), null);
    }

    /// <summary>The file's table, from csv text or xlsxBase64 (exactly one of them), or its problem in <paramref name="v"/>.</summary>
    internal static List<string[]>? ReadTable(string? csv, string? xlsxBase64, Validation v)
    {
        v.Require((csv is null) != (xlsxBase64 is null), "csv", "give the file as csv text or as xlsxBase64, one of them.");
        if (!v.IsValid)
        {
            return null;
        }

        if (csv is not null)
        {
            v.Require(csv.Length <= MaxCsvCharacters, "csv", $"must be at most {MaxCsvCharacters:N0} characters.");
            return v.IsValid ? CsvText.Parse(csv) : null;
        }

        return ReadXlsx(xlsxBase64!, v);
    }

    /// <summary>The farm's groups by name (case-insensitive) and by id text, as import files name them.</summary>
    internal static Dictionary<string, Guid> GroupsByName(Contracts.Farms.FarmSnapshot farm)
    {
        var groups = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in farm.Groups)
        {
            groups.TryAdd(group.Name, group.GroupId);
            groups[group.GroupId.ToString()] = group.GroupId;
        }

        return groups;
    }

    /// <summary>The first sheet as rows of text: dates as yyyy-MM-dd, numbers invariant.</summary>
    private static List<string[]>? ReadXlsx(string base64, Validation v)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            v.Add("xlsxBase64", "is not base64.");
            return null;
        }

        if (bytes.Length > MaxXlsxBytes)
        {
            v.Add("xlsxBase64", $"must be at most {MaxXlsxBytes:N0} bytes.");
            return null;
        }

        try
        {
            using var stream = new MemoryStream(bytes);
            var rows = new List<string[]>();
            foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false))
            {
                rows.Add([.. row.Values.Select(Text)]);
            }

            return rows;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            v.Add("xlsxBase64", "is not a readable XLSX workbook.");
            return null;
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double n => n.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>An animal file: <paramref name="Csv"/> as text or <paramref name="XlsxBase64"/> (the first sheet is read).</summary>
/// <param name="AcceptValidRows">Apply only: store the valid rows even though others have errors.</param>
public sealed record AnimalImportRequest(string? Csv, string? XlsxBase64, bool? AcceptValidRows);

public sealed record ImportErrorResponse(int Row, string Column, string Message)
{
    public static ImportErrorResponse From(ImportError e) => new(e.Row, e.Column, e.Message);
}

/// <summary>What the file holds: rows read, valid and invalid rows, and every error.</summary>
public sealed record AnimalImportPreview(int DataRows, int ValidRows, IReadOnlyList<int> InvalidRows, IReadOnlyList<ImportErrorResponse> Errors)
{
    public static AnimalImportPreview From(AnimalImportReport report) =>
        new(report.DataRows, report.Valid.Count, report.InvalidRows, [.. report.Errors.Select(ImportErrorResponse.From)]);
}

/// <summary>What was stored: the valid rows; the rows left out with their errors; the groups re-derived.</summary>
public sealed record AnimalImportApplied(int Imported, IReadOnlyList<int> SkippedRows, IReadOnlyList<ImportErrorResponse> Errors, IReadOnlyList<GroupInputsResponse> Groups);
