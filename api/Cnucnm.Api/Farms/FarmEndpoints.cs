using System.Text.Json;
using Cnucnm.FieldValidation;
using Cnucnm.Nutrition.Beef;
using System.Security.Claims;
using Cnucnm.Api.Infrastructure;
using Cnucnm.Api.Security;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Security;
using Cnucnm.Storage.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cnucnm.Api.Farms;

public static class FarmEndpoints
{
    public static IEndpointRouteBuilder MapFarmEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var farms = endpoints.MapGroup("/api/v1/farms").WithTags("Farms");

        farms.MapPost("/", CreateAsync).WithName("CreateFarm").RequireAuthorization(Policies.User)
            .WithSummary("Register a farm; the caller becomes its owner.");
        farms.MapGet("/", ListAsync).WithName("ListFarms").RequireAuthorization(Policies.User)
            .WithSummary("The farms the caller belongs to, with the caller's role.");
        // The farm itself: its route is the group's prefix, which a route under the group cannot be without a trailing slash (and the
        // route's text is what the audit log records), so it states the group's baseline itself (FarmRoutes).
        farms.MapGet("/{farmId:guid}", GetAsync).WithName("GetFarm").RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .RequireAuthorization(FarmMembershipRequirement.Policy)
            .WithSummary("A farm's profile.");
        farms.MapPut("/{farmId:guid}", UpdateAsync).WithName("UpdateFarm").RequireAuthorization(Policies.Farm(FarmPermission.ManageFarm))
            .RequireAuthorization(FarmMembershipRequirement.Policy)
            .WithSummary("Replace a farm's profile.");
        return endpoints;
    }

    private static async Task<Results<Created<FarmResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        FarmRequest request, IGrainFactory grains, IFarmMembershipStore memberships, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = request.Validate(ProblemExceptionHandler.PrefersKorean(http.Request));
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var farmId = Guid.CreateVersion7();
        var userId = user.GetUserId()!.Value;
        // Membership first: a farm nobody owns could never be reached again.
        await memberships.UpsertAsync(farmId, userId, FarmRole.Owner, user.ActorId(), cancellationToken);
        FarmResult result;
        try
        {
            result = await grains.Farm(farmId).CreateAsync(request.ToProfile(), user.ActorId(), cancellationToken);
        }
        catch
        {
            await memberships.RemoveAsync(farmId, userId, CancellationToken.None);
            throw;
        }

        return result.Outcome == FarmOutcome.Created
            ? TypedResults.Created($"/api/v1/farms/{farmId}", FarmResponse.From(result.Farm!, FarmRole.Owner))
            : TypedResults.Problem(title: "The farm already exists.", statusCode: StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<List<FarmResponse>>> ListAsync(
        IGrainFactory grains, IFarmMembershipStore memberships, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var mine = await memberships.ListForUserAsync(user.GetUserId()!.Value, cancellationToken);
        var farms = await Task.WhenAll(mine.Select(async m => (Farm: await grains.Farm(m.FarmId).GetAsync(cancellationToken), m.Role)));
        return TypedResults.Ok(farms.Where(f => f.Farm is not null).Select(f => FarmResponse.From(f.Farm!, f.Role)).OrderBy(f => f.Name, StringComparer.CurrentCulture).ToList());
    }

    private static async Task<Results<Ok<FarmResponse>, NotFound>> GetAsync(
        Guid farmId, IGrainFactory grains, IFarmMembershipStore memberships, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var farm = await grains.Farm(farmId).GetAsync(cancellationToken);
        var role = user.GetUserId() is { } id ? await memberships.GetRoleAsync(farmId, id, cancellationToken) : null;
        return farm is null ? TypedResults.NotFound() : TypedResults.Ok(FarmResponse.From(farm, role, user.HasClaim(CnucnmClaims.Role, GlobalRoles.Admin)));
    }

    private static async Task<Results<Ok<FarmResponse>, ValidationProblem, NotFound>> UpdateAsync(
        Guid farmId, FarmRequest request, IGrainFactory grains, IFarmMembershipStore memberships, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = request.Validate(ProblemExceptionHandler.PrefersKorean(http.Request));
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var result = await grains.Farm(farmId).UpdateProfileAsync(request.ToProfile(), user.ActorId(), cancellationToken);
        var role = user.GetUserId() is { } id ? await memberships.GetRoleAsync(farmId, id, cancellationToken) : null;
        return result.Outcome == FarmOutcome.NotFound ? TypedResults.NotFound() : TypedResults.Ok(FarmResponse.From(result.Farm!, role, user.HasClaim(CnucnmClaims.Role, GlobalRoles.Admin)));
    }
}

