using System.Globalization;

namespace Cnucnm.LoadTests;

/// <param name="Rate">Target readings per second (open loop); null: as fast as <see cref="Concurrency"/> allows.</param>
public sealed record LoadOptions(
    Uri Api,
    string? Database,
    double? Rate,
    double Seconds,
    int Batch,
    int Concurrency,
    int Groups,
    int Readings,
    int Feeds = 50_000)
{
    public static bool TryParse(string[] args, out LoadOptions options, out string problem)
    {
        options = new LoadOptions(new Uri("http://localhost:5080"), null, null, 20, 100, 32, 20, 500);
        problem = "";
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            double Number() => double.Parse(Value(), CultureInfo.InvariantCulture);
            try
            {
                options = args[i] switch
                {
                    "--api" => options with { Api = new Uri(Value()) },
                    "--db" => options with { Database = Value() },
                    "--rate" => options with { Rate = Number() },
                    "--max" => options with { Rate = null },
                    "--seconds" => options with { Seconds = Number() },
                    "--batch" => options with { Batch = (int)Number() },
                    "--concurrency" => options with { Concurrency = (int)Number() },
                    "--groups" => options with { Groups = (int)Number() },
                    "--readings" => options with { Readings = (int)Number() },
                    "--feeds" => options with { Feeds = (int)Number() },
                    _ => throw new ArgumentException($"unknown option {args[i]}"),
                };
            }
            catch (Exception exception) when (exception is ArgumentException or FormatException)
            {
                problem = exception.Message;
                return false;
            }
        }

        return true;
    }
}
