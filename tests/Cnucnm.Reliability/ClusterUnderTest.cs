using System.Globalization;
using System.Security.Cryptography;
using Cnucnm.Testing;

namespace Cnucnm.Reliability;

/// <summary>
/// Three silos and one API (an Orleans client, as in Kubernetes) on loopback with the Postgres
/// profile. Each silo keeps its ports across restarts, as a pod replacement keeps the ports of its
/// spec; a silo restarted on its own port joins at once.
/// </summary>
public sealed class ClusterUnderTest : IDisposable
{
    public const int SiloCount = 3;
    public const string AdminEmail = "admin@reliability.test";
    public const string AdminPassword = "reliability-admin-1";

    private readonly string _runDirectory;
    private readonly string _siloAssembly;
    private readonly string _apiAssembly;
    private readonly Dictionary<string, string> _common;
    private readonly (int Silo, int Gateway, int Http)[] _siloPorts;
    private readonly NodeProcess?[] _silos = new NodeProcess?[SiloCount];
    private readonly int _apiPort = PostgresServer.FreePort();
    private int _generation;

    public ClusterUnderTest(string runDirectory, string connectionString)
    {
        _runDirectory = runDirectory;
        var (root, configuration) = BuildLayout.Locate();
        _siloAssembly = Path.Combine(root, "silo", "Cnucnm.Silo", "bin", configuration, "net10.0", "Cnucnm.Silo.dll");
        _apiAssembly = Path.Combine(root, "api", "Cnucnm.Api", "bin", configuration, "net10.0", "Cnucnm.Api.dll");
        foreach (var assembly in new[] { _siloAssembly, _apiAssembly })
        {
            if (!File.Exists(assembly))
            {
                throw new FileNotFoundException($"{assembly} is missing: build the solution first.");
            }
        }

        _common = new Dictionary<string, string>
        {
            ["Cnucnm__Profile"] = "Postgres",
            ["ConnectionStrings__Cnucnm"] = connectionString,
            ["Cnucnm__ClusterId"] = "reliability",
            ["Cnucnm__Telemetry__MetricsPort"] = "0",
            ["Cnucnm__ShutdownTimeoutSeconds"] = "60",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Orleans"] = "Warning",
        };
        _siloPorts = [.. Enumerable.Range(0, SiloCount).Select(_ => (PostgresServer.FreePort(), PostgresServer.FreePort(), PostgresServer.FreePort()))];
    }

    public NodeProcess? Api { get; private set; }

    public IReadOnlyList<NodeProcess?> Silos => _silos;

    public IEnumerable<NodeProcess> Processes => _silos.OfType<NodeProcess>().Append(Api).OfType<NodeProcess>();

    public NodeProcess StartSilo(int index)
    {
        var (silo, gateway, http) = _siloPorts[index];
        var name = $"silo-{index + 1}";
        var environment = new Dictionary<string, string>(_common)
        {
            ["Cnucnm__Silo__SiloPort"] = silo.ToString(CultureInfo.InvariantCulture),
            ["Cnucnm__Silo__GatewayPort"] = gateway.ToString(CultureInfo.InvariantCulture),
            ["Cnucnm__Silo__AdvertisedAddress"] = "127.0.0.1",
            ["Cnucnm__Silo__Name"] = $"{name}-{++_generation}",
            ["Urls"] = $"http://127.0.0.1:{http}",
        };
        _silos[index]?.Dispose();
        _silos[index] = NodeProcess.Start(name, _siloAssembly, http, Path.Combine(_runDirectory, $"{name}.log"), environment);
        return _silos[index]!;
    }

    public NodeProcess StartApi()
    {
        var environment = new Dictionary<string, string>(_common)
        {
            ["Cnucnm__Api__CoHostSilo"] = "false",
            ["Urls"] = $"http://127.0.0.1:{_apiPort}",
            ["Cnucnm__Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Cnucnm__Auth__BootstrapAdmin__Email"] = AdminEmail,
            ["Cnucnm__Auth__BootstrapAdmin__Password"] = AdminPassword,
            ["Cnucnm__RateLimits__DevicePerSecond"] = "10000",
            ["Cnucnm__RateLimits__DeviceBurst"] = "10000",
        };
        Api = NodeProcess.Start("api", _apiAssembly, _apiPort, Path.Combine(_runDirectory, "api.log"), environment);
        return Api;
    }

    /// <summary>Waits until <paramref name="node"/> answers 200 on <paramref name="path"/>.</summary>
    public static async Task<TimeSpan> WaitHealthyAsync(NodeProcess node, TimeSpan timeout, string path = "/health/ready")
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < timeout)
        {
            if (node.HasExited)
            {
                throw new InvalidOperationException($"{node.Name} exited while starting; see {node.LogPath}");
            }

            try
            {
                using var response = await http.GetAsync(path);
                if (response.IsSuccessStatusCode)
                {
                    return TimeProvider.System.GetElapsedTime(started);
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{node.Name} was not healthy on {path} within {timeout.TotalSeconds:0} s; see {node.LogPath}");
    }

    public void Dispose()
    {
        foreach (var process in Processes)
        {
            process.Dispose();
        }
    }
}

/// <summary>Where the repository and this build's outputs are.</summary>
public static class BuildLayout
{
    public static (string Root, string Configuration) Locate()
    {
        // bin/<Configuration>/net10.0/ of this program.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CNUCNM.sln")))
        {
            root = root.Parent;
        }

        return (root?.FullName ?? throw new DirectoryNotFoundException("CNUCNM.sln not found above " + AppContext.BaseDirectory), configuration);
    }
}
