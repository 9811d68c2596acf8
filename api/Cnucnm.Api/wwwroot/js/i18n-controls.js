// Formulation controls of the workbench (issue 19, "What to build" 3): copying a ration to another pen, trace-mineral maxima and
// the intake basis, two what-ifs side by side; English and Korean (merged into js/i18n.js).
export const controlsText = {
  en: {
    copyRation: {
      title: "Copy to another pen",
      hint: "The other pen gets these settings (candidate feeds, bounds, fixed amounts, limits) or this ration's feeds at its amounts (fixed kg DM a head a day), and is formulated for its own animals. The farm's ration policy decides: under Suggest the new ration waits for approval (except a pen's first ration).",
      to: "To", settings: "Settings (feeds and limits)", amounts: "This ration's feeds and amounts", run: "Copy and formulate", open: "Open its workbench",
      outcome: {
        applied: "{group}: the copied ration took effect ({cost} a head a day).",
        suggested: "{group}: the copied ration waits for approval ({cost} a head a day).",
        bestPossible: "{group}: no ration meets everything with these settings; the best-possible ration waits for approval ({cost} a head a day).",
        unchanged: "{group}: the settings are copied; its ration was already the least-cost one.",
        infeasible: "{group}: the settings are copied, but no ration meets its requirements with them: open its workbench to relax them.",
        notReady: "{group}: the settings are copied; the pen cannot be formulated yet.",
        other: "{group}: the settings are copied.",
      },
    },
    traceLimits: {
      intakeTitle: "Intake basis", basis: "Formulate at", predicted: "the predicted intake (default)", tolerance: "predicted intake ± a tolerance",
      window: "an intake window (kg DM)", min: "from", max: "to",
      predictedText: "The ration's DM equals the model's predicted intake ({kg} kg DM a head a day): the default.",
      toleranceText: "The ration's DM may be up to {n} % above or below the predicted intake.",
      windowText: "The ration's DM stays between {min} and {max} kg DM a head a day, whatever the model predicts.",
      mineralsTitle: "Trace-mineral maxima",
      mineralsHint: "Empty: the maximum tolerable concentration for cattle (NRC 2005), shown grey. Supplemental Se counts only mineral and additive feeds.",
      fieldLabel: "{name}: maximum, {unit}", mineral: "Mineral", maximum: "Maximum", unit: "Unit", supplementalSe: "Supplemental selenium (Se)",
      names: { Co: "Cobalt (Co)", Cu: "Copper (Cu)", Fe: "Iron (Fe)", I: "Iodine (I)", Mn: "Manganese (Mn)", Mo: "Molybdenum (Mo)", Se: "Selenium (Se)",
        Zn: "Zinc (Zn)", S: "Sulfur (S)", K: "Potassium (K)", Mg: "Magnesium (Mg)" },
    },
  },
  ko: {
    copyRation: {
      title: "다른 우군에 복사",
      hint: "다른 우군이 이 설정(후보 사료, 상·하한, 고정량, 한도) 또는 이 배합의 사료와 급여량(두당 하루 건물 kg 고정)을 받아 그 우군의 가축에 맞게 배합을 계산합니다. 농장의 배합 정책에 따라: 제안 정책이면 새 배합은 승인을 기다립니다 (우군의 첫 배합 제외).",
      to: "대상", settings: "설정 (사료와 한도)", amounts: "이 배합의 사료와 급여량", run: "복사하고 배합 계산", open: "그 우군의 배합 작업대 열기",
      outcome: {
        applied: "{group}: 복사한 배합이 적용되었습니다 (두당 하루 {cost}).",
        suggested: "{group}: 복사한 배합이 승인을 기다립니다 (두당 하루 {cost}).",
        bestPossible: "{group}: 이 설정으로는 모든 요구량을 만족하는 배합이 없습니다. 가능한 최선의 배합이 승인을 기다립니다 (두당 하루 {cost}).",
        unchanged: "{group}: 설정을 복사했습니다. 이미 최소 비용 배합입니다.",
        infeasible: "{group}: 설정을 복사했지만 이 설정으로 요구량을 만족하는 배합이 없습니다: 그 우군의 배합 작업대에서 한도를 완화하세요.",
        notReady: "{group}: 설정을 복사했습니다. 아직 배합을 계산할 수 없습니다.",
        other: "{group}: 설정을 복사했습니다.",
      },
    },
    traceLimits: {
      intakeTitle: "섭취량 기준", basis: "배합 기준", predicted: "예측 섭취량 (기본값)", tolerance: "예측 섭취량 ± 허용 범위",
      window: "섭취량 범위 (건물 kg)", min: "최소", max: "최대",
      predictedText: "배합의 건물량은 모델의 예측 섭취량(두당 하루 건물 {kg} kg)과 같습니다: 기본값.",
      toleranceText: "배합의 건물량은 예측 섭취량보다 최대 {n} % 많거나 적을 수 있습니다.",
      windowText: "배합의 건물량은 모델 예측과 관계없이 두당 하루 건물 {min}–{max} kg 사이입니다.",
      mineralsTitle: "미량광물질 최대 농도",
      mineralsHint: "비워 두면 소의 최대 허용 농도(NRC 2005)가 적용되며 회색으로 보입니다. 보충 셀레늄은 광물질·첨가제 사료에서 온 양만 셉니다.",
      fieldLabel: "{name}: 최대, {unit}", mineral: "광물질", maximum: "최대", unit: "단위", supplementalSe: "보충 셀레늄 (Se)",
      names: { Co: "코발트 (Co)", Cu: "구리 (Cu)", Fe: "철 (Fe)", I: "요오드 (I)", Mn: "망간 (Mn)", Mo: "몰리브덴 (Mo)", Se: "셀레늄 (Se)",
        Zn: "아연 (Zn)", S: "황 (S)", K: "칼륨 (K)", Mg: "마그네슘 (Mg)" },
    },
  },
};
