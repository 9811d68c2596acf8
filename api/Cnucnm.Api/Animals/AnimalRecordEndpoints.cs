using System.Security.Claims;
using Cnucnm.Api.Groups;
using Cnucnm.Api.Security;
using Cnucnm.Contracts.Security;
using Cnucnm.FieldValidation;
using Cnucnm.Registry;
using Cnucnm.Registry.Records;
using Cnucnm.Storage.Animals;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cnucnm.Api.Animals;

/// <summary>
/// Dated records of an animal: each checked field by field against the animal and its earlier records
/// (<see cref="RecordValidation"/>), stored, then the animal's group re-derives its inputs. Health events take
/// their own permission (veterinarians); moves change the animal's group and re-derive both groups.
/// </summary>
public static class AnimalRecordEndpoints
{
    public static IEndpointRouteBuilder MapAnimalRecordEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var animal = endpoints.Farm().MapGroup("/animals/{animalId:guid}").WithTags("Animals");
        animal.MapPost("/records", AddAsync).WithName("AddAnimalRecord").RequireAuthorization(Policies.Farm(FarmPermission.EditAnimals))
            .WithSummary("Record a weighing, milk test, insemination, pregnancy check, calving or dry-off; the animal's group inputs follow.");
        animal.MapGet("/records", ListAsync).WithName("ListAnimalRecords").RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .WithSummary("Every record of the animal, oldest first (kind: weighing, milkTest, insemination, pregnancyCheck, calving, dryOff, healthEvent, move).");
        animal.MapPost("/health-events", AddHealthAsync).WithName("AddAnimalHealthEvent").RequireAuthorization(Policies.Farm(FarmPermission.EditHealthRecords))
            .WithSummary("Record a diagnosis and treatment with milk and meat withdrawal days.");
        animal.MapPost("/moves", MoveAsync).WithName("MoveAnimal").RequireAuthorization(Policies.Farm(FarmPermission.EditAnimals))
            .WithSummary("Move the animal to another group; both groups' inputs follow.");
        return endpoints;
    }

    private static async Task<Results<Created<RecordResult>, ValidationProblem, NotFound>> AddAsync(
        Guid farmId, Guid animalId, RecordRequest request, IAnimalStore store, GroupInputsSync sync, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (record, errors) = ToRecord(request);
        return await StoreAsync(farmId, animalId, record, errors, store, sync, user, cancellationToken);
    }

    private static async Task<Results<Created<RecordResult>, ValidationProblem, NotFound>> AddHealthAsync(
        Guid farmId, Guid animalId, HealthEventRequest request, IAnimalStore store, GroupInputsSync sync, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var v = new Validation().Require(request.Date is not null, "date", "is required.");
        var record = request.Date is { } date
            ? new HealthEvent(date, request.Diagnosis?.Trim() ?? "", string.IsNullOrWhiteSpace(request.Treatment) ? null : request.Treatment.Trim(),
                request.MilkWithdrawalDays ?? 0, request.MeatWithdrawalDays ?? 0)
            : null;
        return await StoreAsync(farmId, animalId, record, v, store, sync, user, cancellationToken);
    }

    private static async Task<Results<Created<RecordResult>, ValidationProblem, NotFound, ProblemHttpResult>> MoveAsync(
        Guid farmId, Guid animalId, MoveRequest request, IAnimalStore store, GroupInputsSync sync, IGrainFactory grains, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (await store.GetAsync(farmId, animalId, cancellationToken) is not { } animal || await sync.TodayAsync(farmId, cancellationToken) is not { } today)
        {
            return TypedResults.NotFound();
        }

        var v = new Validation()
            .Require(request.Date is not null, "date", "is required.")
            .Require(request.ToGroupId is not null, "toGroupId", "is required.");
        if (request.ToGroupId is { } to && await GroupEndpoints.FindAsync(grains, farmId, to, cancellationToken) is null)
        {
            v.Add("toGroupId", "is not a group of this farm.");
        }

        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        var move = new GroupMove(request.Date!.Value, animal.GroupId, request.ToGroupId!.Value, string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim());
        var records = await store.RecordsAsync(farmId, animalId, cancellationToken);
        var errors = RecordValidation.Validate(move, animal, [.. records.Select(r => r.Record)], today);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(Problems(errors));
        }

        var moved = animal with { GroupId = move.ToGroupId, Version = animal.Version + 1 };
        var entry = new AnimalRecordEntry(Guid.CreateVersion7(), farmId, animalId, move, user.ActorId(), sync.Now);
        if (await store.UpdateAsync(moved, animal.Version, entry, cancellationToken) != AnimalWriteOutcome.Ok)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The animal changed meanwhile: read it again and retry.");
        }

        var groups = await sync.SyncAllAsync(farmId, [move.FromGroupId, move.ToGroupId], user.ActorId(), cancellationToken);
        var summary = AnimalDerived.Summarize(moved, [.. records.Select(r => r.Record), move], today);
        return TypedResults.Created($"/api/v1/farms/{farmId}/animals/{animalId}/records", new RecordResult(RecordResponse.From(entry), AnimalResponse.From(moved, summary), groups));
    }

    private static async Task<Results<Ok<List<RecordResponse>>, NotFound>> ListAsync(
        Guid farmId, Guid animalId, IAnimalStore store, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(farmId, animalId, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok((await store.RecordsAsync(farmId, animalId, cancellationToken)).Select(RecordResponse.From).ToList());
    }

    private static async Task<Results<Created<RecordResult>, ValidationProblem, NotFound>> StoreAsync(
        Guid farmId, Guid animalId, AnimalRecord? record, Validation errors, IAnimalStore store, GroupInputsSync sync, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (await store.GetAsync(farmId, animalId, cancellationToken) is not { } animal || await sync.TodayAsync(farmId, cancellationToken) is not { } today)
        {
            return TypedResults.NotFound();
        }

        if (!errors.IsValid || record is null)
        {
            return TypedResults.ValidationProblem(errors.Errors);
        }

        var records = await store.RecordsAsync(farmId, animalId, cancellationToken);
        var problems = RecordValidation.Validate(record, animal, [.. records.Select(r => r.Record)], today);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(Problems(problems));
        }

        var entry = new AnimalRecordEntry(Guid.CreateVersion7(), farmId, animalId, record, user.ActorId(), sync.Now);
        await store.AddRecordAsync(entry, cancellationToken);
        var groups = await sync.SyncAllAsync(farmId, [animal.GroupId], user.ActorId(), cancellationToken);
        var summary = AnimalDerived.Summarize(animal, [.. records.Select(r => r.Record), record], today);
        return TypedResults.Created($"/api/v1/farms/{farmId}/animals/{animalId}/records", new RecordResult(RecordResponse.From(entry), AnimalResponse.From(animal, summary), groups));
    }

    private static Dictionary<string, string[]> Problems(IEnumerable<FieldError> errors) =>
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());

    /// <summary>The record a request describes, or its missing fields. Value checks follow in <see cref="RecordValidation"/>.</summary>
    internal static (AnimalRecord? Record, Validation Errors) ToRecord(RecordRequest r)
    {
        var v = new Validation().Require(r.Date is not null, "date", "is required.");
        var kinds = new[] { RecordKinds.Weighing, RecordKinds.MilkTest, RecordKinds.Insemination, RecordKinds.PregnancyCheck, RecordKinds.Calving, RecordKinds.DryOff };
        if (r.Kind is null || !kinds.Contains(r.Kind, StringComparer.Ordinal))
        {
            v.Add("kind", $"must be one of {string.Join(", ", kinds)} (health events and moves have their own endpoints).");
            return (null, v);
        }

        double Required(double? value, string field)
        {
            v.Require(value is not null, field, "is required.");
            return value ?? 0;
        }

        var date = r.Date ?? default;
        AnimalRecord record = r.Kind switch
        {
            RecordKinds.Weighing => new Weighing(date, Required(r.BodyWeightKg, "bodyWeightKg"), r.BodyConditionScore),
            RecordKinds.MilkTest => new MilkTest(date, Required(r.MilkKgPerDay, "milkKgPerDay"), Required(r.FatPercent, "fatPercent"),
                Required(r.TrueProteinPercent, "trueProteinPercent"), Required(r.LactosePercent, "lactosePercent"), r.SomaticCellsThousandPerMl),
            RecordKinds.Insemination => new Insemination(date, string.IsNullOrWhiteSpace(r.Sire) ? null : r.Sire.Trim()),
            RecordKinds.PregnancyCheck => new PregnancyCheck(date, r.Pregnant ?? Fail(v, "pregnant"), string.IsNullOrWhiteSpace(r.Method) ? null : r.Method.Trim()),
            RecordKinds.Calving => new Calving(date, r.CalfSex, r.CalfTag is null ? null : TraceabilityNumber.Normalize(r.CalfTag), r.CalfBirthWeightKg, r.CalfAlive ?? true),
            _ => new DryOff(date),
        };
        return (v.IsValid ? record : null, v);
    }

    private static bool Fail(Validation v, string field)
    {
        v.Add(field, "is required.");
        return false;
    }
}
