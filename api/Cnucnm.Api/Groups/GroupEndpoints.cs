using Cnucnm.FieldValidation;
using System.Security.Claims;
using Cnucnm.Api.Animals;
using Cnucnm.Api.Infrastructure;
using Cnucnm.Api.Security;
using Cnucnm.Contracts.Groups;
using Cnucnm.Contracts.Security;
using Cnucnm.Storage.Animals;
using Microsoft.AspNetCore.Http.HttpResults;
using Cnucnm.Contracts;

namespace Cnucnm.Api.Groups;

public static class GroupEndpoints
{
    /// <summary>The longest intake history a group page asks for: a year and a day.</summary>
    public const int MaxIntakeDays = 366;

    public static IEndpointRouteBuilder MapGroupEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var groups = endpoints.Farm().MapGroup("/groups").WithTags("Animal groups");
        groups.MapPost("/", CreateAsync).WithName("CreateGroup").RequireAuthorization(Policies.Farm(FarmPermission.EditGroups))
            .WithSummary("Create a pen or group with the inputs of its mean animal.");
        groups.MapGet("/", ListAsync).WithName("ListGroups").RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .WithSummary("The farm's groups with head count, today's intake and requirements.");
        groups.MapGet("/{groupId:guid}", GetAsync).WithName("GetGroup").RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .WithSummary("A group: inputs, records, requirements and intake.");
        groups.MapPut("/{groupId:guid}", UpdateAsync).WithName("UpdateGroup").RequireAuthorization(Policies.Farm(FarmPermission.EditGroups))
            .WithSummary("Replace a group's name and inputs; requirements and ration follow.");
        groups.MapDelete("/{groupId:guid}", DeleteAsync).WithName("DeleteGroup").RequireAuthorization(Policies.Farm(FarmPermission.EditGroups))
            .WithSummary("Remove a group (its history is kept); its registered animals become unassigned.");
        groups.MapPost("/{groupId:guid}/weighings", WeighAsync).WithName("AddWeighing").RequireAuthorization(Policies.Farm(FarmPermission.EditGroups))
            .WithSummary("Record a weighing of the group's mean animal.");
        groups.MapPost("/{groupId:guid}/milk-tests", MilkTestAsync).WithName("AddMilkTest").RequireAuthorization(Policies.Farm(FarmPermission.EditGroups))
            .WithSummary("Record a milk test (mean per cow).");
        groups.MapGet("/{groupId:guid}/intake", IntakeAsync).WithName("GetGroupIntake").RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .WithSummary("Daily intake of the group, oldest first (days: 1–366): sensor readings, and days imported from the farm's records (with their headCount).");
        return endpoints;
    }

    /// <summary>The group if it belongs to the farm of the route; another farm's group is not found.</summary>
    internal static async Task<GroupSnapshot?> FindAsync(IGrainFactory grains, Guid farmId, Guid groupId, CancellationToken cancellationToken)
    {
        var group = await grains.Group(groupId).GetAsync(cancellationToken);
        return group?.FarmId == farmId ? group : null;
    }

    private static async Task<Results<Created<GroupResponse>, ValidationProblem, NotFound>> CreateAsync(
        Guid farmId, GroupRequest request, IGrainFactory grains, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = request.Validate(ProblemExceptionHandler.PrefersKorean(http.Request));
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var groupId = Guid.CreateVersion7();
        var result = await grains.Group(groupId).CreateAsync(farmId, request.Name!.Trim(), request.ToInputs(), user.ActorId(), cancellationToken);
        return result.Outcome == GroupOutcome.Created
            ? TypedResults.Created($"/api/v1/farms/{farmId}/groups/{groupId}", GroupResponse.From(result.Group!))
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<List<GroupResponse>>, NotFound>> ListAsync(Guid farmId, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var farm = await grains.Farm(farmId).GetAsync(cancellationToken);
        if (farm is null)
        {
            return TypedResults.NotFound();
        }

        var groups = await Task.WhenAll(farm.Groups.Select(g => grains.Group(g.GroupId).GetAsync(cancellationToken)));
        return TypedResults.Ok(groups.Where(g => g is not null).Select(g => GroupResponse.From(g!)).OrderBy(g => g.Name, StringComparer.CurrentCulture).ToList());
    }

    private static async Task<Results<Ok<GroupResponse>, NotFound>> GetAsync(Guid farmId, Guid groupId, IGrainFactory grains, CancellationToken cancellationToken) =>
        await FindAsync(grains, farmId, groupId, cancellationToken) is { } group ? TypedResults.Ok(GroupResponse.From(group)) : TypedResults.NotFound();

    private static async Task<Results<Ok<GroupResponse>, ValidationProblem, NotFound>> UpdateAsync(
        Guid farmId, Guid groupId, GroupRequest request, IGrainFactory grains, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = request.Validate(ProblemExceptionHandler.PrefersKorean(http.Request));
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        if (await FindAsync(grains, farmId, groupId, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var result = await grains.Group(groupId).UpdateInputsAsync(request.Name!.Trim(), request.ToInputs(), user.ActorId(), cancellationToken);
        return result.Group is { } group ? TypedResults.Ok(GroupResponse.From(group)) : TypedResults.NotFound();
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(
        Guid farmId, Guid groupId, IGrainFactory grains, IAnimalStore animals, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await FindAsync(grains, farmId, groupId, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        // The registry's members of the group become unassigned (their records, moves included, stay). First, so that a
        // failure leaves the group in place for a retry rather than animals in a group that no longer exists.
        await animals.UnassignGroupAsync(farmId, groupId, cancellationToken);
        return await grains.Group(groupId).DeleteAsync(user.ActorId(), cancellationToken) == GroupOutcome.Ok
            ? TypedResults.NoContent()
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<GroupResponse>, ValidationProblem, NotFound>> WeighAsync(
        Guid farmId, Guid groupId, WeighingRequest request, IGrainFactory grains, ClaimsPrincipal user, GroupInputsSync farmCalendar,
        CancellationToken cancellationToken)
    {
        var group = await FindAsync(grains, farmId, groupId, cancellationToken);
        if (group is null || await farmCalendar.TodayAsync(farmId, cancellationToken) is not { } today)
        {
            return TypedResults.NotFound();
        }

        var scaleMax = GroupRequest.IsDairy(group.Inputs.Breed) ? 5 : 9;
        var validation = new Validation()
            .Require(request.Date is { } d && d <= today, "date", "is required and may not be in the future (the farm's calendar).")
            .RequireRange(request.BodyWeightKg, "bodyWeightKg", 20, 1500)
            .RequireRange(request.BodyConditionScore, "bodyConditionScore", 1, scaleMax, required: false);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var result = await grains.Group(groupId).AddWeighingAsync(
            new WeighingRecord(request.Date!.Value, request.BodyWeightKg!.Value, request.BodyConditionScore, user.ActorId()), cancellationToken);
        return TypedResults.Ok(GroupResponse.From(result.Group!));
    }

    private static async Task<Results<Ok<GroupResponse>, ValidationProblem, NotFound>> MilkTestAsync(
        Guid farmId, Guid groupId, MilkTestRequest request, IGrainFactory grains, ClaimsPrincipal user, GroupInputsSync farmCalendar,
        CancellationToken cancellationToken)
    {
        if (await FindAsync(grains, farmId, groupId, cancellationToken) is null || await farmCalendar.TodayAsync(farmId, cancellationToken) is not { } today)
        {
            return TypedResults.NotFound();
        }

        var validation = new Validation()
            .Require(request.Date is { } d && d <= today, "date", "is required and may not be in the future (the farm's calendar).")
            .RequireRange(request.MilkKgPerDay, "milkKgPerDay", 0, 80)
            .RequireRange(request.FatPercent, "fatPercent", 1.5, 9)
            .RequireRange(request.TrueProteinPercent, "trueProteinPercent", 1.5, 6)
            .RequireRange(request.LactosePercent, "lactosePercent", 3, 6);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var result = await grains.Group(groupId).AddMilkTestAsync(new MilkTestRecord(request.Date!.Value, request.MilkKgPerDay!.Value,
            request.FatPercent!.Value, request.TrueProteinPercent!.Value, request.LactosePercent!.Value, user.ActorId()), cancellationToken);
        return TypedResults.Ok(GroupResponse.From(result.Group!));
    }

    private static async Task<Results<Ok<IReadOnlyList<IntakeDay>>, ValidationProblem, NotFound>> IntakeAsync(
        Guid farmId, Guid groupId, IGrainFactory grains, CancellationToken cancellationToken, int days = 30)
    {
        if (days is < 1 or > MaxIntakeDays)
        {
            return TypedResults.ValidationProblem(new Validation().Add("days", $"must be between 1 and {MaxIntakeDays}.").Errors);
        }

        if (await FindAsync(grains, farmId, groupId, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await grains.Group(groupId).GetIntakeHistoryAsync(days, cancellationToken));
    }
}
