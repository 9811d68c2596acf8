using System.Globalization;
using Cnucnm.Api.Reports;
using Cnucnm.Api.Security;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Security;
using Cnucnm.FieldValidation;
using Cnucnm.Registry;
using Cnucnm.Registry.Import;
using Cnucnm.Registry.Records;
using Cnucnm.Storage.Animals;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cnucnm.Api.Animals;

/// <summary>The farm's active animals as a file in the import's columns (<see cref="AnimalImport"/>), with each animal's
/// latest weighing: what is exported imports again.</summary>
public static class AnimalExportEndpoints
{
    public static IEndpointRouteBuilder MapAnimalExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Farm().MapGet("/animals/export", ExportAsync).WithTags("Animals").WithName("ExportAnimals")
            .RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .Produces(StatusCodes.Status200OK, contentType: ReportFormats.CsvContentType)
            .Produces(StatusCodes.Status200OK, contentType: ReportFormats.XlsxContentType)
            .WithSummary("The active animals in the import's columns with the latest weighing (format: csv or xlsx).");
        endpoints.Farm().MapGet("/animals/records/export", ExportRecordsAsync).WithTags("Animals").WithName("ExportAnimalRecords")
            .RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .Produces(StatusCodes.Status200OK, contentType: ReportFormats.CsvContentType)
            .Produces(StatusCodes.Status200OK, contentType: ReportFormats.XlsxContentType)
            .WithSummary("Every record of the active animals, one row each, oldest first, optionally from/to a date (format: csv or xlsx).");
        return endpoints;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, NotFound>> ExportRecordsAsync(
        Guid farmId, IAnimalStore store, GroupInputsSync sync, IGrainFactory grains, CancellationToken cancellationToken,
        string format = "csv", DateOnly? from = null, DateOnly? to = null)
    {
        var v = new Validation()
            .Require(format is "csv" or "xlsx", "format", "must be csv or xlsx.")
            .Require(from is null || to is null || from <= to, "to", "must not be before from.");
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        if (await grains.Farm(farmId).GetAsync(cancellationToken) is not { } farm || await sync.TodayAsync(farmId, cancellationToken) is not { } today)
        {
            return TypedResults.NotFound();
        }

        var groups = farm.Groups.ToDictionary(g => g.GroupId, g => g.Name);
        string? Group(Guid? id) => id is { } g ? groups.GetValueOrDefault(g, g.ToString()) : null;
        var rows = (await store.ActiveWithRecordsAsync(farmId, null, cancellationToken))
            .SelectMany(h => h.Records.Select(entry => (h.Animal.Tag, Entry: entry)))
            .Where(r => (from is null || r.Entry.Record.Date >= from) && (to is null || r.Entry.Record.Date <= to))
            .OrderBy(r => r.Entry.Record.Date).ThenBy(r => r.Tag, StringComparer.Ordinal)
            .Select(r => RecordRow(r.Tag, r.Entry, Group))
            .ToList();

        var file = $"animal-records-{today:yyyy-MM-dd}.{format}";
        return format == "csv"
            ? TypedResults.File(ReportFormats.Csv(rows), ReportFormats.CsvContentType, file)
            : TypedResults.File(await ReportFormats.XlsxAsync([("records", rows)], cancellationToken), ReportFormats.XlsxContentType, file);
    }

