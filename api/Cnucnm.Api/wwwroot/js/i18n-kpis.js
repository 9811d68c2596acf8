// UI text of the KPI screen, English and Korean (merged into js/i18n.js).
export const kpisText = {
  en: {
    kpis: {
      title: "Feeding KPIs", link: "KPIs", from: "From", to: "To", show: "Show", last: "Last {n} days",
      milkPrice: "Milk price per kg", carcassPrice: "Carcass price per kg", dressing: "Dressing, %",
      pricesHint: "Income over feed cost needs a milk or carcass price (per kg, farm currency); the other figures need none. The period ends yesterday: today is still filling.",
      kpi: "KPI", unit: "Unit", farm: "Farm", trend: "Trend over the period", metric: "KPI shown",
      none: "No intake was recorded in this period.", noValue: "–",
      withoutRation: "{n} group-days had no ration in force: they are left out of compliance and feed cost (docs/analytics.md).",
      headDays: "Head-days",
      economics: {
        title: "Economics over time", scope: "For", interval: "Per", day: "day", week: "week (Monday to Sunday)", weekOf: "week of {d}",
        hint: "Income over feed cost (with a milk or carcass price), feed cost per kg milk and per kg gain in {currency} on the left axis; feed efficiency (kg milk or gain per kg DM) on the right. A week's figure is the ratio of its sums.",
        money: "{currency}", efficiency: "kg/kg DM",
      },
      names: {
        dryMatterIntakeKgPerHeadPerDay: "Dry matter intake", feedCostPerHeadPerDay: "Feed cost", feedCostPerKgMilk: "Feed cost per kg milk",
        feedCostPerKgGain: "Feed cost per kg gain", incomeOverFeedCostPerHeadPerDay: "Income over feed cost",
        milkKgPerKgDryMatter: "Feed efficiency (milk)", gainKgPerKgDryMatter: "Feed efficiency (gain)",
        refusalsPercentOfDelivered: "Refusals", rationCompliancePercent: "Ration compliance", daysWithoutRation: "Days without a ration",
      },
      units: {
        dryMatterIntakeKgPerHeadPerDay: "kg DM/head/day", feedCostPerHeadPerDay: "{currency}/head/day", feedCostPerKgMilk: "{currency}/kg milk",
        feedCostPerKgGain: "{currency}/kg live weight gain", incomeOverFeedCostPerHeadPerDay: "{currency}/head/day",
        milkKgPerKgDryMatter: "kg milk/kg DM", gainKgPerKgDryMatter: "kg gain/kg DM",
        refusalsPercentOfDelivered: "% of delivered (as fed)", rationCompliancePercent: "% of formulated (as fed)", daysWithoutRation: "group-days",
      },
    },
  },
  ko: {
    kpis: {
      title: "사양 성과 지표 (KPI)", link: "KPI", from: "시작일", to: "종료일", show: "보기", last: "최근 {n}일",
      milkPrice: "원유 kg당 가격", carcassPrice: "도체 kg당 가격", dressing: "도체율, %",
      pricesHint: "사료비 대비 수익은 원유 또는 도체 가격(kg당, 농장 통화)이 있어야 계산됩니다. 다른 지표는 가격이 필요 없습니다. 기간은 어제까지입니다 (오늘은 아직 집계 중).",
      kpi: "지표", unit: "단위", farm: "농장 전체", trend: "기간 중 추이", metric: "표시할 지표",
      none: "이 기간에 기록된 섭취량이 없습니다.", noValue: "–",
      withoutRation: "적용 중인 배합이 없던 우군-일 {n}일은 배합 준수율과 사료비에서 제외했습니다 (docs/analytics.md).",
      headDays: "두-일",
      economics: {
        title: "기간별 경제성", scope: "대상", interval: "단위", day: "일", week: "주 (월–일)", weekOf: "{d} 주",
        hint: "사료비 대비 수익(원유 또는 도체 가격 입력 시), 원유 kg당·증체 kg당 사료비는 왼쪽 축({currency}), 사료 효율(건물 kg당 원유 또는 증체 kg)은 오른쪽 축입니다. 주별 값은 그 주 합계의 비율입니다.",
        money: "{currency}", efficiency: "kg/건물 kg",
      },
      names: {
        dryMatterIntakeKgPerHeadPerDay: "건물 섭취량", feedCostPerHeadPerDay: "사료비", feedCostPerKgMilk: "원유 kg당 사료비",
        feedCostPerKgGain: "증체 kg당 사료비", incomeOverFeedCostPerHeadPerDay: "사료비 대비 수익",
        milkKgPerKgDryMatter: "사료 효율 (원유)", gainKgPerKgDryMatter: "사료 효율 (증체)",
        refusalsPercentOfDelivered: "잔량", rationCompliancePercent: "배합 준수율", daysWithoutRation: "배합 없는 날",
      },
      units: {
        dryMatterIntakeKgPerHeadPerDay: "건물 kg/두/일", feedCostPerHeadPerDay: "{currency}/두/일", feedCostPerKgMilk: "{currency}/원유 kg",
        feedCostPerKgGain: "{currency}/증체 kg", incomeOverFeedCostPerHeadPerDay: "{currency}/두/일",
        milkKgPerKgDryMatter: "원유 kg/건물 kg", gainKgPerKgDryMatter: "증체 kg/건물 kg",
        refusalsPercentOfDelivered: "급여량 대비 % (원물)", rationCompliancePercent: "배합 설계량 대비 % (원물)", daysWithoutRation: "우군-일",
      },
    },
  },
};
