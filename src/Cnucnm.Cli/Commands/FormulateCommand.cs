using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cnucnm.Formulation;
using Cnucnm.FieldValidation;

namespace Cnucnm.Cli.Commands;

/// <summary>
/// <c>cnucnm formulate FILE|-</c>: least-cost ration of one request (explicit or animal mode);
/// <c>cnucnm formulate --batch FILE.jsonl|-</c>: one request per line, one response per line in the same
/// order, solved on all cores; <c>cnucnm formulate --generate N</c>: the seeded synthetic requests the
/// tests and benchmarks use, as JSONL.
/// </summary>
public sealed partial class FormulateCommand : ICliCommand
{
    /// <summary>Exit code of a single request that has no feasible ration (the explanation is printed).</summary>
    public const int InfeasibleExitCode = 3;

    public string Name => "formulate";

    public string Summary => "Least-cost ration (explicit nutrient specification, NASEM dairy or beef/Hanwoo animal mode); --batch for JSONL.";

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Help(console.Out);
            return 0;
        }

        var options = Parse(args);
        if (options.Generate is { } count)
        {
            return Generate(count, options, console);
        }

        if (options.Files.Count != 1)
        {
            throw new CliException("give exactly one input file, or - for standard input (cnucnm formulate --help).", 2);
        }

        return options.Batch ? RunBatch(options, console) : RunSingle(options.Files[0], options.Compact, console);
    }

    private static void Help(TextWriter writer)
    {
        writer.WriteLine("usage: cnucnm formulate FILE|- [--compact]");
        writer.WriteLine("       cnucnm formulate --batch FILE.jsonl|- [--threads N]");
        writer.WriteLine("       cnucnm formulate --generate N [--seed S] [--feeds F] [--constraints C] [--mode explicit|animal]");
        writer.WriteLine();
        writer.WriteLine("  FILE: a formulation request (JSON, camelCase). Explicit mode:");
        writer.WriteLine("    {\"feeds\": [{\"id\": \"corn-silage\", \"dryMatterPercent\": 35, \"pricePerTonneAsFed\": 60, \"maxKgDm\": 12,");
        writer.WriteLine("                \"composition\": {\"NEL\": 1.45, \"CP\": 8.8, \"NDF\": 40}}, ...],");
        writer.WriteLine("     \"dryMatterIntakeKg\": {\"min\": 23.5, \"max\": 24.5},");
        writer.WriteLine("     \"nutrients\": [{\"name\": \"NEL\", \"perDay\": {\"min\": 42.7}}, {\"name\": \"CP\", \"perKgDm\": {\"min\": 16, \"max\": 18}}],");
        writer.WriteLine("     \"ratios\": [{\"feeds\": [\"corn-silage\", \"alfalfa-hay\"], \"minShareOfDm\": 0.4, \"maxShareOfDm\": 0.6}],");
        writer.WriteLine("     \"options\": {\"fixedKgDm\": {...}, \"excludedFeeds\": [...], \"inventory\": [...], \"changes\": {...}, \"batch\": {...}}}");
        writer.WriteLine("  Animal mode adds \"animal\" (as in POST /api/v1/nutrition/evaluate) and library feeds (\"feed\": \"Corn silage, typical\").");
        writer.WriteLine("  Beef animal mode adds \"beef\" instead: {\"animal\": {\"breed\": \"hanwoo\", \"sex\": \"steer\", \"bodyWeightKg\": 450,");
        writer.WriteLine("     \"ageMonths\": 18, \"targetGainKgPerDay\": 0.8 (shrunk)}, \"phase\": \"earlyFattening\", \"guardRails\": {...}}.");
        writer.WriteLine("  Gains: targetGainKgPerDay is shrunk-weight gain (NRC 2000: shrunk = 0.96 × live); give targetLiveGainKgPerDay instead");
        writer.WriteLine("  for a live-weight (scale) gain, converted × 0.96. The answer states both: animal.targetShrunkGainKgPerDay and");
        writer.WriteLine("  animal.targetLiveGainKgPerDay.");
        writer.WriteLine("  Prints the response JSON. Exit codes: 0 optimal, 1 invalid input (each problem on stderr), 2 usage, 3 infeasible.");
        writer.WriteLine("  --batch: one request per line (blank lines skipped), one response per line in input order, all cores;");
        writer.WriteLine("           exit 1 when any line is invalid (its response line has status Invalid), else 0.");
    }

    private sealed record Options(List<string> Files, bool Batch, bool Compact, int? Threads, int? Generate, int Seed, int Feeds, int Constraints, string Mode);

    private static Options Parse(IReadOnlyList<string> args)
    {
        var files = new List<string>();
        bool batch = false, compact = false;
        int? threads = null, generate = null;
        int seed = 1, feeds = 60, constraints = 40;
        var mode = "explicit";
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new CliException($"{args[i]} needs a value.", 2);
            int Number(int min)
            {
                var name = args[i];
                var text = Value();
                return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min
                    ? n
                    : throw new CliException($"{name} needs a whole number of at least {min}, not '{text}'.", 2);
            }

            switch (args[i])
            {
                case "--batch":
                    batch = true;
                    break;
                case "--compact":
                    compact = true;
                    break;
                case "--threads":
                    threads = Number(1);
                    break;
                case "--generate":
                    generate = Number(1);
                    break;
                case "--seed":
                    seed = Number(0);
                    break;
                case "--feeds":
                    feeds = Number(2);
                    break;
                case "--constraints":
                    constraints = Number(1);
                    break;
                case "--mode":
                    mode = Value();
                    if (mode is not ("explicit" or "animal"))
                    {
                        throw new CliException($"--mode is explicit or animal, not '{mode}'.", 2);
                    }

                    break;
                case "-":
                    files.Add("-");
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        throw new CliException($"unknown option '{args[i]}'.", 2);
                    }

                    files.Add(args[i]);
                    break;
            }
        }

        return new Options(files, batch, compact, threads, generate, seed, feeds, constraints, mode);
    }

    private static int RunSingle(string file, bool compact, CliConsole console)
    {
        var text = file == "-" ? console.In.ReadToEnd() : ReadFile(file);
        var response = Solve(text);
        console.Out.WriteLine(FormulationJson.Write(response, indented: !compact));
        if (response.Status == FormulationStatus.Invalid)
        {
            foreach (var error in response.Errors ?? [])
            {
                console.Error.WriteLine($"cnucnm formulate: {error.Field}: {error.Message}");
            }

            return 1;
        }

        if (response.Status == FormulationStatus.Infeasible)
        {
            console.Error.WriteLine($"cnucnm formulate: infeasible: {response.Explanation?.Summary}");
            return InfeasibleExitCode;
        }

        return 0;
    }

    private static int RunBatch(Options options, CliConsole console)
    {
        var file = options.Files[0];
        IEnumerable<string> lines = file == "-" ? ReadLines(console.In) : File.Exists(file)
            ? File.ReadLines(file)
            : throw new CliException($"input file '{file}' does not exist.");

        // Parallel across cores (reading, solving and writing JSON), output in input order (PLINQ keeps the order and
        // streams as lines finish).
        var responses = lines
            .Select((line, index) => (Line: line, Number: index + 1))
            .Where(item => !string.IsNullOrWhiteSpace(item.Line))
            .AsParallel()
            .AsOrdered()
            .WithDegreeOfParallelism(options.Threads ?? Environment.ProcessorCount)
            .Select(item =>
            {
                var response = Solve(item.Line);
                return (item.Number, Response: response, Json: FormulationJson.Write(response));
            });

        var invalid = 0;
        foreach (var (number, response, json) in responses)
        {
            console.Out.WriteLine(json);
            if (response.Status == FormulationStatus.Invalid)
            {
                invalid++;
                foreach (var error in response.Errors ?? [])
                {
                    console.Error.WriteLine($"cnucnm formulate: line {number}: {error.Field}: {error.Message}");
                }
            }
        }

        console.Out.Flush();
        return invalid > 0 ? 1 : 0;
    }

    private static IEnumerable<string> ReadLines(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    /// <summary>One request's response; malformed JSON becomes an Invalid response naming the field.</summary>
    private static FormulationResponse Solve(string json)
    {
        FormulationRequest? request;
        try
        {
            request = FormulationJson.ReadRequest(json);
        }
        catch (JsonException exception)
        {
            return FormulationResponse.Invalid(FormulationMode.Explicit, [JsonProblem(exception)]);
        }

        if (request is null)
        {
            return FormulationResponse.Invalid(FormulationMode.Explicit, [new FieldError("body", "is required: a JSON object.")]);
        }

        // A beef request naming the farm's province without a month is formulated for the current month (docs/science.md).
        return RationFormulator.Formulate(Cnucnm.Formulation.Beef.BeefClimateMonth.WithMonthFrom(request, DateTimeOffset.UtcNow));
    }

    /// <summary>A field error from a JSON exception: the path in the request and what was wrong, no .NET type names.</summary>
    public static FieldError JsonProblem(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var path = exception.Path is { Length: > 0 } p ? p.TrimStart('$').TrimStart('.') : "";
        var message = exception.Message;
        string problem;
        var unmapped = UnmappedProperty().Match(message);
        if (unmapped.Success)
        {
            path = path.Length > 0 ? $"{path}.{unmapped.Groups[1].Value}" : unmapped.Groups[1].Value;
            problem = "is not a field of a formulation request.";
        }
        else if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            problem = "has the wrong type (a number, text, list or object was expected here).";
        }
        else
        {
            var line = exception.LineNumber is { } l ? $" (line {l + 1})" : "";
            problem = $"is not valid JSON{line}: {message.Split(" Path:")[0].Split(" LineNumber:")[0]}";
        }

        return new FieldError(path.Length > 0 ? path : "body", problem);
    }

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    private static int Generate(int count, Options options, CliConsole console)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var request = options.Mode == "animal"
                ? SyntheticRations.Animal(options.Seed + i, options.Feeds)
                : SyntheticRations.Explicit(options.Seed + i, options.Feeds, options.Constraints);
            builder.AppendLine(FormulationJson.Write(request));
        }

        console.Out.Write(builder.ToString());
        return 0;
    }

    private static string ReadFile(string path) =>
        File.Exists(path) ? File.ReadAllText(path) : throw new CliException($"input file '{path}' does not exist.");
}
