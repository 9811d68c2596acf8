using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace Cnucnm.Testing;

/// <summary>
/// A real PostgreSQL for tests, provided the way Testcontainers would without docker: a throwaway
/// cluster (initdb + pg_ctl in a temp dir, as the postgres user when running as root) when the
/// server binaries are installed, or the server named by <c>CNUCNM_TEST_POSTGRES</c> (a connection
/// string). Each caller gets its own database. When neither exists the tests that need it skip
/// with the reason, unless <c>CNUCNM_REQUIRE_POSTGRES=1</c> (set by CI) turns the skip into a failure.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string ConnectionVariable = "CNUCNM_TEST_POSTGRES";
    public const string RequireVariable = "CNUCNM_REQUIRE_POSTGRES";

    private string? _dataDirectory;
    private string? _pgBin;
    private string? _adminConnectionString;
    private string? _unavailableReason;
    private readonly List<string> _databases = [];

    /// <summary>Keeps synchronous_commit on: a commit returns only once its WAL is written, so an
    /// immediate stop (an outage test) loses nothing that was acknowledged. Off by default: faster.</summary>
    public bool DurableCommits { get; init; }

    public async ValueTask InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            _adminConnectionString = configured;
            return;
        }

        _pgBin = FindServerBinaries();
        if (_pgBin is null)
        {
            _unavailableReason = $"PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin) and {ConnectionVariable} is not set.";
            return;
        }

        await StartThrowawayClusterAsync(_pgBin);
    }

    /// <summary>Skips (or, in CI, fails) the calling test when no server is available.</summary>
    public void RequireAvailable()
    {
        if (_unavailableReason is null)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            Assert.Fail($"PostgreSQL is required ({RequireVariable}=1): {_unavailableReason}");
        }

        Assert.Skip(_unavailableReason);
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "cnucnm_test")
    {
        RequireAvailable();
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)];
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        lock (_databases)
        {
            _databases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>Stops the server (for outage tests); <see cref="StartAsync"/> brings it back.</summary>
    public async Task StopAsync()
    {
        if (_pgBin is null || _dataDirectory is null)
        {
            throw new InvalidOperationException("Only a throwaway server started by the fixture can be stopped.");
        }

        NpgsqlConnection.ClearAllPools();
        await RunAsPostgresAsync(Path.Combine(_pgBin, "pg_ctl"), $"-D \"{_dataDirectory}/data\" -m immediate -w stop");
    }

    public async Task StartAsync()
    {
        if (_pgBin is null || _dataDirectory is null)
        {
            throw new InvalidOperationException("Only a throwaway server started by the fixture can be started.");
        }

        await RunAsPostgresAsync(Path.Combine(_pgBin, "pg_ctl"), $"-D \"{_dataDirectory}/data\" -l \"{_dataDirectory}/log\" -w start");
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_dataDirectory is not null && _pgBin is not null)
        {
            try
            {
                await RunAsPostgresAsync(Path.Combine(_pgBin, "pg_ctl"), $"-D \"{_dataDirectory}/data\" -m immediate -w stop");
            }
            finally
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
        }
        else if (_adminConnectionString is not null)
        {
            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            foreach (var name in _databases)
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    private async Task StartThrowawayClusterAsync(string pgBin)
    {
        _dataDirectory = Directory.CreateTempSubdirectory("cnucnm-pg-").FullName;
        const string password = "cnucnm-test";
        await File.WriteAllTextAsync(Path.Combine(_dataDirectory, "pw"), password);
        if (IsRoot)
        {
            await RunAsync("chown", $"-R postgres: \"{_dataDirectory}\"");
        }

        var port = FreePort();
        await RunAsPostgresAsync(Path.Combine(pgBin, "initdb"),
            $"-D \"{_dataDirectory}/data\" -U cnucnm --pwfile=\"{_dataDirectory}/pw\" -A scram-sha-256 -E UTF8 --no-sync --locale=C.UTF-8");
        // fsync off: a test server trades durability against a machine crash for speed (a killed
        // server still loses nothing: the WAL is in the OS cache). max_connections: several silos and
        // pools share it in the reliability tests.
        await File.AppendAllTextAsync(Path.Combine(_dataDirectory, "data", "postgresql.conf"),
            $"\nport = {port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{_dataDirectory}'\nfsync = off\nsynchronous_commit = {(DurableCommits ? "on" : "off")}\nfull_page_writes = off\nmax_connections = 300\n");
        await RunAsPostgresAsync(Path.Combine(pgBin, "pg_ctl"), $"-D \"{_dataDirectory}/data\" -l \"{_dataDirectory}/log\" -w start");
        _adminConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "cnucnm",
            Password = password,
            Database = "postgres",
        }.ConnectionString;
    }

    private static string? FindServerBinaries()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static Task RunAsPostgresAsync(string program, string arguments) =>
        IsRoot ? RunAsync("runuser", $"-u postgres -- \"{program}\" {arguments}") : RunAsync(program, arguments);

    private static async Task RunAsync(string program, string arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} exited {process.ExitCode}: {await stderr}{await stdout}");
        }
    }

    /// <summary>
    /// A port nothing listens on now, for a server a test starts a moment later. Taken below Linux's ephemeral range
    /// (32768–60999 by default): a port the system hands out for listening on port 0 is also one it hands out as the local
    /// port of outgoing connections (database clients, HTTP clients of parallel tests), which took a silo's port between this
    /// check and its bind in CI.
    /// </summary>
    public static int FreePort()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(20_000, 32_000);
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                return port;
            }
            catch (SocketException)
            {
                // In use: another.
            }
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
