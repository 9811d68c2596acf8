using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Cnucnm.Nutrition.Messages;

namespace Cnucnm.Nutrition.Tests.Messages;

/// <summary>The message catalogue (issue 19, "Korean everywhere"): every code the server sends has an English and a Korean text with
/// the same parameters, and every code the producers use is in the catalogue.</summary>
public sealed partial class ServerTextTests
{
    private static readonly IReadOnlyDictionary<string, string> English = ServerText.Entries(ServerText.EnglishCulture);
    private static readonly IReadOnlyDictionary<string, string> Korean = ServerText.Entries(ServerText.KoreanCulture);

    [Fact]
    public void Every_message_code_has_an_English_and_a_Korean_text()
    {
        Assert.NotEmpty(English);
        var noKorean = English.Keys.Where(code => !Korean.TryGetValue(code, out var text) || string.IsNullOrWhiteSpace(text)).ToList();
        var noEnglish = Korean.Keys.Where(code => !English.TryGetValue(code, out var text) || string.IsNullOrWhiteSpace(text)).ToList();
        Assert.True(noKorean.Count == 0, $"codes without Korean text: {string.Join(", ", noKorean)}");
        Assert.True(noEnglish.Count == 0, $"codes without English text: {string.Join(", ", noEnglish)}");
    }

    [Fact]
    public void The_English_and_Korean_texts_of_a_code_take_the_same_parameters()
    {
        var mismatched = English.Where(e => Korean.TryGetValue(e.Key, out var ko) && !Parameters(e.Value).SetEquals(Parameters(ko)))
            .Select(e => e.Key).ToList();
        Assert.True(mismatched.Count == 0, $"codes whose English and Korean parameters differ: {string.Join(", ", mismatched)}");
    }

    [Fact]
    public void Korean_texts_are_Korean_apart_from_units_and_abbreviations()
    {
        // Latin words allowed in Korean text: SI and feed units, nutrient abbreviations kept beside their Korean names, the date
        // format (yyyy-MM-dd), the model names (NASEM, NRC) and values a client must send as they are (en, ko, female, male, steer, null,
        // the field name from).
        var allowed = new HashSet<string>(StringComparer.Ordinal)
        {
            "kg", "g", "mg", "Mcal", "mEq", "IU", "DM", "ME", "NEL", "NEm", "NEg", "MP", "Lys", "Met", "His", "Ile", "Leu", "Phe", "Thr", "Trp", "Val", "Arg",
            "Ca", "P", "Mg", "K", "Na", "Cl", "S", "Co", "Cu", "Fe", "I", "Mn", "Se", "Zn", "Mo", "A", "D", "E", "CP", "RDP", "RUP", "TDN", "NDF", "DCAD",
            "yyyy", "MM", "dd", "en", "ko", "female", "male", "steer", "null", "from", "NASEM", "NRC",
            // Feed-column abbreviations beside their Korean names (ADF, chromium, protein fractions B and C, fatty acids C18:1), the date
            // pattern of import files (yyyy-mm-dd) and values an import or price request sends as they are.
            "ADF", "Cr", "B", "C", "mm", "perTonneAsFed", "perKgDryMatter", "acceptValidRows", "confirmLargeChange", "confirmLargeChanges", "true", "dryMatterPercent",
            // The product's name in e-mails.
            "CNUCNM",
        };
        var english = Korean.Where(k => !k.Key.StartsWith("term.", StringComparison.Ordinal) || k.Key != $"term.{k.Value}")
            .SelectMany(k => LatinWord().Matches(Identifier().Replace(Placeholder().Replace(k.Value, ""), "")).Select(m => (k.Key, m.Value)))
            .Where(w => !allowed.Contains(w.Value) && !w.Key.StartsWith("unit.", StringComparison.Ordinal) && w.Key != $"term.{w.Value}")
            .Select(w => $"{w.Key}: {w.Value}").ToList();
        Assert.True(english.Count == 0, $"English words in Korean texts: {string.Join("; ", english)}");
    }

    [Fact]
    public void Every_code_the_server_builds_is_in_the_catalogue()
    {
        // The producers write codes as literals in ServerMessage.Of("…") and WithItems; read them from the sources of every project.
        var root = RepositoryRoot();
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in new[] { "src", "grains", "api" }.SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.cs", SearchOption.AllDirectories))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (Match match in CodeLiteral().Matches(File.ReadAllText(file)))
            {
                used.Add(match.Groups[1].Value);
            }
        }

        Assert.Contains("alert.priceJump.detail", used);
        var missing = used.Where(code => !English.ContainsKey(code)).ToList();
        Assert.True(missing.Count == 0, $"codes used but not in the catalogue: {string.Join(", ", missing)}");
    }

    [Fact]
    public void A_message_renders_its_parameters_terms_units_and_items_in_either_language()
    {
        var message = ServerMessage.Of("alert.nutrientDeficit.title", ("group", "Pen 1"), ("nutrient", "MP"), ("amount", 120.5), ("unit", "g/d"));
        Assert.Equal("Pen 1: MP short by 120.5 g/d", ServerText.English(message));
        Assert.Equal("Pen 1: 대사단백질 (MP) 120.5 g/일 부족", ServerText.In(message, ServerText.KoreanCulture));
        var suggestion = ServerMessage.Of("suggest.target", ("cost", "3.20")).WithItems([
            ServerMessage.Of("relax.accept", ("name", "MP"), ("to", "97"), ("from", "100"))]);
        Assert.Equal("Accept MP at 97 % of the requirement instead of 100 %: the ration then costs 3.20 a head a day.", ServerText.English(suggestion));
        Assert.Equal("대사단백질 (MP)을(를) 요구량의 100 % 대신 97 %로 수용: 배합 비용은 두당 하루 3.20이(가) 됩니다.",
            ServerText.In(suggestion, ServerText.KoreanCulture));
        // An unknown code renders as itself, never as an exception.
        Assert.Equal("no.such.code", ServerText.English(ServerMessage.Of("no.such.code")));
    }

    private static HashSet<string> Parameters(string template) =>
        [.. Placeholder().Matches(template).Select(m => m.Groups[1].Value.Split(':', '|')[0])];

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CNUCNM.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CNUCNM.sln not found above the test's directory.");
    }

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex LatinWord();

    /// <summary>Request field paths and NASEM column names a client sends as they are (requirements.….minPercent, Fd_CP).</summary>
    [GeneratedRegex(@"[A-Za-z]+([._|][A-Za-z]*)+")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"(?:ServerMessage\.Of|Wrapped)\(\s*""([a-zA-Z][\w.]*)""")]
    private static partial Regex CodeLiteral();
}
