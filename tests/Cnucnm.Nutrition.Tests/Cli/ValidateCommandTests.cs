using Cnucnm.Cli;
using Cnucnm.Cli.ModelEvaluation;
using Cnucnm.Nutrition.Tests.ModelEvaluation;

namespace Cnucnm.Nutrition.Tests.Cli;

/// <summary><c>cnucnm validate</c> through the same entry point as the executable.</summary>
public sealed class ValidateCommandTests
{
    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, new StringReader(""), output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cnucnm-validate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    [Fact]
    public void The_regenerated_report_equals_the_committed_docs_validation_md_and_the_plots_are_written()
    {
        var folder = TempFolder();
        try
        {
            var output = Path.Combine(folder, "validation.md");
            var (code, stdout, error) = Run("validate", "--data", ValidationRunTests.DataFolder, "--out", output);

            Assert.True(code == 0, error);
            var committed = ValidationMarkdown.Extract(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "validation", "validation.md")));
            Assert.NotNull(committed);
            // If this fails, the models or the data changed: run `dotnet run --project src/Cnucnm.Cli -- validate` from the repository root and commit docs/.
            Assert.Equal(committed, File.ReadAllText(output));
            Assert.Contains("147 of 156 cases evaluated", stdout, StringComparison.Ordinal);
            foreach (var plot in new[] { "dmi", "adg-me", "adg-mp", "milk-ne", "milk-mp" })
            {
                var svg = File.ReadAllText(Path.Combine(folder, ValidationMarkdown.PlotFolder, plot + ".svg"));
                Assert.StartsWith("<?xml", svg, StringComparison.Ordinal);
                Assert.Contains("<svg", svg, StringComparison.Ordinal);
                Assert.Contains($"]({ValidationMarkdown.PlotFolder}/{plot}.svg)", committed, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Rerunning_replaces_only_the_generated_section_of_an_existing_report()
    {
        var folder = TempFolder();
        try
        {
            var output = Path.Combine(folder, "report.md");
            File.WriteAllText(output, $"# Hand-written\n\n{ValidationMarkdown.BeginMarker}\nold\n{ValidationMarkdown.EndMarker}\n\nClosing words.\n");

            var (code, _, error) = Run("validate", "--data", ValidationRunTests.DataFolder, "--out", output);

            Assert.True(code == 0, error);
            var text = File.ReadAllText(output);
            Assert.StartsWith("# Hand-written\n\n" + ValidationMarkdown.BeginMarker, text, StringComparison.Ordinal);
            Assert.EndsWith(ValidationMarkdown.EndMarker + "\n\nClosing words.\n", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\nold\n", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Bad_options_missing_data_and_malformed_files_exit_non_zero_with_a_message_and_no_stack_trace()
    {
        var (code, _, error) = Run("validate", "--colour");
        Assert.Equal(2, code);
        Assert.Contains("unknown option '--colour'", error, StringComparison.Ordinal);

        (code, _, error) = Run("validate", "--data");
        Assert.Equal(2, code);
        Assert.Contains("--data needs a folder", error, StringComparison.Ordinal);

        var folder = TempFolder();
        try
        {
            (code, _, error) = Run("validate", "--data", Path.Combine(folder, "missing"), "--out", Path.Combine(folder, "v.md"));
            Assert.Equal(1, code);
            Assert.Contains("CNU_CNM_database_input_beta.csv' does not exist", error, StringComparison.Ordinal);

            foreach (var file in Directory.GetFiles(ValidationRunTests.DataFolder))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            var animals = Path.Combine(folder, "CNU_CNM_database_input_beta.csv");
            File.WriteAllText(animals, File.ReadAllText(animals).Replace("FBW,189.6,", "FBW,heavy,", StringComparison.Ordinal));
            (code, _, error) = Run("validate", "--data", folder, "--out", Path.Combine(folder, "v.md"));
            Assert.Equal(1, code);
            Assert.Contains("row 7 ('FBW'), column 2: 'heavy' is not a number", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, "v.md")));

            var unmarked = Path.Combine(folder, "notes.md");
            File.WriteAllText(unmarked, "# My notes\n");
            (code, _, error) = Run("validate", "--data", ValidationRunTests.DataFolder, "--out", unmarked);
            Assert.Equal(1, code);
            Assert.Contains("has no generated section", error, StringComparison.Ordinal);
            Assert.Equal("# My notes\n", File.ReadAllText(unmarked));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