/// <summary>Body of a farm registration or profile update.</summary>
/// <param name="Name">Farm name as the farm uses it (Korean or English).</param>
/// <param name="Currency">ISO 4217 code of the farm's prices, e.g. KRW.</param>
/// <param name="TimeZone">IANA time zone of the farm, e.g. Asia/Seoul; days of intake are counted in it.</param>
public sealed record FarmRequest(
    string? Name,
    LocationBody? Location,
    string? Currency,
    string? TimeZone,
    ClimateBody? Climate)
{
    /// <param name="korean">Messages of the fields added with the province in Korean (the client asks for Korean first).</param>
    public Validation Validate(bool korean = false)
    {
        var v = new Validation()
            .RequireText(Name, "name", 200)
            .Require(Currency is { Length: 3 } c && c.All(char.IsAsciiLetterUpper), "currency", "must be a three-letter ISO 4217 code such as KRW.")
            .Require(TimeZone is null || TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _), "timeZone", "is not a known IANA time zone.");
        if (Location is null)
        {
            v.Add("location", "is required.");
        }
        else
        {
            v.RequireText(Location.Region, "location.region", 200)
             .Require(Location.CountryCode is { Length: 2 } cc && cc.All(char.IsAsciiLetterUpper), "location.countryCode", "must be a two-letter ISO 3166 code such as KR.")
             .RequireRange(Location.Latitude, "location.latitude", -90, 90, required: false)
             .RequireRange(Location.Longitude, "location.longitude", -180, 180, required: false)
             .Require(Location.Province is null || (KoreanClimateNormals.TryGet(Location.Province, out var province) && province.Codes.Contains(Location.Province.Trim().ToUpperInvariant())),
                 "location.province", korean
                     ? $"대한민국 시·도의 ISO 3166-2:KR 코드({KoreanClimateNormals.CodeList})여야 합니다."
                     : $"must be the ISO 3166-2:KR code of a Korean province ({KoreanClimateNormals.CodeList}).")
             .Require(Location.Province is null || Location.CountryCode == "KR", "location.province", korean
                 ? "대한민국(countryCode KR) 농장에만 지정합니다."
                 : "applies to farms in Korea (countryCode KR) only.");
        }

        if (Climate is not null)
        {
            v.RequireRange(Climate.AmbientTemperatureCelsius, "climate.ambientTemperatureCelsius", -40, 50)
             .RequireRange(Climate.RelativeHumidityPercent, "climate.relativeHumidityPercent", 0, 100);
        }

        return v;
    }

    public FarmProfile ToProfile() => new(
        Name!.Trim(),
        new FarmLocation(Location!.Region!.Trim(), Location.CountryCode!, Location.Latitude, Location.Longitude,
            KoreanClimateNormals.TryGet(Location.Province, out var province) ? province.Code : null),
        Currency!,
        Climate is null ? ClimateDefaults.Temperate : new ClimateDefaults(Climate.AmbientTemperatureCelsius!.Value, Climate.RelativeHumidityPercent!.Value),
        TimeZone ?? "Asia/Seoul");
}

/// <param name="Province">Korean farms: ISO 3166-2:KR code of the province (KR-11 … KR-52; KR-42 and KR-45 are read as
/// KR-51 and KR-52). Its KMA 1991–2020 climate normals give beef formulations their temperatures when none are given.</param>
public sealed record LocationBody(string? Region, string? CountryCode, double? Latitude, double? Longitude, string? Province = null);

/// <param name="AmbientTemperatureCelsius">Typical ambient temperature, °C.</param>
/// <param name="RelativeHumidityPercent">Typical relative humidity, %.</param>
public sealed record ClimateBody(double? AmbientTemperatureCelsius, double? RelativeHumidityPercent);

/// <param name="Role">The caller's role on this farm (absent for administrators who are not members).</param>
/// <param name="Permissions">What the caller may do on this farm (read, formulate, approveRation …), so that a client
/// shows only the actions the API will accept.</param>
public sealed record FarmResponse(
    Guid Id, string Name, LocationBody Location, string Currency, string TimeZone, ClimateBody Climate,
    DateTimeOffset CreatedAt, long Version, string? Role, IReadOnlyList<string> Permissions)
{
    public static FarmResponse From(FarmSnapshot farm, FarmRole? role, bool isAdmin = false) => new(
        farm.FarmId,
        farm.Profile.Name,
        new LocationBody(farm.Profile.Location.Region, farm.Profile.Location.CountryCode, farm.Profile.Location.Latitude, farm.Profile.Location.Longitude,
            farm.Profile.Location.Province),
        farm.Profile.Currency,
        farm.Profile.TimeZone,
        new ClimateBody(farm.Profile.Climate.AmbientTemperatureCelsius, farm.Profile.Climate.RelativeHumidityPercent),
        farm.CreatedAt,
        farm.Version,
        role?.ToWire(),
        [.. Enum.GetValues<FarmPermission>().Where(p => isAdmin || role?.Allows(p) == true).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.ToString()))]);
}
