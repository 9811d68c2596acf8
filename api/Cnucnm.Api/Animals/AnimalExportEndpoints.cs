using System.Globalization;
using Cnucnm.Api.Reports;
using Cnucnm.Api.Security;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Security;
using Cnucnm.Nutrition;
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
        endpoints.MapGet("/api/v1/farms/{farmId:guid}/animals/export", ExportAsync).WithTags("Animals").WithName("ExportAnimals")
            .RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .Produces(StatusCodes.Status200OK, contentType: ReportFormats.CsvContentType)
            .Produces(StatusCodes.Status200OK, contentType: ReportFormats.XlsxContentType)
            .WithSummary("The active animals in the import's columns with the latest weighing (format: csv or xlsx).");
        return endpoints;
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
