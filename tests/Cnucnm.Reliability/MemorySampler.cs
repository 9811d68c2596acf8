namespace Cnucnm.Reliability;

/// <summary>Samples the resident memory of each process and fits a straight line (least squares) to
/// it: the slope, MB per minute, says whether memory stays flat under a steady load.</summary>
public sealed class MemorySampler(IReadOnlyList<NodeProcess> processes, TimeSpan interval)
{
    private readonly Dictionary<string, List<(double Minutes, double Megabytes)>> _samples =
        processes.ToDictionary(p => p.Name, _ => new List<(double, double)>());

    public async Task RunAsync(CancellationToken stop)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!stop.IsCancellationRequested)
        {
            var minutes = TimeProvider.System.GetElapsedTime(started).TotalMinutes;
            foreach (var process in processes)
            {
                var bytes = process.ResidentBytes();
                if (bytes > 0)
                {
                    _samples[process.Name].Add((minutes, bytes / 1048576.0));
                }
            }

            try
            {
                await Task.Delay(interval, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>Per process: first and last sample (MB), slope (MB/min) over the samples after the
    /// first <paramref name="warmUpFraction"/> of the run (JIT, pools and caches fill up first).</summary>
    public IReadOnlyList<MemoryTrend> Trends(double warmUpFraction = 0.2) => [.. _samples.Select(entry =>
    {
        var all = entry.Value;
        var steady = all.Skip((int)(all.Count * warmUpFraction)).ToList();
        return new MemoryTrend(entry.Key, all.Count, all.FirstOrDefault().Megabytes, all.LastOrDefault().Megabytes, Slope(steady));
    })];

    public static double Slope(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count < 2)
        {
            return 0;
        }

        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var sxx = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        return sxx == 0 ? 0 : points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / sxx;
    }
}

public sealed record MemoryTrend(string Process, int Samples, double FirstMegabytes, double LastMegabytes, double SlopeMegabytesPerMinute);
