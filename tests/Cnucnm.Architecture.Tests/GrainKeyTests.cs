using Cnucnm.Contracts;

namespace Cnucnm.Architecture.Tests;

/// <summary>Grains are keyed in one place (<see cref="Keys"/>, style guide 2): no caller builds a grain key by hand.</summary>
public sealed class GrainKeyTests
{
    /// <summary>Files that may call <c>GetGrain</c>: the key helpers themselves, and Orleans' own management grain.</summary>
    private static readonly string[] KeyHelpers =
    [
        "src/Cnucnm.Contracts/Keys.cs",
        "src/Cnucnm.Contracts/Security/ISignInThrottleGrain.cs", // SignInKeys: keyed by the hash of the address
    ];

    [Fact]
    public void No_code_outside_Keys_calls_GetGrain()
    {
        var root = RepositoryRoot.Find();
        var offenders = new[] { "src", "grains", "silo", "api" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => (Path: Path.GetRelativePath(root, path).Replace('\\', '/'), Lines: File.ReadAllLines(path)))
            .Where(file => !KeyHelpers.Contains(file.Path))
            .SelectMany(file => file.Lines.Select((line, i) => (file.Path, Line: i + 1, Text: line.Trim())))
            .Where(l => l.Text.Contains("GetGrain<", StringComparison.Ordinal) && !l.Text.Contains("GetGrain<IManagementGrain>", StringComparison.Ordinal))
            .Select(l => $"{l.Path}:{l.Line}: {l.Text}")
            .ToList();

        Assert.True(offenders.Count == 0, "Use the Keys helpers instead:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void A_sensor_key_reads_back_as_its_farm_and_device_even_when_the_device_id_has_a_slash()
    {
        var farm = Guid.NewGuid();
        Assert.Equal($"{farm}/bunk-3", Keys.SensorKey(farm, "bunk-3"));
        Assert.Equal((farm, "mixer/wagon-1"), Keys.ParseSensorKey(Keys.SensorKey(farm, "mixer/wagon-1")));
    }
}

/// <summary>The repository's root: the folder above the test's output that holds CNUCNM.sln.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CNUCNM.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"CNUCNM.sln not found above {AppContext.BaseDirectory}");
    }
}
