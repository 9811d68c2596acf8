using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Cnucnm.LoadTests;

/// <summary>
/// Posts batches of readings through <c>POST /api/v1/intake-readings</c> at a target rate (or as fast as the
/// concurrency allows), retrying failures with the same (device, sequence), then checks in PostgreSQL that every
/// acknowledged reading is stored exactly once.
/// </summary>
public static class HttpIngestLoad
{
    public static async Task<int> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency * 2 }) { BaseAddress = options.Api };
        var herd = await HerdSetup.CreateAsync(http, options.Groups, cancellationToken);
        http.DefaultRequestHeaders.Add("X-Api-Key", herd.DeviceKey);
        Console.WriteLine($"farm {herd.FarmId}: {options.Groups} groups; {(options.Rate is { } r ? $"{r:0} readings/s" : "max rate")}, " +
                          $"{options.Batch} per batch, {options.Concurrency} in flight, {options.Seconds:0} s");

        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        long acknowledged = 0, retries = 0, batches = 0;
        using var slots = new SemaphoreSlim(options.Concurrency);
        var inFlight = new List<Task>();
        var clock = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(options.Seconds);
        var interval = options.Rate is { } rate ? TimeSpan.FromSeconds(options.Batch / rate) : TimeSpan.Zero;
        var next = TimeSpan.Zero;
        var sequence = 0L;
        var now = DateTimeOffset.UtcNow;
        while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            if (interval > TimeSpan.Zero && next > clock.Elapsed)
            {
                await Task.Delay(next - clock.Elapsed, cancellationToken);
            }

            next += interval;
            await slots.WaitAsync(cancellationToken);
            var first = sequence;
            sequence += options.Batch;
            var body = JsonSerializer.SerializeToUtf8Bytes(new
            {
                readings = Enumerable.Range(0, options.Batch).Select(i => new
                {
                    deviceId = "load-generator",
                    sequence = first + i,
                    measuredAt = now,
                    groupId = herd.GroupIds[(int)((first + i) % herd.GroupIds.Count)],
                    feedId = HerdSetup.FeedId,
                    deliveredKgAsFed = 1.0,
                    refusedKgAsFed = 0.0,
                }),
            });
            inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    for (var attempt = 0; ; attempt++)
                    {
                        var started = Stopwatch.GetTimestamp();
                        try
                        {
                            using var content = new ByteArrayContent(body);
                            content.Headers.ContentType = new("application/json");
                            using var response = await http.PostAsync("/api/v1/intake-readings", content, cancellationToken);
                            if (response.IsSuccessStatusCode)
                            {
                                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                                Interlocked.Add(ref acknowledged, options.Batch);
                                Interlocked.Increment(ref batches);
                                return;
                            }
                        }
                        catch (HttpRequestException)
                        {
                        }

                        // Same batch, same sequences: the service stores each reading once however often it is sent.
                        Interlocked.Increment(ref retries);
                        await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 50 * (attempt + 1))), cancellationToken);
                    }
                }
                finally
                {
                    slots.Release();
                }
            }, cancellationToken));
            inFlight.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(inFlight);
        var elapsed = clock.Elapsed.TotalSeconds;
        var stats = new Stats(latencies);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"acknowledged {acknowledged} readings in {batches} batches over {elapsed:0.0} s = {acknowledged / elapsed:0} readings/s; retries {retries}"));
        Console.WriteLine($"batch latency {stats}");
        return await VerifyAsync(options, herd.FarmId, acknowledged, cancellationToken);
    }

    /// <summary>Every acknowledged reading is in PostgreSQL, once.</summary>
    public static async Task<int> VerifyAsync(LoadOptions options, Guid farmId, long acknowledged, CancellationToken cancellationToken)
    {
        if (options.Database is null)
        {
            Console.WriteLine("no --db given: stored readings not checked");
            return 0;
        }

        await using var db = NpgsqlDataSource.Create(options.Database);
        await using var command = db.CreateCommand("SELECT count(*), count(DISTINCT (device_id, sequence)) FROM intake_readings WHERE farm_id = $1");
        command.Parameters.AddWithValue(farmId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (stored, distinct) = (reader.GetInt64(0), reader.GetInt64(1));
        var ok = stored == acknowledged && distinct == stored;
        Console.WriteLine($"stored {stored} (distinct {distinct}) for {acknowledged} acknowledged: {(ok ? "every acknowledged reading stored exactly once" : "MISMATCH")}");
        return ok ? 0 : 1;
    }
}
