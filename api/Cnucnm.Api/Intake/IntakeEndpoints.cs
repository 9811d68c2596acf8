using Cnucnm.FieldValidation;
using System.Security.Claims;
using Cnucnm.Api.Infrastructure;
using Cnucnm.Api.Security;
using Cnucnm.Contracts.Intake;
using Cnucnm.Contracts.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Cnucnm.Contracts;

namespace Cnucnm.Api.Intake;

/// <summary>Sensor readings in, sensors listed. A 2xx means every accepted reading is in PostgreSQL.</summary>
public static class IntakeEndpoints
{
    public const int MaxReadings = 1000;

    public static IEndpointRouteBuilder MapIntakeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/intake-readings", DeviceIngestAsync).WithTags("Intake").WithName("IngestReadings")
            .RequireAuthorization(Policies.Device)
            .WithSummary("Sensors: post up to 1,000 readings with the farm's device key (X-Api-Key).");
        endpoints.Farm().MapPost("/intake-readings", FarmIngestAsync).WithTags("Intake").WithName("IngestFarmReadings")
            .RequireAuthorization(Policies.Farm(FarmPermission.IngestReadings))
            .WithSummary("Post readings for a farm (a person with the right, or the farm's device key).");

        var sensors = endpoints.Farm().MapGroup("/sensors").WithTags("Intake");
        sensors.MapGet("/", SensorsAsync).WithName("ListSensors").RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .WithSummary("The farm's sensors: last reading, count, expected interval, silent or not.");
        sensors.MapPut("/{deviceId}/expected-interval", IntervalAsync).WithName("SetSensorInterval").RequireAuthorization(Policies.Farm(FarmPermission.ManageDevices))
            .WithSummary("How often the sensor reports; silence beyond it raises an alert (null: the farm's default).");
        return endpoints;
    }

    private static Task<Results<Ok<IngestResult>, ValidationProblem>> DeviceIngestAsync(
        IntakeBatch batch, ClaimsPrincipal device, IGrainFactory grains, CancellationToken cancellationToken) =>
        IngestAsync(device.GetDeviceFarmId()!.Value, batch, grains, cancellationToken);

    private static Task<Results<Ok<IngestResult>, ValidationProblem>> FarmIngestAsync(
        Guid farmId, IntakeBatch batch, IGrainFactory grains, CancellationToken cancellationToken) =>
        IngestAsync(farmId, batch, grains, cancellationToken);

    private static async Task<Results<Ok<IngestResult>, ValidationProblem>> IngestAsync(Guid farmId, IntakeBatch batch, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (batch.Readings is not { Count: > 0 and <= MaxReadings } readings)
        {
            return TypedResults.ValidationProblem(new Validation().Add("readings", $"must hold 1 to {MaxReadings} readings.").Errors);
        }

        // Shape problems (missing fields) are reported per item like the domain checks in the grain.
        var rejected = new List<RejectedReading>();
        var complete = new List<(int Index, IntakeReading Reading)>();
        for (var i = 0; i < readings.Count; i++)
        {
            var r = readings[i];
            var missing = r is null ? "reading"
                : r.DeviceId is null ? "deviceId" : r.Sequence is null ? "sequence" : r.MeasuredAt is null ? "measuredAt"
                : r.GroupId is null ? "groupId" : r.FeedId is null ? "feedId" : r.DeliveredKgAsFed is null ? "deliveredKgAsFed" : null;
            if (missing is not null)
            {
                rejected.Add(new RejectedReading(i, missing, "is required."));
                continue;
            }

            complete.Add((i, new IntakeReading(r!.DeviceId!, r.Sequence!.Value, r.MeasuredAt!.Value, r.GroupId!.Value, r.FeedId!,
                r.DeliveredKgAsFed!.Value, r.RefusedKgAsFed ?? 0)));
        }

        // Stateless worker on the silo: keyed 0, Orleans runs as many local activations as it is allowed.
        var result = await grains.IntakeIngest().IngestAsync(farmId, [.. complete.Select(c => c.Reading)], cancellationToken);
        rejected.AddRange(result.Rejected.Select(r => r with { Index = complete[r.Index].Index }));
        return TypedResults.Ok(result with { Rejected = [.. rejected.OrderBy(r => r.Index)] });
    }

    private static async Task<Results<Ok<List<SensorStatus>>, NotFound>> SensorsAsync(Guid farmId, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var farm = await grains.Farm(farmId).GetAsync(cancellationToken);
        if (farm is null)
        {
            return TypedResults.NotFound();
        }

        var statuses = await Task.WhenAll(farm.Sensors.Select(d => grains.Sensor(farmId, d).GetStatusAsync(cancellationToken)));
        return TypedResults.Ok(statuses.ToList());
    }

    private static async Task<Results<Ok<SensorStatus>, ValidationProblem, NotFound>> IntervalAsync(
        Guid farmId, string deviceId, SensorIntervalRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (request.ExpectedIntervalMinutes is not null and (< 5 or > 10_080))
        {
            return TypedResults.ValidationProblem(new Validation().Add("expectedIntervalMinutes", "must be between 5 and 10080, or null.").Errors);
        }

        var farm = await grains.Farm(farmId).GetAsync(cancellationToken);
        if (farm is null || !farm.Sensors.Contains(deviceId))
        {
            return TypedResults.NotFound();
        }

        var sensor = grains.Sensor(farmId, deviceId);
        await sensor.SetExpectedIntervalAsync(request.ExpectedIntervalMinutes is { } m ? TimeSpan.FromMinutes(m) : null, cancellationToken);
        return TypedResults.Ok(await sensor.GetStatusAsync(cancellationToken));
    }
}

/// <summary>A batch of up to 1,000 readings.</summary>
public sealed record IntakeBatch(List<ReadingBody?>? Readings);

/// <param name="DeviceId">The sending device, unique within the farm.</param>
/// <param name="Sequence">Per-device sequence number: a retried reading with the same (deviceId, sequence) is stored once.</param>
/// <param name="MeasuredAt">When the delivery was weighed (ISO 8601 with offset).</param>
/// <param name="FeedId">A feed id of the farm, or "tmr" for the group's ration mix.</param>
/// <param name="DeliveredKgAsFed">Feed delivered, kg as fed.</param>
/// <param name="RefusedKgAsFed">Feed weighed back, kg as fed (default 0).</param>
public sealed record ReadingBody(string? DeviceId, long? Sequence, DateTimeOffset? MeasuredAt, Guid? GroupId, string? FeedId, double? DeliveredKgAsFed, double? RefusedKgAsFed);

public sealed record SensorIntervalRequest(int? ExpectedIntervalMinutes);
