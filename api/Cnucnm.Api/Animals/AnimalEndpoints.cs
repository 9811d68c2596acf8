using System.Security.Claims;
using Cnucnm.Api.Groups;
using Cnucnm.Api.Security;
using Cnucnm.Contracts.Security;
using Cnucnm.FieldValidation;
using Cnucnm.Registry;
using Cnucnm.Registry.Groups;
using Cnucnm.Storage.Animals;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cnucnm.Api.Animals;

/// <summary>
/// The animal registry: individual animals of a farm (PostgreSQL tables, not grains: docs/architecture.md). A member
/// joining or leaving a group re-derives the group's inputs through its grain (<see cref="GroupInputsSync"/>).
/// </summary>
public static class AnimalEndpoints
{
    public const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapAnimalEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var animals = endpoints.Farm().MapGroup("/animals").WithTags("Animals");
        animals.MapPost("/", CreateAsync).WithName("CreateAnimal").RequireAuthorization(Policies.Farm(FarmPermission.EditAnimals))
            .WithSummary("Register an animal by its traceability number (unique per farm), optionally into a group.");
        animals.MapGet("/", ListAsync).WithName("ListAnimals").RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .WithSummary("The farm's animals by tag: filter by status, groupId, breed; search tag digits or name; offset and limit (1–500).");
        animals.MapGet("/{animalId:guid}", GetAsync).WithName("GetAnimal").RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .WithSummary("An animal with its derived values today: age, lactation, days in milk, days pregnant, expected calving, ADG, latest milk.");
        animals.MapPut("/{animalId:guid}/status", SetStatusAsync).WithName("SetAnimalStatus").RequireAuthorization(Policies.Farm(FarmPermission.EditAnimals))
            .WithSummary("Mark an animal sold, dead or culled (date and reason) or active again; its group's inputs follow.");
        animals.MapGet("/due", DueAsync).WithName("ListAnimalsDue").RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .WithSummary("What active animals are due for today: overdue weighings, calvings within the notice, milking cows past their dry-off date.");
        animals.MapGet("/group-inputs/{groupId:guid}", GroupInputsAsync).WithName("GetGroupInputsFromAnimals").RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .WithSummary("A group's inputs as derived from its registered members today, with the farm's overrides applied.");
        animals.MapPut("/group-inputs/{groupId:guid}/overrides", SetOverridesAsync).WithName("SetGroupInputOverrides")
            .RequireAuthorization(Policies.Farm(FarmPermission.EditGroups))
            .WithSummary("Set the inputs the farm fixes by hand for a group (null: derive from members); the group is updated.");
        return endpoints;
    }

    private static async Task<Results<Created<AnimalResponse>, ValidationProblem, NotFound>> CreateAsync(
        Guid farmId, AnimalRequest request, IAnimalStore store, GroupInputsSync sync, IGrainFactory grains, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (await sync.TodayAsync(farmId, cancellationToken) is not { } today)
        {
            return TypedResults.NotFound();
        }

        var (animal, errors) = ToAnimal(request, farmId, today);
        if (animal.GroupId is { } groupId && await GroupEndpoints.FindAsync(grains, farmId, groupId, cancellationToken) is null)
        {
            errors.Add("groupId", "is not a group of this farm.");
        }

        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.Errors);
        }

        if (await store.AddAsync([animal], [], cancellationToken) == AnimalWriteOutcome.DuplicateTag)
        {
            return TypedResults.ValidationProblem(new Validation().Add("tag", $"{animal.Tag} is already registered on this farm.").Errors);
        }

        await sync.SyncAllAsync(farmId, [animal.GroupId], user.ActorId(), cancellationToken);
        return TypedResults.Created($"/api/v1/farms/{farmId}/animals/{animal.Id}", AnimalResponse.From(animal, AnimalDerived.Summarize(animal, [], today)));
    }

    /// <summary>The animal a request describes, or its field errors.</summary>
    internal static (Animal Animal, Validation Errors) ToAnimal(AnimalRequest request, Guid farmId, DateOnly today)
    {
        var v = new Validation()
            .Require(request.Sex is not null, "sex", "is required: female, male or steer.")
            .Require(request.BirthDate is not null, "birthDate", "is required.");
        var animal = new Animal(Guid.CreateVersion7(), farmId, TraceabilityNumber.Normalize(request.Tag), Blank(request.Name),
            request.Breed?.Trim().ToLowerInvariant() ?? "", request.Sex ?? AnimalSex.Female, request.BirthDate ?? today,
            request.DamTag is null ? null : TraceabilityNumber.Normalize(request.DamTag), request.Origin ?? AnimalOrigin.BornOnFarm,
            Blank(request.OriginNote), AnimalStatus.Active, null, null, request.GroupId, Blank(request.PhotoReference), 1);
        foreach (var error in AnimalValidation.Validate(animal, today))
        {
            v.Add(error.Field, error.Message);
        }

        return (animal, v);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static async Task<Results<Ok<AnimalListResponse>, ValidationProblem>> ListAsync(
        Guid farmId, IAnimalStore store, CancellationToken cancellationToken,
        string? status = null, Guid? groupId = null, string? breed = null, string? search = null, int offset = 0, int limit = 50)
    {
        var v = new Validation()
            .Require(offset >= 0, "offset", "must be 0 or more.")
            .Require(limit is >= 1 and <= MaxPageSize, "limit", $"must be between 1 and {MaxPageSize}.")
            .Require(search is not { Length: > 100 }, "search", "must be at most 100 characters.");
        AnimalStatus? parsedStatus = null;
        if (status is not null)
        {
            if (Enum.TryParse<AnimalStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(status, out _))
            {
                parsedStatus = s;
            }
            else
            {
                v.Add("status", "must be active, sold, dead or culled.");
            }
        }

        if (breed is not null && AnimalBreeds.Find(breed) is null)
        {
            v.Add("breed", $"must be one of {string.Join(", ", AnimalBreeds.All.Select(b => b.Id))}.");
        }

        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        var page = await store.ListAsync(new AnimalQuery(farmId, parsedStatus, groupId, breed, search, offset, limit), cancellationToken);
        return TypedResults.Ok(new AnimalListResponse([.. page.Animals.Select(a => AnimalResponse.From(a, null))], page.Total, offset, limit));
    }

    private static async Task<Results<Ok<AnimalResponse>, NotFound>> GetAsync(
        Guid farmId, Guid animalId, IAnimalStore store, GroupInputsSync sync, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(farmId, animalId, cancellationToken) is not { } animal || await sync.TodayAsync(farmId, cancellationToken) is not { } today)
        {
            return TypedResults.NotFound();
        }

        var records = await store.RecordsAsync(farmId, animalId, cancellationToken);
        return TypedResults.Ok(AnimalResponse.From(animal, AnimalDerived.Summarize(animal, [.. records.Select(r => r.Record)], today)));
    }

    private static async Task<Results<Ok<AnimalResponse>, ValidationProblem, NotFound, ProblemHttpResult>> SetStatusAsync(
        Guid farmId, Guid animalId, AnimalStatusRequest request, IAnimalStore store, GroupInputsSync sync, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (await store.GetAsync(farmId, animalId, cancellationToken) is not { } animal || await sync.TodayAsync(farmId, cancellationToken) is not { } today)
        {
            return TypedResults.NotFound();
        }

        if (request.Status is not { } status)
        {
            return TypedResults.ValidationProblem(new Validation().Add("status", "is required: active, sold, dead or culled.").Errors);
        }

        var errors = AnimalValidation.ValidateStatus(status, request.Date, request.Reason, animal.BirthDate, today);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }

        var updated = animal with
        {
            Status = status,
            StatusDate = request.Date,
            StatusReason = status == AnimalStatus.Active ? null : request.Reason!.Trim(),
            Version = animal.Version + 1,
        };
        if (await store.UpdateAsync(updated, animal.Version, null, cancellationToken) != AnimalWriteOutcome.Ok)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The animal changed meanwhile: read it again and retry.");
        }

        await sync.SyncAllAsync(farmId, [animal.GroupId], user.ActorId(), cancellationToken);
        var records = await store.RecordsAsync(farmId, animalId, cancellationToken);
        return TypedResults.Ok(AnimalResponse.From(updated, AnimalDerived.Summarize(updated, [.. records.Select(r => r.Record)], today)));
    }

    private static async Task<Results<Ok<List<AnimalDue>>, ValidationProblem, NotFound>> DueAsync(
        Guid farmId, IAnimalStore store, GroupInputsSync sync, CancellationToken cancellationToken,
        int weighingIntervalDays = 30, int calvingNoticeDays = 14, int dryPeriodDays = 60)
    {
        var v = new Validation()
            .Require(weighingIntervalDays is >= 1 and <= 365, "weighingIntervalDays", "must be between 1 and 365.")
            .Require(calvingNoticeDays is >= 0 and <= 120, "calvingNoticeDays", "must be between 0 and 120.")
            .Require(dryPeriodDays is >= 0 and <= 120, "dryPeriodDays", "must be between 0 and 120.");
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        if (await sync.TodayAsync(farmId, cancellationToken) is not { } today)
        {
            return TypedResults.NotFound();
        }

        var animals = await store.ActiveWithRecordsAsync(farmId, null, cancellationToken);
        var summaries = animals.Select(a => (a.Animal, AnimalDerived.Summarize(a.Animal, [.. a.Records.Select(r => r.Record)], today)));
        return TypedResults.Ok(AnimalDueList.Find(summaries, today, new DueSettings(weighingIntervalDays, calvingNoticeDays, dryPeriodDays)).ToList());
    }

    private static async Task<Results<Ok<GroupInputsResponse>, NotFound>> GroupInputsAsync(
        Guid farmId, Guid groupId, GroupInputsSync sync, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await sync.SyncAsync(farmId, groupId, user.ActorId(), apply: false, cancellationToken) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound();

    private static async Task<Results<Ok<GroupInputsResponse>, ValidationProblem, NotFound>> SetOverridesAsync(
        Guid farmId, Guid groupId, GroupInputOverrides request, IAnimalStore store, GroupInputsSync sync, IGrainFactory grains, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var v = new Validation()
            .Require(request.HeadCount is null or (>= 1 and <= 10_000), "headCount", "must be between 1 and 10000.")
            .RequireRange(request.BodyWeightKg, "bodyWeightKg", 20, 1500, required: false)
            .RequireRange(request.BodyConditionScore, "bodyConditionScore", 1, 9, required: false)
            .Require(request.AgeDays is null or (>= 0 and <= 9000), "ageDays", "must be between 0 and 9000.")
            .Require(request.Parity is null or (>= 0 and <= 15), "parity", "must be between 0 and 15.")
            .Require(request.DaysInMilk is null or (>= 0 and <= 800), "daysInMilk", "must be between 0 and 800.")
            .Require(request.DaysPregnant is null or (>= 0 and <= 300), "daysPregnant", "must be between 0 and 300.")
            .RequireRange(request.MilkKgPerDay, "milkKgPerDay", 0, 80, required: false)
            .RequireRange(request.MilkFatPercent, "milkFatPercent", 1.5, 9, required: false)
            .RequireRange(request.MilkTrueProteinPercent, "milkTrueProteinPercent", 1.5, 6, required: false)
            .RequireRange(request.MilkLactosePercent, "milkLactosePercent", 3, 6, required: false);
        if (await GroupEndpoints.FindAsync(grains, farmId, groupId, cancellationToken) is not { } group)
        {
            return TypedResults.NotFound();
        }

        if (request.BodyConditionScore is { } bcs && GroupRequest.IsDairy(group.Inputs.Breed) && bcs > 5)
        {
            v.Add("bodyConditionScore", "must be between 1 and 5 for a dairy group.");
        }

        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        await store.SetOverridesAsync(farmId, groupId, request, cancellationToken);
        return await sync.SyncAsync(farmId, groupId, user.ActorId(), apply: true, cancellationToken) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound();
    }
}