    /// <summary>One record as a row: the same columns for every kind, empty where a kind has no such field.</summary>
    private static Dictionary<string, object?> RecordRow(string tag, AnimalRecordEntry entry, Func<Guid?, string?> group)
    {
        var record = entry.Record;
        var row = new Dictionary<string, object?>
        {
            ["tag"] = tag,
            ["kind"] = record.Kind,
            ["date"] = record.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["bodyWeightKg"] = (record as Weighing)?.BodyWeightKg,
            ["bodyConditionScore"] = (record as Weighing)?.BodyConditionScore,
            ["milkKgPerDay"] = (record as MilkTest)?.MilkKgPerDay,
            ["fatPercent"] = (record as MilkTest)?.FatPercent,
            ["trueProteinPercent"] = (record as MilkTest)?.TrueProteinPercent,
            ["lactosePercent"] = (record as MilkTest)?.LactosePercent,
            ["somaticCellsThousandPerMl"] = (record as MilkTest)?.SomaticCellsThousandPerMl,
            ["sire"] = (record as Insemination)?.Sire,
            ["pregnant"] = (record as PregnancyCheck)?.Pregnant,
            ["method"] = (record as PregnancyCheck)?.Method,
            ["calfSex"] = (record as Calving)?.CalfSex?.ToString().ToLowerInvariant(),
            ["calfTag"] = (record as Calving)?.CalfTag,
            ["calfBirthWeightKg"] = (record as Calving)?.CalfBirthWeightKg,
            ["calfAlive"] = (record as Calving)?.CalfAlive,
            ["diagnosis"] = (record as HealthEvent)?.Diagnosis,
            ["treatment"] = (record as HealthEvent)?.Treatment,
            ["milkWithdrawalDays"] = (record as HealthEvent)?.MilkWithdrawalDays,
            ["meatWithdrawalDays"] = (record as HealthEvent)?.MeatWithdrawalDays,
            ["fromGroup"] = group((record as GroupMove)?.FromGroupId),
            ["toGroup"] = group((record as GroupMove)?.ToGroupId),
            ["reason"] = (record as GroupMove)?.Reason,
            ["recordedBy"] = entry.RecordedBy,
            ["recordedAt"] = entry.RecordedAt.ToString("O", CultureInfo.InvariantCulture),
        };
        return row;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, NotFound>> ExportAsync(
        Guid farmId, IAnimalStore store, GroupInputsSync sync, IGrainFactory grains, CancellationToken cancellationToken, string format = "csv")
    {
        if (format is not ("csv" or "xlsx"))
        {
            return TypedResults.ValidationProblem(new Validation().Add("format", "must be csv or xlsx.").Errors);
        }

        if (await grains.Farm(farmId).GetAsync(cancellationToken) is not { } farm || await sync.TodayAsync(farmId, cancellationToken) is not { } today)
        {
            return TypedResults.NotFound();
        }

        var groups = farm.Groups.ToDictionary(g => g.GroupId, g => g.Name);
        var rows = new List<Dictionary<string, object?>>();
        foreach (var (animal, records) in await store.ActiveWithRecordsAsync(farmId, null, cancellationToken))
        {
            var weighing = records.Select(r => r.Record).OfType<Weighing>().Where(w => w.Date <= today).MaxBy(w => w.Date);
            static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            rows.Add(new()
            {
                ["tag"] = animal.Tag,
                ["name"] = animal.Name,
                ["breed"] = animal.BreedId,
                ["sex"] = animal.Sex.ToString().ToLowerInvariant(),
                ["birthDate"] = Date(animal.BirthDate),
                ["damTag"] = animal.DamTag,
                ["origin"] = animal.Origin == AnimalOrigin.BornOnFarm ? "bornOnFarm" : "purchased",
                ["originNote"] = animal.OriginNote,
                ["group"] = animal.GroupId is { } g && groups.TryGetValue(g, out var name) ? name : null,
                ["photoReference"] = animal.PhotoReference,
                ["bodyWeightKg"] = weighing?.BodyWeightKg,
                ["bodyConditionScore"] = weighing?.BodyConditionScore,
                ["weighedOn"] = Date(weighing?.Date),
            });
        }

        var file = $"animals-{today:yyyy-MM-dd}.{format}";
        return format == "csv"
            ? TypedResults.File(ReportFormats.Csv(rows), ReportFormats.CsvContentType, file)
            : TypedResults.File(await ReportFormats.XlsxAsync([("animals", rows)], cancellationToken), ReportFormats.XlsxContentType, file);
    }
}
