using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Cnucnm.LoadTests;

/// <summary>
/// Time from a reading's 2xx to the dashboard's server-sent event: a dashboard connection listens to the farm's
/// events while readings are posted one at a time (each to its own group, so every one yields its own event).
/// </summary>
public static class EventLatency
{
    public static async Task<int> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = options.Api, Timeout = Timeout.InfiniteTimeSpan };
        var herd = await HerdSetup.CreateAsync(http, options.Groups, cancellationToken);
        using var dashboard = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/farms/{herd.FarmId}/events");
        dashboard.Headers.Authorization = new AuthenticationHeaderValue("Bearer", herd.AccessToken);
        using var stream = await http.SendAsync(dashboard, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        stream.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(cancellationToken));

        // Arrival time of the first intake event of each group.
        var arrivals = new System.Collections.Concurrent.ConcurrentDictionary<Guid, long>();
        var listening = Task.Run(async () =>
        {
            string? eventName = null;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    eventName = line[6..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal) && eventName == "intakeRecorded")
                {
                    var at = Stopwatch.GetTimestamp();
                    using var data = JsonDocument.Parse(line[5..]);
                    arrivals.TryAdd(data.RootElement.GetProperty("groupId").GetGuid(), at);
                }
            }
        }, cancellationToken);

        using var device = new HttpClient { BaseAddress = options.Api };
        device.DefaultRequestHeaders.Add("X-Api-Key", herd.DeviceKey);
        var acknowledgedAt = new Dictionary<Guid, long>();
        var count = Math.Min(options.Readings, herd.GroupIds.Count);
        var pause = TimeSpan.FromSeconds(1 / (options.Rate ?? 20));
        for (var i = 0; i < count; i++)
        {
            var groupId = herd.GroupIds[i];
            using var response = await device.PostAsJsonAsync("/api/v1/intake-readings", new
            {
                readings = new[] { new { deviceId = "latency", sequence = i, measuredAt = DateTimeOffset.UtcNow, groupId, feedId = HerdSetup.FeedId, deliveredKgAsFed = 10.0 } },
            }, cancellationToken);
            response.EnsureSuccessStatusCode();
            acknowledgedAt[groupId] = Stopwatch.GetTimestamp();
            await Task.Delay(pause, cancellationToken);
        }

        var deadline = Stopwatch.StartNew();
        while (arrivals.Count < count && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50, cancellationToken);
        }

        // The event may even arrive before the 2xx (the fan-out runs before the response): that counts as 0.
        var latencies = acknowledgedAt.Where(a => arrivals.ContainsKey(a.Key))
            .Select(a => Math.Max(0, Stopwatch.GetElapsedTime(a.Value, arrivals[a.Key]).TotalMilliseconds)).ToList();
        Console.WriteLine($"reading 2xx → SSE event: {new Stats(latencies)}; missing events: {count - latencies.Count}");
        _ = listening;
        return latencies.Count == count ? 0 : 1;
    }
}
