using System.Diagnostics;
using System.Globalization;

namespace Cnucnm.Reliability;

/// <summary>One silo or API process, started from its build output with its own environment and log
/// file. Killed with SIGKILL (crash) or stopped with SIGTERM (what Kubernetes sends).</summary>
public sealed class NodeProcess : IDisposable
{
    private readonly Process _process;

    private NodeProcess(string name, int httpPort, Process process, string logPath)
    {
        Name = name;
        HttpPort = httpPort;
        LogPath = logPath;
        _process = process;
    }

    public string Name { get; }

    public int HttpPort { get; }

    public string LogPath { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}");

    public static NodeProcess Start(string name, string assemblyPath, int httpPort, string logPath, IReadOnlyDictionary<string, string> environment)
    {
        // exec: the shell becomes dotnet, so the pid we signal is the .NET process itself.
        var start = new ProcessStartInfo("/bin/sh", ["-c", $"exec dotnet \"{assemblyPath}\" >>\"{logPath}\" 2>&1"])
        {
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assemblyPath)!,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {name}");
        return new NodeProcess(name, httpPort, process, logPath);
    }

    /// <summary>kill -9: no shutdown, no membership update, connections reset.</summary>
    public void Crash() => _process.Kill(entireProcessTree: false);

    /// <summary>SIGTERM: the host stops gracefully (the silo leaves the cluster, grains deactivate).</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)]);
        kill?.WaitForExit();
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Resident set size from /proc, bytes (0 once the process is gone).</summary>
    public long ResidentBytes()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kilobytes = line["VmRSS:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }
}
