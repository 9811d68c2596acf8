namespace Cnucnm.Cli;

/// <summary>The <c>cnucnm</c> command line over the pure libraries.</summary>
public static class CliApp
{
    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        error.WriteLine("usage: cnucnm <command> [options]");
        error.WriteLine("commands: nasem, formulate, validate, simulate, import-feeds");
        return args.Length == 0 ? 2 : 2;
    }
}
