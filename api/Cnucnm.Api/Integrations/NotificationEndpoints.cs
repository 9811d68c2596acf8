using System.Globalization;
using System.Security.Claims;
using Cnucnm.Api.Security;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Alerts;
using Cnucnm.Contracts.Farms;
using Cnucnm.FieldValidation;
using Cnucnm.Storage.Identity;
using Cnucnm.Storage.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cnucnm.Api.Integrations;

/// <summary>The signed-in person's alert e-mail preferences. Alert e-mails go only to confirmed addresses.</summary>
public static class NotificationEndpoints
{
    private static readonly string[] Kinds = [.. Enum.GetValues<AlertKind>().Select(AlertEmailData.KindName)];

    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var me = endpoints.MapGroup("/api/v1/me/notifications").WithTags("Notifications");
        me.MapGet("/", GetAsync).WithName("GetNotificationPreferences").RequireAuthorization(Policies.User)
            .WithSummary("Which alerts are e-mailed, immediately or as a daily digest, and the quiet hours (default: none).");
        me.MapPut("/", PutAsync).WithName("SetNotificationPreferences").RequireAuthorization(Policies.User)
            .WithSummary("Set which alerts are e-mailed, immediately or as a daily digest, and the quiet hours.");
        return endpoints;
    }

    private static async Task<Ok<NotificationPreferencesBody>> GetAsync(ClaimsPrincipal principal, INotificationStore store, IFarmMembershipStore memberships,
        IGrainFactory grains, CancellationToken cancellationToken)
    {
        var preferences = await store.GetPreferencesAsync(principal.GetUserId()!.Value, cancellationToken);
        return TypedResults.Ok(preferences is null
            ? new NotificationPreferencesBody([], AlertEmailDelivery.Off, null, null, 7,
                await FarmZoneAsync(principal.GetUserId()!.Value, memberships, grains, cancellationToken), false)
            : new NotificationPreferencesBody([.. preferences.AlertKinds], preferences.Delivery, Format(preferences.QuietHoursStart),
                Format(preferences.QuietHoursEnd), preferences.DigestHour, preferences.TimeZone, preferences.WeeklyReport));
    }

    private static async Task<Results<Ok<NotificationPreferencesBody>, ValidationProblem>> PutAsync(
        NotificationPreferencesBody request, ClaimsPrincipal principal, INotificationStore store, IFarmMembershipStore memberships, IGrainFactory grains,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        foreach (var unknown in (request.AlertKinds ?? []).Where(k => !Kinds.Contains(k)))
        {
            validation.Add("alertKinds", $"'{unknown}' is not an alert kind; use {string.Join(", ", Kinds)}.");
        }

        validation.Require(request.Delivery is not null && AlertEmailDelivery.All.Contains(request.Delivery), "delivery",
            $"must be one of {string.Join(", ", AlertEmailDelivery.All)}.");
        var start = ParseTime(request.QuietHoursStart, "quietHoursStart", validation);
        var end = ParseTime(request.QuietHoursEnd, "quietHoursEnd", validation);
        validation.Require(start.HasValue == end.HasValue, "quietHoursEnd", "quiet hours need both a start and an end.");
        validation.Require(request.DigestHour is null or >= 0 and <= 23, "digestHour", "must be an hour from 0 to 23.");
        var zone = request.TimeZone ?? await FarmZoneAsync(principal.GetUserId()!.Value, memberships, grains, cancellationToken);
        validation.Require(TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _), "timeZone", "must be an IANA time zone such as Asia/Seoul.");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var preferences = new NotificationPreferences(principal.GetUserId()!.Value, [.. (request.AlertKinds ?? []).Distinct(StringComparer.Ordinal)],
            request.Delivery!, start, end, request.DigestHour ?? 7, zone, request.WeeklyReport ?? false);
        await NotificationSchedule.SetPreferencesAsync(store, preferences, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(request with { AlertKinds = [.. preferences.AlertKinds], DigestHour = preferences.DigestHour, TimeZone = zone, WeeklyReport = preferences.WeeklyReport });
    }

    /// <summary>The zone of a person who names none: their farm's (the first listed when several), else Asia/Seoul.</summary>
    private static async Task<string> FarmZoneAsync(Guid userId, IFarmMembershipStore memberships, IGrainFactory grains, CancellationToken cancellationToken)
    {
        foreach (var membership in await memberships.ListForUserAsync(userId, cancellationToken))
        {
            if (await grains.Farm(membership.FarmId).GetAsync(cancellationToken) is { } farm
                && TimeZoneInfo.TryFindSystemTimeZoneById(farm.Profile.TimeZone, out _))
            {
                return farm.Profile.TimeZone;
            }
        }

        return NotificationSchedule.DefaultTimeZone;
    }

    private static TimeOnly? ParseTime(string? value, string field, Validation validation)
    {
        if (value is null)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        validation.Add(field, "must be a local time HH:mm.");
        return null;
    }

    private static string? Format(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture);
}

/// <param name="AlertKinds">Alert kinds to e-mail: nutrientDeficit, nutrientExcess, infeasibleFormulation, priceJump, intakeDrop, sensorSilent, inventoryLow, rationSuggestion.</param>
/// <param name="Delivery">off, immediate or dailyDigest.</param>
/// <param name="QuietHoursStart">Local time (HH:mm) from which immediate e-mails wait; with QuietHoursEnd, may span midnight.</param>
/// <param name="DigestHour">Local hour at which the daily digest is sent.</param>
/// <param name="TimeZone">IANA time zone of the quiet hours, digest hour, weekly report and the times e-mails show (default: the person's farm's zone, else Asia/Seoul).</param>
/// <param name="WeeklyReport">E-mail the weekly farm report (Mondays at the digest hour: each group's intake against its ration, the week's alerts).</param>
public sealed record NotificationPreferencesBody(string[]? AlertKinds, string? Delivery, string? QuietHoursStart, string? QuietHoursEnd, int? DigestHour, string? TimeZone,
    bool? WeeklyReport);
