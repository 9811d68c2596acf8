using System.Text;

// Standard output is buffered and flushed once at exit: a batch writes one line per request.
using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
try
{
    return Cnucnm.Cli.CliApp.Run(args, Console.In, output, Console.Error);
}
finally
{
    output.Flush();
}
