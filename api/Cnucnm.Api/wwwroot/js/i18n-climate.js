// Korean provinces (시·도) for the farm form, English and Korean (merged into js/i18n.js). A farm's province picks the KMA
// 1991–2020 climate normals of beef formulations (docs/science.md); the codes are ISO 3166-2:KR,
// the same list as src/Cnucnm.Nutrition/Data/kma_climate_normals_1991_2020.csv.
export const provinceCodes = ["KR-11", "KR-26", "KR-27", "KR-28", "KR-29", "KR-30", "KR-31", "KR-50", "KR-41", "KR-51", "KR-43", "KR-44", "KR-52", "KR-46", "KR-47", "KR-48", "KR-49"];

export const climateText = {
  en: {
    province: {
      label: "Province", none: "Not given",
      environment: "Temperature {t} °C ({ts}); previous month {p} °C ({ps})",
      source: { request: "given", kmaNormal: "KMA 1991–2020 normal of the farm's province", currentTemperature: "the current temperature",
        default: "default, no adjustment" },
      names: { KR11: "Seoul", KR26: "Busan", KR27: "Daegu", KR28: "Incheon", KR29: "Gwangju", KR30: "Daejeon", KR31: "Ulsan", KR50: "Sejong", KR41: "Gyeonggi-do", KR51: "Gangwon", KR43: "Chungcheongbuk-do", KR44: "Chungcheongnam-do", KR52: "Jeonbuk", KR46: "Jeollanam-do", KR47: "Gyeongsangbuk-do", KR48: "Gyeongsangnam-do", KR49: "Jeju" },
    },
  },
  ko: {
    province: {
      label: "시·도", none: "지정 안 함",
      environment: "기온 {t} °C ({ts}) · 전월 기온 {p} °C ({ps})",
      source: { request: "입력값", kmaNormal: "농장 시·도의 기상청 1991–2020 평년값", currentTemperature: "현재 기온", default: "기본값, 보정 없음" },
      names: { KR11: "서울특별시", KR26: "부산광역시", KR27: "대구광역시", KR28: "인천광역시", KR29: "광주광역시", KR30: "대전광역시", KR31: "울산광역시", KR50: "세종특별자치시", KR41: "경기도", KR51: "강원특별자치도", KR43: "충청북도", KR44: "충청남도", KR52: "전북특별자치도", KR46: "전라남도", KR47: "경상북도", KR48: "경상남도", KR49: "제주특별자치도" },
    },
  },
};
