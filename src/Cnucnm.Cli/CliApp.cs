using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Cnucnm.Cli;

/// <summary>A sub-command of <c>cnucnm</c>. Commands are found by reflection so that each lives in
/// its own file under Commands/.</summary>
public interface ICliCommand
{
    /// <summary>The word after <c>cnucnm</c>, e.g. <c>nasem</c>.</summary>
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>Runs the command; returns the process exit code (0 success, 1 failure, 2 usage).</summary>
    int Run(IReadOnlyList<string> args, CliConsole console);
}

/// <summary>Standard streams of a command, replaceable in tests.</summary>
public sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error);

/// <summary>The <c>cnucnm</c> command line over the pure libraries.</summary>
public static class CliApp
{
    public static IReadOnlyList<ICliCommand> Commands { get; } = FindCommands();

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "This assembly is a trimmer root (Cnucnm.Cli.csproj): every command type and its constructor are kept.")]
    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "This assembly is a trimmer root (Cnucnm.Cli.csproj): every command type and its constructor are kept.")]
    private static List<ICliCommand> FindCommands() => typeof(CliApp).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICliCommand).IsAssignableFrom(t))
        .Select(t => (ICliCommand)Activator.CreateInstance(t)!)
        .OrderBy(c => c.Name, StringComparer.Ordinal)
        .ToList();

    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var console = new CliConsole(input, output, error);
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Usage(args.Length == 0 ? error : output);
            return args.Length == 0 ? 2 : 0;
        }

        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            error.WriteLine($"cnucnm: unknown command '{args[0]}'.");
            Usage(error);
            return 2;
        }

        try
        {
            return command.Run(args[1..], console);
        }
        catch (CliException exception)
        {
            error.WriteLine($"cnucnm {command.Name}: {exception.Message}");
            return exception.ExitCode;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"cnucnm {command.Name}: {exception.Message}");
            return 1;
        }
    }

    private static void Usage(TextWriter writer)
    {
        var version = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        writer.WriteLine($"cnucnm {version} — CNUCNM cattle nutrition model");
        writer.WriteLine("usage: cnucnm <command> [options]   (cnucnm <command> --help for details)");
        writer.WriteLine();
        foreach (var command in Commands)
        {
            writer.WriteLine($"  {command.Name,-14}{command.Summary}");
        }
    }
}

/// <summary>A user error with a message for stderr (never a stack trace) and an exit code.</summary>
public sealed class CliException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
