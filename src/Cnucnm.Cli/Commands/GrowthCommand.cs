using System.Text.Json;
using Cnucnm.FieldValidation;
using Cnucnm.Nutrition.Beef;

namespace Cnucnm.Cli.Commands;

/// <summary><c>cnucnm growth FILE|-</c>: growth of a beef or Hanwoo animal over a phased ration plan (the request of
/// <c>POST /api/v1/growth/simulate</c>), printed as JSON.</summary>
public sealed class GrowthCommand : ICliCommand
{
    public string Name => "growth";

    public string Summary => "Simulate body weight, gain, intake and feed cost of a beef or Hanwoo animal over a phased ration plan (JSON).";

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            console.Out.WriteLine("usage: cnucnm growth FILE|-");
            console.Out.WriteLine("  FILE: the body of POST /api/v1/growth/simulate: {\"animal\": {...}, \"phases\": [{\"name\": \"fattening\", \"durationDays\": 120,");
            console.Out.WriteLine("        \"feeds\": [{\"feed\": \"Corn grain dry, fine grind\", \"percentOfDryMatter\": 70, \"pricePerKgAsFed\": 400}]}], \"targetBodyWeightKg\": 750}");
            console.Out.WriteLine("  Prints the step-by-step trajectory and its summary as JSON.");
            return 0;
        }

        var unknown = args.FirstOrDefault(a => a.StartsWith("--", StringComparison.Ordinal));
        if (unknown is not null)
        {
            throw new CliException($"unknown option '{unknown}'.", 2);
        }

        if (args.Count != 1)
        {
            throw new CliException("give exactly one input file, or - for standard input.", 2);
        }

        var text = args[0] == "-" ? console.In.ReadToEnd() : ReadFile(args[0]);
        GrowthRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(text, GrowthJson.Request);
        }
        catch (JsonException exception)
        {
            throw new CliException($"the input is not valid JSON (line {exception.LineNumber + 1}): {exception.Message.Split(" Path:")[0]}");
        }

        var v = new Validation();
        var plan = request is null ? null : GrowthRequests.ToPlan(request, v);
        if (plan is null)
        {
            if (request is null)
            {
                console.Error.WriteLine("cnucnm growth: the input must be a JSON object.");
            }

            foreach (var error in v.FieldErrors)
            {
                console.Error.WriteLine($"cnucnm growth: {error.Field}: {error.Message}");
            }

            return 1;
        }

        console.Out.WriteLine(JsonSerializer.Serialize(GrowthSimulation.Run(plan), GrowthJson.Trajectory));
        return 0;
    }

    private static string ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"input file '{path}' does not exist.");
        }

        return File.ReadAllText(path);
    }
}
