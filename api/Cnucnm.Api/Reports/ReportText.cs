namespace Cnucnm.Api.Reports;

/// <summary>Labels of the downloadable reports in the UI languages (en, ko).</summary>
public sealed class ReportText
{
    private static readonly Dictionary<string, string> English = new(StringComparer.Ordinal)
    {
        ["mixerSheet"] = "Mixer sheet",
        ["rationReport"] = "Ration report",
        ["farm"] = "Farm",
        ["group"] = "Group",
        ["head"] = "Head",
        ["date"] = "Date",
        ["rationVersion"] = "Ration version",
        ["load"] = "Load",
        ["headInLoad"] = "Head in load",
        ["order"] = "Loading order",
        ["feedId"] = "Feed id",
        ["feed"] = "Feed",
        ["kgAsFed"] = "kg as fed",
        ["dmPercent"] = "DM %",
        ["scaleKg"] = "Scale reading, kg (cumulative)",
        ["total"] = "Total",
        ["kgDmPerHead"] = "kg DM/head/day",
        ["kgAsFedPerHead"] = "kg as fed/head/day",
        ["percentOfDm"] = "% of DM",
        ["costPerHead"] = "Cost/head/day",
        ["costPerPen"] = "Cost/pen/day",
        ["nutrient"] = "Nutrient",
        ["unit"] = "Unit",
        ["required"] = "Required",
        ["supplied"] = "Supplied",
        ["balance"] = "Balance",
        ["percentOfRequirement"] = "% of requirement",
        ["ration"] = "Ration",
        ["requirements"] = "Requirements and supply (per head per day, NASEM 2021)",
        ["changedBy"] = "Changed by",
        ["formerMember"] = "a former member",
        ["reason"] = "Reason",
        ["predictedDmi"] = "Predicted DM intake, kg/head/day",
        ["noRation"] = "The group has no ration yet.",
        ["currency"] = "Currency",
        ["compositionNotes"] = "Feed composition: imputed or unknown values",
        ["note"] = "Note",
        ["compositionSheet"] = "Feed composition",
    };

    private static readonly Dictionary<string, string> Korean = new(StringComparer.Ordinal)
    {
        ["mixerSheet"] = "배합 작업지",
        ["rationReport"] = "사료 배합 보고서",
        ["farm"] = "농장",
        ["group"] = "우군",
        ["head"] = "두수",
        ["date"] = "날짜",
        ["rationVersion"] = "배합 버전",
        ["load"] = "배치",
        ["headInLoad"] = "배치 두수",
        ["order"] = "투입 순서",
        ["feedId"] = "사료 ID",
        ["feed"] = "사료",
        ["kgAsFed"] = "원물 kg",
        ["dmPercent"] = "건물 %",
        ["scaleKg"] = "저울 누적 kg",
        ["total"] = "합계",
        ["kgDmPerHead"] = "건물 kg/두/일",
        ["kgAsFedPerHead"] = "원물 kg/두/일",
        ["percentOfDm"] = "건물 중 %",
        ["costPerHead"] = "두당 일 사료비",
        ["costPerPen"] = "우군 일 사료비",
        ["nutrient"] = "영양소",
        ["unit"] = "단위",
        ["required"] = "요구량",
        ["supplied"] = "공급량",
        ["balance"] = "과부족",
        ["percentOfRequirement"] = "요구량 대비 %",
        ["ration"] = "배합",
        ["requirements"] = "요구량과 공급량 (두당 일, NASEM 2021)",
        ["changedBy"] = "변경자",
        ["formerMember"] = "탈퇴한 구성원",
        ["reason"] = "사유",
        ["predictedDmi"] = "예측 건물 섭취량, kg/두/일",
        ["noRation"] = "이 우군에는 아직 배합이 없습니다.",
        ["currency"] = "통화",
        ["compositionNotes"] = "사료 성분: 대체 추정하거나 값이 없는 항목",
        ["note"] = "설명",
        ["compositionSheet"] = "사료 성분",
    };

    private readonly Dictionary<string, string> _labels;

    private ReportText(string language, Dictionary<string, string> labels)
    {
        Language = language;
        _labels = labels;
    }

    public string Language { get; }

    public string this[string key] => _labels[key];

    public static bool IsLanguage(string? language) => language is null or "en" or "ko";

    public static ReportText For(string? language) => language == "ko" ? new("ko", Korean) : new("en", English);
}
