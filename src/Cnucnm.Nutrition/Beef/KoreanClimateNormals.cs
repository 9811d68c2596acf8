using System.Globalization;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.Beef;

/// <summary>A Korean province (시·도) and the monthly mean temperatures of its climate station.</summary>
/// <param name="Codes">ISO 3166-2:KR codes; the first is the current one (Gangwon KR-51 since 2023, Jeonbuk KR-52 since 2024,
/// with their former KR-42 and KR-45 after it).</param>
/// <param name="StationId">KMA synoptic (ASOS) station number.</param>
/// <param name="MonthlyMeanCelsius">Monthly mean air temperature, °C, January first (KMA 1991–2020 normals).</param>
public sealed record ProvinceClimate(
    IReadOnlyList<string> Codes,
    string NameKorean,
    string NameEnglish,
    int StationId,
    string StationKorean,
    string StationEnglish,
    IReadOnlyList<double> MonthlyMeanCelsius)
{
    public string Code => Codes[0];

    /// <summary>The normal mean temperature of <paramref name="month"/> (1–12), °C.</summary>
    public double MeanCelsius(int month) => MonthlyMeanCelsius[month - 1];

    /// <summary>The normal mean temperature of the month before <paramref name="month"/> (December before January), °C.</summary>
    public double PreviousMonthMeanCelsius(int month) => MonthlyMeanCelsius[(month + 10) % 12];
}

/// <summary>
/// Monthly climate normals of the Korea Meteorological Administration (기상청 기후평년값 1991–2020, 월평년값, sheet
/// "3.평균기온" of 우리나라기후평년(월별)_1991.xlsx, data.kma.go.kr), one station per province: the station of the provincial
/// capital, or for Chungnam (Hongseong), Jeonnam (Muan) and Sejong the nearest synoptic station (Seosan, Mokpo, Daejeon).
/// Embedded as <c>Data/kma_climate_normals_1991_2020.csv</c>; docs/science.md says how the beef model uses it.
/// </summary>
public static class KoreanClimateNormals
{
    /// <summary>What the data are, for answers and docs.</summary>
    public const string Source = "KMA climate normals 1991–2020";

    private static readonly Lazy<IReadOnlyList<ProvinceClimate>> Table = new(Load);

    public static IReadOnlyList<ProvinceClimate> All => Table.Value;

    /// <summary>The province by ISO 3166-2:KR code (KR-44), Korean name (충청남도) or English name (Chungcheongnam-do), any case.</summary>
    public static bool TryGet(string? province, out ProvinceClimate climate)
    {
        var key = province?.Trim() ?? "";
        climate = All.FirstOrDefault(p => p.Codes.Any(c => string.Equals(c, key, StringComparison.OrdinalIgnoreCase))
                                          || string.Equals(p.NameKorean, key, StringComparison.Ordinal)
                                          || string.Equals(p.NameEnglish, key, StringComparison.OrdinalIgnoreCase))!;
        return climate is not null;
    }

    /// <summary>The codes a request may give, for validation messages.</summary>
    public static string CodeList => string.Join(", ", All.Select(p => p.Code));

    private static List<ProvinceClimate> Load()
    {
        var rows = CsvText.Parse(FeedLibrary.ReadResource("kma_climate_normals_1991_2020.csv"));
        var header = rows[0].Select(h => h.Trim()).ToList();
        string[] months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
        var provinces = new List<ProvinceClimate>();
        foreach (var row in rows.Skip(1).Where(r => r.Length == header.Count))
        {
            string Text(string column) => row[header.IndexOf(column)].Trim();
            provinces.Add(new ProvinceClimate(Text("codes").Split(' ', StringSplitOptions.RemoveEmptyEntries), Text("province_korean"),
                Text("province_english"), int.Parse(Text("station_id"), CultureInfo.InvariantCulture), Text("station_korean"),
                Text("station_english"), [.. months.Select(m => double.Parse(Text(m), CultureInfo.InvariantCulture))]));
        }

        return provinces;
    }
}
