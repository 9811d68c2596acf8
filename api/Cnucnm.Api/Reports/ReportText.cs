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
        ["reason"] = "Reason",
        ["predictedDmi"] = "Predicted DM intake, kg/head/day",
        ["noRation"] = "The group has no ration yet.",
        ["currency"] = "Currency",
        ["compositionNotes"] = "Feed composition: imputed or unknown values",
        ["note"] = "Note",
        ["compositionSheet"] = "Feed composition",
        ["analysis"] = "Ration evaluation (per head per day at the ration's intake)",
        ["a.cp"] = "Crude protein, % DM",
        ["a.rdp"] = "Rumen-degradable protein, % DM",
        ["a.rup"] = "Rumen-undegradable protein, % DM",
        ["a.ndf"] = "NDF, % DM",
        ["a.forageNdf"] = "Forage NDF (the model's peNDF), % DM",
        ["a.starch"] = "Starch, % DM",
        ["a.sugar"] = "Sugar, % DM",
        ["a.fat"] = "Crude fat, % DM",
        ["a.fattyAcids"] = "Fatty acids, % DM",
        ["a.nfc"] = "NFC, % DM",
        ["a.ash"] = "Ash, % DM",
        ["a.dcad"] = "DCAD, mEq/kg DM",
        ["a.forageConcentrate"] = "Forage : concentrate",
        ["a.lys"] = "Lys, % of MP",
        ["a.met"] = "Met, % of MP",
        ["a.lysMet"] = "Lys : Met",
        ["a.urinaryN"] = "Urinary N excretion, g/head/day",
        ["a.manureN"] = "Manure N excretion, g/head/day",
        ["a.neMilk"] = "Energy-allowable milk, kg/head/day",
        ["a.mpMilk"] = "MP-allowable milk, kg/head/day",
        ["a.neGain"] = "Energy-allowable gain, kg/head/day",
        ["a.mpGain"] = "MP-allowable gain, kg/head/day",
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
        ["reason"] = "사유",
        ["predictedDmi"] = "예측 건물 섭취량, kg/두/일",
        ["noRation"] = "이 우군에는 아직 배합이 없습니다.",
        ["currency"] = "통화",
        ["compositionNotes"] = "사료 성분: 대체 추정하거나 값이 없는 항목",
        ["note"] = "설명",
        ["compositionSheet"] = "사료 성분",
        ["analysis"] = "배합 평가 (배합 섭취량에서 두당 일)",
        ["a.cp"] = "조단백질, 건물 %",
        ["a.rdp"] = "반추위 분해 단백질, 건물 %",
        ["a.rup"] = "반추위 비분해 단백질, 건물 %",
        ["a.ndf"] = "NDF, 건물 %",
        ["a.forageNdf"] = "조사료 NDF (모델의 peNDF), 건물 %",
        ["a.starch"] = "전분, 건물 %",
        ["a.sugar"] = "당, 건물 %",
        ["a.fat"] = "조지방, 건물 %",
        ["a.fattyAcids"] = "지방산, 건물 %",
        ["a.nfc"] = "비섬유성 탄수화물, 건물 %",
        ["a.ash"] = "조회분, 건물 %",
        ["a.dcad"] = "DCAD, mEq/건물 kg",
        ["a.forageConcentrate"] = "조사료 : 농후사료",
        ["a.lys"] = "라이신, 대사단백질 대비 %",
        ["a.met"] = "메티오닌, 대사단백질 대비 %",
        ["a.lysMet"] = "라이신 : 메티오닌",
        ["a.urinaryN"] = "오줌 질소 배설량, g/두/일",
        ["a.manureN"] = "분뇨 질소 배설량, g/두/일",
        ["a.neMilk"] = "에너지 허용 유량, kg/두/일",
        ["a.mpMilk"] = "대사단백질 허용 유량, kg/두/일",
        ["a.neGain"] = "에너지 허용 증체, kg/두/일",
        ["a.mpGain"] = "대사단백질 허용 증체, kg/두/일",
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
