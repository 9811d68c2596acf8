using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Cnucnm.Reliability;

/// <summary>One POST of a batch: when it was sent and answered (seconds since the load started), the
/// HTTP status (0: no answer: connection refused, reset or timed out) and whether it was a retry.</summary>
public sealed record Attempt(int Sensor, long FirstSequence, double SentAt, double AnsweredAt, int Status, bool IsRetry)
{
    public bool Succeeded => Status is >= 200 and < 300;
}

/// <summary>
/// Feed-bunk scales posting intake readings continuously, as real devices do: each sensor sends
/// batches with increasing sequence numbers and, when a request fails (any non-2xx or no answer),
/// sends the same batch again (same device and sequences) until it is acknowledged.
/// </summary>
public sealed class LoadGenerator(Uri apiAddress, IReadOnlyList<Sensor> sensors, int readingsPerBatch, TimeSpan pausePerSensor)
{
    /// <summary>Longer than any server-side timeout (Orleans' default response timeout is 30 s): the harness sees
    /// what a patient sensor sees, including a request held until a server timeout answers it.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);
    private readonly Stopwatch _clock = new();
    private readonly ConcurrentQueue<Attempt> _attempts = new();
    private readonly ConcurrentDictionary<(Guid Farm, string Device, long Sequence), byte> _acknowledged = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private long _readingsSent;
    private long _duplicatesReported;

    public double Now => _clock.Elapsed.TotalSeconds;

    public int ReadingsPerBatch => readingsPerBatch;

    public int SensorCount => sensors.Count;

    public IReadOnlyCollection<Attempt> Attempts => _attempts;

    public IReadOnlyCollection<(Guid Farm, string Device, long Sequence)> Acknowledged => (IReadOnlyCollection<(Guid, string, long)>)_acknowledged.Keys;

    public IReadOnlyCollection<string> Violations => _violations;

    public long ReadingsSent => Interlocked.Read(ref _readingsSent);

    /// <summary>Readings the API acknowledged as already stored: retries of batches whose first answer was lost.</summary>
    public long DuplicatesReported => Interlocked.Read(ref _duplicatesReported);

    /// <summary>Runs until <paramref name="stop"/>; a batch in flight is still retried until acknowledged
    /// or until <paramref name="drainTimeout"/> after the stop.</summary>
    public async Task RunAsync(TimeSpan drainTimeout, CancellationToken stop)
    {
        _clock.Start();
        using var http = new HttpClient { BaseAddress = apiAddress, Timeout = RequestTimeout };
        await Task.WhenAll(sensors.Select((sensor, index) => Task.Run(() => SensorLoopAsync(http, index, sensor, drainTimeout, stop), CancellationToken.None)));
    }

    private async Task SensorLoopAsync(HttpClient http, int index, Sensor sensor, TimeSpan drainTimeout, CancellationToken stop)
    {
        long sequence = 0;
        while (!stop.IsCancellationRequested)
        {
            var first = sequence;
            var readings = Enumerable.Range(0, readingsPerBatch).Select(i => new
            {
                deviceId = sensor.DeviceId,
                sequence = first + i,
                measuredAt = DateTimeOffset.UtcNow,
                groupId = sensor.GroupIds[(int)((first + i) % sensor.GroupIds.Count)],
                feedId = HerdApi.FeedId,
                deliveredKgAsFed = 100.0 + ((first + i) % 7),
                refusedKgAsFed = 0.0,
            }).ToList();
            sequence += readingsPerBatch;
            Interlocked.Add(ref _readingsSent, readingsPerBatch);
            var body = JsonSerializer.Serialize(new { readings });

            var isRetry = false;
            double? stoppedAt = null;
            while (true)
            {
                var (status, retryAfter, result) = await PostAsync(http, sensor.Key, body);
                var attempt = new Attempt(index, first, result.SentAt, Now, status, isRetry);
                _attempts.Enqueue(attempt);
                if (attempt.Succeeded)
                {
                    Acknowledge(sensor, first, result.Body);
                    break;
                }

                if (status is >= 400 and < 500 and not 408 and not 429)
                {
                    _violations.Enqueue($"{sensor.DeviceId} sequence {first}: {status} is not retryable: {result.Body}");
                    break;
                }

                stoppedAt ??= stop.IsCancellationRequested ? Now : null;
                if (stoppedAt is { } s && Now - s > drainTimeout.TotalSeconds)
                {
                    _violations.Enqueue($"{sensor.DeviceId} sequence {first}: never acknowledged (last status {status})");
                    break;
                }

                isRetry = true;
                await Task.Delay(retryAfter ?? TimeSpan.FromMilliseconds(500), CancellationToken.None);
            }

            try
            {
                await Task.Delay(pausePerSensor, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private async Task<(int Status, TimeSpan? RetryAfter, (double SentAt, string Body) Result)> PostAsync(HttpClient http, string key, string body)
    {
        var sentAt = Now;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/intake-readings")
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Api-Key", key);
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var retryAfter = response.Headers.RetryAfter?.Delta;
            return ((int)response.StatusCode, retryAfter, (sentAt, text));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            return (0, null, (sentAt, exception.GetType().Name));
        }
    }

    private void Acknowledge(Sensor sensor, long first, string body)
    {
        var result = JsonSerializer.Deserialize<JsonElement>(body);
        var stored = result.GetProperty("stored").GetInt32();
        var duplicates = result.GetProperty("duplicates").GetInt32();
        var rejected = result.GetProperty("rejected").GetArrayLength();
        Interlocked.Add(ref _duplicatesReported, duplicates);
        if (rejected > 0 || stored + duplicates != readingsPerBatch)
        {
            _violations.Enqueue($"{sensor.DeviceId} sequence {first}: stored {stored}, duplicates {duplicates}, rejected {rejected}: {body}");
            return;
        }

        for (var i = 0; i < readingsPerBatch; i++)
        {
            _acknowledged.TryAdd((sensor.FarmId, sensor.DeviceId, first + i), 0);
        }
    }

    /// <summary>Per sensor, seconds from <paramref name="killedAt"/> until the sensor was acknowledged again for good:
    /// the first success answered after its last failure (or, never failing, its first success answered after the kill,
    /// so a request held for seconds counts too). Sensors with no success until <paramref name="until"/> get +∞.</summary>
    public IReadOnlyList<double> RecoverySeconds(double killedAt, double until) => [.. Enumerable.Range(0, sensors.Count).Select(sensor =>
    {
        var attempts = _attempts.Where(a => a.Sensor == sensor && a.AnsweredAt >= killedAt && a.AnsweredAt < until).ToList();
        var lastFailure = attempts.Where(a => !a.Succeeded).Select(a => a.AnsweredAt).DefaultIfEmpty(killedAt).Max();
        var recovered = attempts.Where(a => a.Succeeded && a.AnsweredAt >= lastFailure).Select(a => a.AnsweredAt).DefaultIfEmpty(double.PositiveInfinity).Min();
        return recovered - killedAt;
    })];

    /// <summary>Statuses of the attempts answered in [from, to), e.g. "200×512 503×14 0×3".</summary>
    public string StatusHistogram(double from, double to) => string.Join(' ', _attempts
        .Where(a => a.AnsweredAt >= from && a.AnsweredAt < to)
        .GroupBy(a => a.Status).OrderBy(g => g.Key)
        .Select(g => string.Create(CultureInfo.InvariantCulture, $"{(g.Key == 0 ? "none" : g.Key.ToString(CultureInfo.InvariantCulture))}×{g.Count()}")));
}
