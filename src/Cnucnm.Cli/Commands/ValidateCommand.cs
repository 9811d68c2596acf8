using Cnucnm.Cli.ModelEvaluation;
using Cnucnm.Nutrition.ModelEvaluation;

namespace Cnucnm.Cli.Commands;

/// <summary><c>cnucnm validate [--data DIR] [--out FILE]</c>: runs the dairy and beef models on the 156 published cases and
/// writes the observed-vs-predicted statistics, the per-case predictions and the plots (docs/validation.md).</summary>
public sealed class ValidateCommand : ICliCommand
{
    public const string DefaultDataFolder = "data/validation";
    public const string DefaultOutput = "docs/validation.md";

    public string Name => "validate";

    public string Summary => "Evaluate the models against the 156 measured cases: statistics, plots and per-case predictions (docs/validation.md).";

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            console.Out.WriteLine("usage: cnucnm validate [--data DIR] [--out FILE]");
            console.Out.WriteLine($"  --data DIR   folder with {ValidationCaseReader.AnimalFileName} and {ValidationCaseReader.DietFileName} (default {DefaultDataFolder})");
            console.Out.WriteLine($"  --out FILE   markdown file whose generated section is replaced, or a new file (default {DefaultOutput});");
            console.Out.WriteLine($"               plots go to the folder '{ValidationMarkdown.PlotFolder}' beside it. Run from the repository root.");
            return 0;
        }

        var data = DefaultDataFolder;
        var output = DefaultOutput;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--data":
                    data = i + 1 < args.Count ? args[++i] : throw new CliException("--data needs a folder.", 2);
                    break;
                case "--out":
                    output = i + 1 < args.Count ? args[++i] : throw new CliException("--out needs a file name.", 2);
                    break;
                default:
                    throw new CliException(args[i].StartsWith('-') ? $"unknown option '{args[i]}'." : $"unexpected argument '{args[i]}'.", 2);
            }
        }

        var animalPath = Path.Combine(data, ValidationCaseReader.AnimalFileName);
        var dietPath = Path.Combine(data, ValidationCaseReader.DietFileName);
        foreach (var path in new[] { animalPath, dietPath }.Where(p => !File.Exists(p)))
        {
            throw new CliException($"'{path}' does not exist (give the data folder with --data; run from the repository root for the default).");
        }

        IReadOnlyList<ValidationCase> cases;
        try
        {
            cases = ValidationCaseReader.Read(File.ReadAllText(animalPath), File.ReadAllText(dietPath));
        }
        catch (FormatException exception)
        {
            throw new CliException(exception.Message);
        }

        var outcome = ValidationRun.Run(cases);
        var rows = ValidationSummary.Summarise(outcome.Predictions);
        var generated = ValidationMarkdown.Generate(outcome, rows);
        var existing = File.Exists(output) ? File.ReadAllText(output) : null;
        var text = ValidationMarkdown.Merge(existing, generated);
        var folder = Path.GetDirectoryName(Path.GetFullPath(output))!;
        Directory.CreateDirectory(folder);
        var plots = ValidationPlots.Write(Path.Combine(folder, ValidationMarkdown.PlotFolder), outcome.Predictions);
        File.WriteAllText(output, text);

        console.Out.Write(generated);
        console.Out.WriteLine($"cnucnm validate: {outcome.Predictions.Count} of {outcome.CaseCount} cases evaluated, {outcome.Skipped.Count} not run; wrote {output} and {plots.Count} plots.");
        return 0;
    }
}
