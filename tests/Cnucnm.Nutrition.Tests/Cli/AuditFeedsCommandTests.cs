using Cnucnm.Cli;

namespace Cnucnm.Nutrition.Tests.Cli;

/// <summary><c>cnucnm audit-feeds</c> and the composition notes of <c>cnucnm nasem</c> (issue 25).</summary>
public sealed class AuditFeedsCommandTests
{
    private static (int Code, string Out, string Error) Run(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, new StringReader(input), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void The_NASEM_audit_table_lists_the_silages_with_imputed_NPN_and_only_the_known_table_contradiction_fails()
    {
        var (code, stdout, _) = Run("", "audit-feeds");

        // Exit 1: the calf grower 16CP's tabular DE contradicts its composition (FeedLibraryAuditTests, docs/feeds.md).
        Assert.Equal(1, code);
        Assert.StartsWith("284 feeds; ", stdout, StringComparison.Ordinal);
        Assert.Contains("1 failing a check.", stdout, StringComparison.Ordinal);
        Assert.Contains("| Oat silage, mid-maturity | Grain Crop Forage | NPN_CP 0 (similar library feed", stdout, StringComparison.Ordinal);
        Assert.Contains("| Sorghum-sudangrass silage | Grain Crop Forage | NPN_CP 0 (similar library feed", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_beef_candidate_audit_passes_and_lists_each_candidate_feed()
    {
        var (code, stdout, error) = Run("", "audit-feeds", "--library", "beef-candidates");

        Assert.True(code == 0, stdout + error);
        Assert.StartsWith($"{Cnucnm.Formulation.Beef.KoreanBeefFeeds.All.Count} feeds; ", stdout, StringComparison.Ordinal);
        Assert.Contains("0 failing a check.", stdout, StringComparison.Ordinal);
        Assert.Contains("| 볏짚 | Forage |", stdout, StringComparison.Ordinal);
        Assert.Equal(2, Run("", "audit-feeds", "--library", "beef").Code);
    }

    [Fact]
    public void Nasem_json_and_table_carry_the_composition_notes_of_oat_silage()
    {
        var input = File.ReadAllText(TestData.PathOf("reference", "lactating_cow_test.input.json"))
            .Replace("\"Alfalfa meal\"", "\"Oat silage, mid-maturity\"", StringComparison.Ordinal);

        var (code, json, error) = Run(input, "nasem", "-");
        var (tableCode, table, _) = Run(input, "nasem", "-", "--format", "table");

        Assert.True(code == 0, error);
        Assert.Equal(0, tableCode);
        Assert.Contains("\"composition_notes\"", json, StringComparison.Ordinal);
        Assert.Contains("\"feed\": \"nasem:Oat silage, mid-maturity\"", json, StringComparison.Ordinal);
        Assert.Contains("0으로 가정", json, StringComparison.Ordinal);
        Assert.Contains("Feed composition imputed or unknown", table, StringComparison.Ordinal);
        Assert.Contains("Oat silage, mid-maturity: NPN = 0 % of CP imputed", table, StringComparison.Ordinal);
        Assert.DoesNotContain("composition_notes", Run(File.ReadAllText(TestData.PathOf("reference", "lactating_cow_test.input.json")), "nasem", "-").Out, StringComparison.Ordinal);
    }
}
