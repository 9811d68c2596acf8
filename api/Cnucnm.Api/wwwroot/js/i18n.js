// UI text in English and Korean (vue-i18n) and number/date formats of the user's locale.
import { feedsText } from "./i18n-feeds.js";
import { climateText } from "./i18n-climate.js";
import { kpisText } from "./i18n-kpis.js";
import { controlsText } from "./i18n-controls.js";

const en = {
  app: { title: "CNUCNM", signOut: "Sign out", language: "Language" },
  signIn: { title: "Sign in", email: "E-mail", password: "Password", submit: "Sign in", failed: "E-mail or password is wrong.",
    throttled: "Too many wrong passwords from here: wait {seconds} s and try again.", locked: "An administrator has locked this account." },
  farms: { title: "Your farms", none: "You are not a member of any farm yet.", role: "Role", add: "Register a farm", name: "Farm name",
    region: "Region", country: "Country code (ISO 3166)", currency: "Currency (ISO 4217)", timeZone: "Time zone", create: "Register", cancel: "Cancel" },
  account: {
    registerTitle: "Create an account", displayName: "Your name", register: "Create account", haveAccount: "I have an account: sign in",
    passwordRule: "At least 10 characters; not a common or easily guessed password.", forgotTitle: "Forgot your password?", forgotText: "We will e-mail you a link to set a new password.",
    sendReset: "Send the link", resetSent: "If {email} has an account, a link to set a new password is on its way. It is valid for one hour.",
    backToSignIn: "Back to sign in", resetTitle: "Set a new password", newPassword: "New password", repeatPassword: "New password again",
    setPassword: "Set password", mismatch: "The two passwords differ.", resetDone: "Your password is set. Every other session was signed out.",
    linkInvalid: "This link is invalid, already used or expired.", verifyTitle: "Confirm your e-mail address",
    verified: "Thank you: your e-mail address is confirmed.", verifyFailed: "This link is invalid, already used or expired.",
    verifyResend: "Send a new link", verifyResent: "A new link is on its way.",
    welcome: "Welcome! We sent a link to {email}: confirm your address to receive alerts by e-mail.",
    registerSent: "We sent an e-mail to {email}. Open its link to create your account (it works for 48 hours). If the address has an account already, the e-mail says so.",
    registerLinkInvalid: "This link is invalid, already used or expired, or the address has an account by now: register again or sign in.",
  },
  nav: { herd: "Herd", alerts: "Alerts", farms: "Farms", orleansDashboard: "Orleans dashboard", dashboardFailed: "The Orleans dashboard could not be opened." },
  growth: { title: "Growth simulation", breed: "Breed", sex: "Sex", startWeight: "Start weight, kg", ageMonths: "Age, months", targetWeight: "Target weight, kg",
    until: "until", pricePerTonne: "Price per tonne as fed", fromGroup: "Start from the group", addFeed: "Add a farm feed", simulate: "Simulate", bodyWeight: "Body weight", gain: "Daily gain (live weight)", cost: "Feed cost (cumulative)",
    day: "day", summary: "{days} days to {weight} kg, {gain} kg/d live-weight gain on average, feed cost {cost}, hot carcass {carcass} kg.",
    sexes: { steer: "steer", bull: "bull", heifer: "heifer" },
    kgPerDay: "kg/d",
    phases: { calf: "Calf", growing: "Growing", earlyFattening: "Early fattening", lateFattening: "Late fattening", breeding: "Breeding" },
    stop: { maxDays: "The target weight was not reached within the longest simulated period.", noGain: "This ration allows no gain: the target weight cannot be reached." } },
  herd: {
    title: "Herd overview", group: "Group", head: "Head", state: "State",
    actual: "Actual DMI today", predicted: "Predicted DMI", formulated: "Formulated DMI",
    costHead: "Cost / head / day", costPen: "Cost / pen / day", worst: "Worst nutrient balance",
    openAlerts: "Open alerts", noGroups: "No groups yet.", live: "Live", kgHead: "kg DM/head", addGroup: "Add a group",
  },
  group: {
    inputs: "Inputs", edit: "Edit", matureWeight: "Mature body weight, kg (empty: breed default)", lactose: "Milk lactose, %",
    temperature: "Temperature, °C", temperatureFromFarm: "empty: the farm's climate", breed: "Breed", bodyWeight: "Body weight, kg", bcs: "Body condition score", ageDays: "Age, days",
    parity: "Parity", dim: "Days in milk", daysPregnant: "Days pregnant", milk: "Milk, kg/day", fat: "Milk fat, %",
    protein: "Milk true protein, %", gain: "Target gain, kg/day", gainShrunk: "Target gain, kg/day, shrunk weight (= live × 0.96)",
    liveGain: "or enter live-weight gain, kg/day (converted × 0.96)", weighings: "Weighings", milkTests: "Milk tests",
    date: "Date", recordedBy: "Recorded by", requirementsSupply: "Requirements vs supply (% of requirement)",
    required: "Required", supplied: "Supplied", intakeHistory: "Intake history, kg DM/head/day", days: "{n} days",
    rationHistory: "Ration history", version: "Version", when: "When", who: "Who", what: "What", why: "Why",
    noRation: "No ration yet.", reports: "Reports", mixerXlsx: "Mixer sheet (XLSX)", mixerCsv: "Mixer sheet (CSV)",
    reportHtml: "Ration report (print)", reportXlsx: "Ration report (XLSX)", workbench: "Formulation workbench",
    exportPng: "PNG", exportSvg: "SVG", today: "Today", actualSeries: "Actual DMI", suggestion: "Suggested ration, waiting for approval", costDifference: "Cost difference per head per day", bestPossible: "No ration meets everything: this is the best possible, not met: {missed}.", waysOut: "Verified ways out in the workbench",
  },
  alerts: { title: "Alerts", raised: "Raised", severity: "Severity", alert: "Alert", acknowledge: "Acknowledge",
    acknowledged: "Acknowledged", none: "No alerts.", openOnly: "Open only" },
  workbench: {
    title: "Formulation workbench", search: "Search the feed libraries (English or Korean name)", category: "Category",
    any: "Any", nutrient: "Nutrient", min: "Min", max: "Max", add: "Add to farm", find: "Search", candidates: "Candidate feeds",
    feed: "Feed", price: "Price per tonne as fed", minKg: "Min kg DM", maxKg: "Max kg DM", use: "Use",
    run: "Formulate", approve: "Approve as the group's ration", reject: "Discard", result: "Result",
    applied: "The ration took effect.", suggested: "Proposed ration, waiting for approval.",
    infeasible: "No ration meets the requirements.", notReady: "The group is not ready to formulate.",
    relaxations: "Relax and formulate again", relaxDmi: "Allow DMI ±{n}%", raiseMax: "Raise {feed} maximum to {n} kg DM", raiseAll: "Apply every suggested change", dropMax: "No upper limit on {feed}",
    dropMin: "No lower limit on {feed}", dropGuard: "Drop the {name} limit", kgDm: "kg DM/head", kgAsFed: "kg as fed/head",
    cost: "Cost/head/day", total: "Total", balances: "Nutrient supply against requirement", shadowPrices: "Shadow prices", shadowPricesHint: "What one more unit of each binding limit costs per head per day (negative: saves).", constraint: "Limit", bound: "Bound", shadowPrice: "Cost per unit", unusedFeeds: "Feeds left out", reducedCost: "Price must fall by (per kg DM)", enteringPrice: "Enters below (per tonne as fed)",
    unusedFeedsHint: "The price at which each feed left out would come into the ration. \"Not even free\": the feed pushes against a limit that already binds (a maximum, or the intake) more than its nutrients are worth, so it stays out at any price.",
    notEvenFree: "not even free", perUnit: "{price} per {unit}", perKgDmUnit: "{unit} in the diet",
    bounds: { perDay_min: "minimum per head per day", perDay_max: "maximum per head per day", perKgDm_min: "minimum in the diet", perKgDm_max: "maximum in the diet" },
    nutrients: { ME: "Metabolizable energy (ME)", NEL: "Net energy for lactation (NEL)", MP: "Metabolizable protein (MP)", Lys: "Lysine (Lys)", Met: "Methionine (Met)",
      His: "Histidine (His)", Ile: "Isoleucine (Ile)", Leu: "Leucine (Leu)", Phe: "Phenylalanine (Phe)", Thr: "Threonine (Thr)", Trp: "Tryptophan (Trp)", Val: "Valine (Val)",
      Ca: "Calcium (Ca)", P: "Phosphorus (P)", Mg: "Magnesium (Mg)", K: "Potassium (K)", Na: "Sodium (Na)", Cl: "Chlorine (Cl)", S: "Sulphur (S)",
      Co: "Cobalt (Co)", Cu: "Copper (Cu)", Fe: "Iron (Fe)", I: "Iodine (I)", Mn: "Manganese (Mn)", Se: "Selenium (Se)", Zn: "Zinc (Zn)", Mo: "Molybdenum (Mo)",
      "Vitamin A": "Vitamin A", "Vitamin D": "Vitamin D", "Vitamin E": "Vitamin E" },
    fixedKg: "Fixed kg DM", candidatesHint: "Unticked feeds are left out. A fixed amount is fed exactly, whatever it costs (the farm's own forage, a feed to use up).",
    limits: { title: "Nutrient limits", hint: "Empty: the model's default. Requirements as % of what the model requires for this group; diet limits in their own unit. Kept with the group's settings.",
      minPercent: "Minimum, % of requirement", maxPercent: "Maximum, % of requirement", diet: "Diet limit", value: "Limit",
      requirementMin: "{nutrient}: minimum, % of requirement", requirementMax: "{nutrient}: maximum, % of requirement", rail: "limit {name}",
      minCp: "Crude protein, minimum", maxCp: "Crude protein, maximum", minNdf: "NDF, minimum", minForageNdf: "Forage NDF, minimum", maxStarch: "Starch, maximum",
      maxFat: "Fat, maximum", maxDcad: "DCAD, maximum", minDmi: "Intake, minimum", maxDmi: "Intake, maximum" },
    approved: "Approved: ration version {v}.", saved: "Saved.", unchanged: "The ration is already the least-cost one: nothing changed.",
    guard: { minForageNdfPercentOfDm: "minimum forage NDF", maxStarchPercentOfDm: "maximum starch", maxFatPercentOfDm: "maximum fat" },
    beefDefaults: "Add the Korean beef feeds (rice straw, hays, Hanwoo concentrates, by-products)", beefDefaultsHint: "Plausible KRW prices to start from: set your own.",
    dairyDefaults: "Add the default dairy feeds (forages, grains, protein meals, rumen-protected Met and Lys, urea, minerals)",
    requestFields: "Changes taken from suggestions (sent with every formulation):", dropRequestField: "Remove",
    bestPossible: "No ration meets everything. This is the best-possible ration: it waits for approval and is not fed until someone approves it.",
    shortNutrient: "Not met", ofTarget: "% of requirement", shortBy: "Short or over", shortByAmount: "short by {n} {unit}", overBy: "over the maximum by {n} {unit}", waysOut: "Ways out",
    waysOutHint: "Each was checked: one click gives a ration that meets everything (most practical first, intake last).",
    noWayOut: "No single change gives a ration that meets everything: review the feeds and limits.",
    way: { addFeed: "add {feed} from the library (up to {max} kg DM a head a day, {price} per tonne)", raiseMax: "raise the {feed} maximum to {n} kg DM",
      lowerMin: "lower the {feed} minimum to {n} kg DM", target: "accept {nutrient} at {n} % of the requirement (instead of {from} %)",
      rail: "set the {name} limit to {n}", intakeMax: "count on the cows eating up to {n} kg DM a head", intakeMin: "allow intake down to {n} kg DM a head",
      then: "{change} → {cost} a head a day", checkIntake: "(only if they really eat that much: check the pen's intake first)" },
    model: "Requirement model", kfsFallback: "The Korean Feeding Standard's equations for Hanwoo cows, pregnant or lactating animals and calves were not found; NRC (2000) with Hanwoo breed parameters is used instead.", predictedDmi: "Predicted intake", dmiEquation: "Intake equation", guardRails: "Guard rails", rail: "Guard rail", value: "Ration", limit: "Limit",
    met: "Met", notMet: "Not met", confirmed: "Confirmed by the full model", notConfirmed: "Not confirmed by the full model",
    rails: { roughage: "roughage, % DM", "forage NDF": "forage NDF (peNDF), % DM", starch: "starch, % DM", fat: "fat, % DM", urea: "urea, % DM",
      "Ca:P": "Ca:P", "degradable protein balance": "degradable protein balance, g/d", NDF: "NDF, % DM", "fatty acids": "fatty acids, % DM", "ruminal N balance": "ruminal N balance, g CP/d",
      "crude protein": "crude protein, % DM", "supplemental Se": "supplemental Se, mg/kg DM", DCAD: "DCAD, mEq/kg DM" },
  },
  invitation: { title: "Farm invitation", text: "Accept the invitation to join the farm with the address you are signed in with (the one the invitation was sent to).",
    accept: "Accept", linkInvalid: "This invitation is invalid, already used, revoked or expired: ask the farm for a new one.",
    pending: "Invitations for you", to: "{farm} invites you as {role}." },
  settings: { title: "People and devices", name: "Name", members: "Members", since: "Member since", remove: "Remove",
    invitations: "Pending invitations", invite: "Invite", invitedAt: "Invited", expires: "Expires",
    invitationSent: "An invitation is on its way to {email}. The person accepts it signed in with that address (registering with it first if needed).",
    devices: "Device keys", devicesText: "Bunk scales and mixer wagons send intake readings with a key of their own (header X-Api-Key); a key can only send readings to this farm.",
    keyOnce: "The key for {name}. Copy it into the device now: it is not shown again.", keyName: "Device", prefix: "Key starts with",
    created: "Created", lastUsed: "Last used", revoke: "Revoke", revoked: "revoked {at}", createKey: "Create key" },
  role: { owner: "Owner", manager: "Manager", nutritionist: "Nutritionist", veterinarian: "Veterinarian", viewer: "Viewer" },
  notFound: { title: "Not found", text: "This page does not exist, or you have no access to it.", back: "Back to your farms" },
  severity: { info: "info", warning: "warning", critical: "critical" },
  state: { lactatingCow: "Lactating", dryCow: "Dry", heifer: "Heifer", calf: "Calf", growingSteer: "Growing steer",
    fatteningSteer: "Fattening steer", beefCow: "Beef cow", other: "Other" },
  breed: { holstein: "Holstein", jersey: "Jersey", hanwoo: "Hanwoo", holsteinHanwooCross: "Holstein × Hanwoo", angus: "Angus", other: "Other" },
  common: { loading: "Loading…", error: "Something went wrong: {m}", save: "Save", none: "–" },
  analysis: {
    title: "Ration evaluation", hint: "The ration as the {model} sees it, per head per day at the ration's intake.",
    models: { nasem: "NASEM (2021) dairy model", beef: "NRC (2000) beef model with the Hanwoo parameters" },
    diet: "Diet", protein: "Protein and nitrogen", intake: "Intake", value: "Ration", target: "Target",
    allowableMilk: "Milk the ration allows", allowableGain: "Gain the ration allows",
    notBinding: "not binding", perKgDm: "{price} per kg DM", missing: "No evaluation stored with this ration version yet: formulate again to see it.",
    rows: { cp: "Crude protein (CP)", rdp: "Rumen-degradable protein (RDP)", rup: "Rumen-undegradable protein (RUP)", ndf: "NDF",
      forageNdf: "Forage NDF (the model's peNDF)", starch: "Starch", sugar: "Sugar (water-soluble carbohydrate)", fat: "Crude fat (ether extract)",
      fattyAcids: "Fatty acids", nfc: "Non-fibre carbohydrate (NFC)", ash: "Ash", dcad: "DCAD", forageConcentrate: "Forage : concentrate",
      nel: "Net energy for lactation (NEL)", neg: "Net energy for gain (NEg)",
      lys: "Lys, % of MP", met: "Met, % of MP", lysMet: "Lys : Met", urinaryN: "Urinary N excretion", manureN: "Manure N excretion (urine and faeces)",
      formulatedDmi: "Dry-matter intake of the ration", predictedDmi: "Predicted dry-matter intake", dmiBounds: "Intake bounds used",
      dmiShadowPrice: "Cost of one more kg DM of intake (shadow price)",
      neMilk: "Energy-allowable milk", mpMilk: "Protein (MP)-allowable milk", neGain: "Energy-allowable gain", mpGain: "Protein (MP)-allowable gain" },
    units: { pctDm: "% DM", pctMp: "% MP", meqKgDm: "mEq/kg DM", mgKgDm: "mg/kg DM", mcalKgDm: "Mcal/kg DM", gPerDay: "g/head/day", kgDm: "kg DM/head/day",
      kgMilk: "kg/head/day", kgGain: "kg/head/day", kgGainShrunk: "kg shrunk weight/head/day", kgGainLive: "kg live weight/head/day",
      liveEquivalent: "(live {v} kg)" },
  },
  compare: {
    title: "Current and proposed ration side by side", current: "Current (v{v})", proposed: "Proposed", difference: "Difference",
    feeds: "Feeds, kg DM/head/day", totalDm: "Total kg DM/head/day", cost: "Cost/head/day", balances: "Supply, % of requirement",
    rows: { cp: "Crude protein, % DM", ndf: "NDF, % DM", forageNdf: "Forage NDF, % DM", starch: "Starch, % DM", fat: "Crude fat, % DM", forage: "Forage, % DM",
      lys: "Lys, % of MP", met: "Met, % of MP", neMilk: "Energy-allowable milk, kg", mpMilk: "Protein-allowable milk, kg", neGain: "Energy-allowable gain, kg", mpGain: "Protein-allowable gain, kg" },
  },
  policy: {
    title: "Ration policy", label: "When a ration is re-formulated", suggest: "Suggest: wait for approval", automatic: "Automatic: take effect at once",
    save: "Save the policy", saved: "Policy saved.",
    suggestText: "Re-formulated rations wait as a suggestion until someone approves them. Exception: the first ration of a group that has none takes effect when a member formulates it, because nothing is fed yet that it could replace (and whoever may formulate may also approve). Re-formulations the system starts (price, intake, inputs, feeds) always wait.",
    automaticText: "Every re-formulated ration that meets all requirements takes effect at once; you are told by an alert.",
    bestPossibleText: "A best-possible ration (one that misses a requirement) always waits for approval, whatever the policy.",
    firstRation: "This group has no ration yet: the first one you formulate takes effect at once, also under Suggest.",
  },
};

const ko = {
  app: { title: "CNUCNM", signOut: "로그아웃", language: "언어" },
  signIn: { title: "로그인", email: "이메일", password: "비밀번호", submit: "로그인", failed: "이메일 또는 비밀번호가 틀렸습니다.",
    throttled: "이곳에서 잘못된 비밀번호가 너무 많이 입력되었습니다. {seconds}초 후에 다시 시도하세요.", locked: "관리자가 이 계정을 잠갔습니다." },
  farms: { title: "내 농장", none: "아직 소속된 농장이 없습니다.", role: "역할", add: "농장 등록", name: "농장 이름",
    region: "지역", country: "국가 코드 (ISO 3166)", currency: "통화 (ISO 4217)", timeZone: "시간대", create: "등록", cancel: "취소" },
  account: {
    registerTitle: "계정 만들기", displayName: "이름", register: "계정 만들기", haveAccount: "계정이 있습니다: 로그인",
    passwordRule: "10자 이상, 흔하거나 추측하기 쉬운 비밀번호는 사용할 수 없습니다.", forgotTitle: "비밀번호를 잊으셨나요?", forgotText: "새 비밀번호를 설정할 수 있는 링크를 이메일로 보내 드립니다.",
    sendReset: "링크 보내기", resetSent: "{email} 계정이 있으면 새 비밀번호 설정 링크가 발송됩니다. 링크는 1시간 동안 유효합니다.",
    backToSignIn: "로그인으로 돌아가기", resetTitle: "새 비밀번호 설정", newPassword: "새 비밀번호", repeatPassword: "새 비밀번호 확인",
    setPassword: "비밀번호 설정", mismatch: "두 비밀번호가 다릅니다.", resetDone: "비밀번호가 설정되었습니다. 다른 모든 세션은 로그아웃되었습니다.",
    linkInvalid: "잘못되었거나 이미 사용되었거나 만료된 링크입니다.", verifyTitle: "이메일 주소 확인",
    verified: "감사합니다. 이메일 주소가 확인되었습니다.", verifyFailed: "잘못되었거나 이미 사용되었거나 만료된 링크입니다.",
    verifyResend: "새 링크 보내기", verifyResent: "새 링크가 발송되었습니다.",
    welcome: "환영합니다! {email}(으)로 링크를 보냈습니다. 이메일로 알림을 받으려면 주소를 확인해 주세요.",
    registerSent: "{email}(으)로 메일을 보냈습니다. 메일의 링크를 열면 계정이 만들어집니다(48시간 동안 유효). 이미 계정이 있는 주소라면 메일에서 알려 드립니다.",
    registerLinkInvalid: "잘못되었거나 이미 사용되었거나 만료된 링크이거나, 그 사이 이 주소로 계정이 만들어졌습니다. 다시 가입하거나 로그인하세요.",
  },
  nav: { herd: "우군", alerts: "알림", farms: "농장", orleansDashboard: "Orleans 대시보드", dashboardFailed: "Orleans 대시보드를 열 수 없습니다." },
  growth: { title: "성장 시뮬레이션", breed: "품종", sex: "성별", startWeight: "시작 체중, kg", ageMonths: "월령", targetWeight: "목표 체중, kg",
    until: "까지", pricePerTonne: "원물 톤당 가격", fromGroup: "우군에서 시작", addFeed: "농장 사료 추가", simulate: "시뮬레이션", bodyWeight: "체중", gain: "일당 증체 (생체중)", cost: "누적 사료비",
    day: "일", summary: "{days}일 만에 {weight} kg, 평균 일당 증체(생체중) {gain} kg, 사료비 {cost}, 도체중 {carcass} kg.",
    sexes: { steer: "거세우", bull: "수소", heifer: "미경산우" },
    kgPerDay: "kg/일",
    phases: { calf: "송아지", growing: "육성기", earlyFattening: "비육전기", lateFattening: "비육후기", breeding: "번식우" },
    stop: { maxDays: "시뮬레이션 최대 기간 안에 목표 체중에 이르지 못했습니다.", noGain: "이 배합으로는 증체가 없어 목표 체중에 이를 수 없습니다." } },
  herd: {
    title: "우군 현황", group: "우군", head: "두수", state: "상태",
    actual: "오늘 실제 건물 섭취량", predicted: "예측 건물 섭취량", formulated: "배합 건물 섭취량",
    costHead: "두당 일 사료비", costPen: "우군 일 사료비", worst: "가장 부족한 영양소",
    openAlerts: "미확인 알림", noGroups: "아직 우군이 없습니다.", live: "실시간", kgHead: "건물 kg/두", addGroup: "우군 추가",
  },
  group: {
    inputs: "입력값", edit: "수정", matureWeight: "성숙 체중, kg (비우면 품종 기본값)", lactose: "유당, %",
    temperature: "기온, °C", temperatureFromFarm: "비우면 농장 기후", breed: "품종", bodyWeight: "체중, kg", bcs: "체형점수", ageDays: "일령",
    parity: "산차", dim: "비유일수", daysPregnant: "임신일수", milk: "유량, kg/일", fat: "유지방, %",
    protein: "유단백, %", gain: "목표 증체, kg/일", gainShrunk: "목표 증체, kg/일, 공복체중 기준 (= 생체중 × 0.96)",
    liveGain: "또는 생체중 증체 입력, kg/일 (× 0.96으로 환산)", weighings: "체중 측정", milkTests: "유검정",
    date: "날짜", recordedBy: "기록자", requirementsSupply: "요구량 대비 공급량 (요구량 대비 %)",
    required: "요구량", supplied: "공급량", intakeHistory: "섭취량 이력, 건물 kg/두/일", days: "{n}일",
    rationHistory: "배합 이력", version: "버전", when: "일시", who: "변경자", what: "내용", why: "사유",
    noRation: "아직 배합이 없습니다.", reports: "보고서", mixerXlsx: "배합 작업지 (XLSX)", mixerCsv: "배합 작업지 (CSV)",
    reportHtml: "배합 보고서 (인쇄)", reportXlsx: "배합 보고서 (XLSX)", workbench: "배합 설계",
    exportPng: "PNG", exportSvg: "SVG", today: "오늘", actualSeries: "실제 건물 섭취량", suggestion: "승인 대기 중인 제안 배합", costDifference: "두당 일 사료비 차이", bestPossible: "모든 요구량을 만족하는 배합이 없어 가능한 최선의 배합입니다. 미충족: {missed}.", waysOut: "배합 설계에서 확인된 해결 방법 보기",
  },
  alerts: { title: "알림", raised: "발생", severity: "심각도", alert: "알림", acknowledge: "확인",
    acknowledged: "확인됨", none: "알림이 없습니다.", openOnly: "미확인만" },
  workbench: {
    title: "배합 설계", search: "사료 검색 (한글 또는 영문 이름)", category: "분류",
    any: "전체", nutrient: "영양소", min: "최소", max: "최대", add: "농장에 추가", find: "검색", candidates: "후보 사료",
    feed: "사료", price: "원물 톤당 가격", minKg: "최소 건물 kg", maxKg: "최대 건물 kg", use: "사용",
    run: "배합 계산", approve: "우군 배합으로 승인", reject: "취소", result: "결과",
    applied: "배합이 적용되었습니다.", suggested: "제안된 배합: 승인을 기다립니다.",
    infeasible: "요구량을 만족하는 배합이 없습니다.", notReady: "우군이 배합 계산 준비가 되지 않았습니다.",
    relaxations: "조건을 완화하고 다시 계산", relaxDmi: "건물 섭취량 ±{n}% 허용", raiseMax: "{feed} 상한을 건물 {n} kg으로 올림", raiseAll: "제안된 변경 모두 적용", dropMax: "{feed} 상한 해제",
    dropMin: "{feed} 하한 해제", dropGuard: "{name} 제한 해제", kgDm: "건물 kg/두", kgAsFed: "원물 kg/두",
    cost: "두당 일 사료비", total: "합계", balances: "영양소 공급 대 요구량", shadowPrices: "잠재 가격", shadowPricesHint: "제약 한도를 한 단위 더 올릴 때 두당 하루 사료비 변화 (음수: 절감).", constraint: "제약", bound: "한도", shadowPrice: "단위당 비용", unusedFeeds: "배합되지 않은 사료", reducedCost: "가격이 내려야 할 폭 (건물 kg당)", enteringPrice: "진입 가격 (원물 톤당)",
    unusedFeedsHint: "배합되지 않은 사료가 배합에 들어오게 되는 가격입니다. \"무료여도 안 들어감\": 그 사료가 이미 한계에 닿은 제약(최대 한도나 섭취량)을 영양 가치보다 더 크게 압박하므로 어떤 가격에도 들어오지 않습니다.",
    notEvenFree: "무료여도 안 들어감", perUnit: "{unit}당 {price}", perKgDmUnit: "사료 중 {unit}",
    bounds: { perDay_min: "두당 하루 최소", perDay_max: "두당 하루 최대", perKgDm_min: "사료 중 최소", perKgDm_max: "사료 중 최대" },
    nutrients: { ME: "대사에너지 (ME)", NEL: "산유 정미에너지 (NEL)", MP: "대사단백질 (MP)", Lys: "라이신 (Lys)", Met: "메티오닌 (Met)",
      His: "히스티딘 (His)", Ile: "이소류신 (Ile)", Leu: "류신 (Leu)", Phe: "페닐알라닌 (Phe)", Thr: "트레오닌 (Thr)", Trp: "트립토판 (Trp)", Val: "발린 (Val)",
      Ca: "칼슘 (Ca)", P: "인 (P)", Mg: "마그네슘 (Mg)", K: "칼륨 (K)", Na: "나트륨 (Na)", Cl: "염소 (Cl)", S: "황 (S)",
      Co: "코발트 (Co)", Cu: "구리 (Cu)", Fe: "철 (Fe)", I: "요오드 (I)", Mn: "망간 (Mn)", Se: "셀레늄 (Se)", Zn: "아연 (Zn)", Mo: "몰리브덴 (Mo)",
      "Vitamin A": "비타민 A", "Vitamin D": "비타민 D", "Vitamin E": "비타민 E" },
    fixedKg: "고정 건물 kg", candidatesHint: "체크하지 않은 사료는 빠집니다. 고정량은 비용과 관계없이 그대로 급여합니다 (자가 조사료, 소진할 사료).",
    limits: { title: "영양소 한도", hint: "비워 두면 모델 기본값. 요구량 한도는 이 우군에 대한 모델 요구량 대비 %, 사료 한도는 각 단위로. 우군 설정에 함께 저장됩니다.",
      minPercent: "최소, 요구량 대비 %", maxPercent: "최대, 요구량 대비 %", diet: "사료 한도", value: "한도",
      requirementMin: "{nutrient}: 최소, 요구량 대비 %", requirementMax: "{nutrient}: 최대, 요구량 대비 %", rail: "한도 {name}",
      minCp: "조단백질 최소", maxCp: "조단백질 최대", minNdf: "NDF 최소", minForageNdf: "조사료 NDF 최소", maxStarch: "전분 최대",
      maxFat: "지방 최대", maxDcad: "DCAD 최대", minDmi: "섭취량 최소", maxDmi: "섭취량 최대" },
    approved: "승인됨: 배합 버전 {v}.", saved: "저장되었습니다.", unchanged: "이미 최소 비용 배합입니다. 바뀐 것이 없습니다.",
    guard: { minForageNdfPercentOfDm: "조사료 NDF 최소", maxStarchPercentOfDm: "전분 최대", maxFatPercentOfDm: "지방 최대" },
    beefDefaults: "한우 기본 사료 추가 (볏짚, 건초, 한우 배합사료, 부산물)", beefDefaultsHint: "시작용 참고 가격(원)입니다: 농장 가격으로 바꾸세요.",
    dairyDefaults: "젖소 기본 사료 추가 (조사료, 곡류, 단백질 박류, 반추위 보호 메티오닌·라이신, 요소, 광물질)",
    requestFields: "제안에서 적용한 변경 (매 배합 계산에 함께 보냄):", dropRequestField: "제거",
    bestPossible: "모든 요구량을 만족하는 배합이 없습니다. 가능한 최선의 배합입니다: 승인을 기다리며, 승인 전에는 급여되지 않습니다.",
    shortNutrient: "미충족", ofTarget: "요구량 대비 %", shortBy: "부족 또는 초과", shortByAmount: "{n} {unit} 부족", overBy: "최대보다 {n} {unit} 초과", waysOut: "해결 방법",
    waysOutHint: "모두 확인된 방법입니다: 한 번 누르면 모든 요구량을 만족하는 배합이 나옵니다 (실용적인 순서, 섭취량 변경은 마지막).",
    noWayOut: "한 가지 변경만으로 모든 요구량을 만족하는 배합이 없습니다: 사료와 한도를 검토하세요.",
    way: { addFeed: "라이브러리에서 {feed} 추가 (두당 하루 건물 {max} kg까지, 톤당 {price})", raiseMax: "{feed} 상한을 건물 {n} kg으로 올림",
      lowerMin: "{feed} 하한을 건물 {n} kg으로 낮춤", target: "{nutrient} 목표를 요구량의 {n} %로 낮춤 ({from} % 대신)",
      rail: "{name} 한도를 {n}(으)로 조정", intakeMax: "두당 건물 {n} kg까지 섭취한다고 가정", intakeMin: "두당 건물 {n} kg까지 낮은 섭취 허용",
      then: "{change} → 두당 하루 {cost}", checkIntake: "(실제로 그만큼 먹을 때만: 먼저 우군 섭취량을 확인하세요)" },
    libraryFeeds: { "Rumen Protected Met": "반추위 보호 메티오닌", "Rumen Protected Lys": "반추위 보호 라이신", "Soybean meal, solvent 48CP": "대두박",
      Limestone: "석회석", "Calcium phosphate (di)": "인산이칼슘", "Sodium chloride (salt)": "소금", "Magnesium oxide": "산화마그네슘",
      "Potassium carbonate": "탄산칼륨", "Calcium sulfate (2H2O)": "황산칼슘", "Cobalt carbonate": "탄산코발트", "Copper sulfate (5H2O)": "황산구리",
      "Ferrous sulfate (H2O)": "황산제1철", EDDI: "EDDI (요오드 공급원)", "Manganese sulfate (H2O)": "황산망간", "Selenium yeast, generic": "셀레늄 효모",
      "Zinc sulfate (H2O)": "황산아연", "Vit A premix": "비타민 A 프리믹스", "Vit D premix": "비타민 D 프리믹스", "Vit E premix": "비타민 E 프리믹스" },
    model: "요구량 모델", kfsFallback: "한우 번식우·임신우·비유우·송아지에 대한 한국가축사양표준 식을 찾지 못해 한우 품종 값을 적용한 NRC (2000)으로 계산했습니다.", predictedDmi: "예측 건물섭취량", dmiEquation: "섭취량 식", guardRails: "사양 제한", rail: "제한", value: "배합", limit: "한도",
    met: "충족", notMet: "미충족", confirmed: "전체 모델로 확인됨", notConfirmed: "전체 모델로 확인되지 않음",
    rails: { roughage: "조사료 비율, 건물 %", "forage NDF": "조사료 NDF (peNDF), 건물 %", starch: "전분, 건물 %", fat: "지방, 건물 %", urea: "요소, 건물 %",
      "Ca:P": "칼슘:인 비율", "degradable protein balance": "분해성 단백질 균형, g/일", NDF: "NDF, 건물 %", "fatty acids": "지방산, 건물 %", "ruminal N balance": "반추위 질소 균형, g CP/일",
      "crude protein": "조단백질, 건물 %", "supplemental Se": "보충 셀레늄, mg/kg 건물", DCAD: "DCAD (양이온-음이온 차), mEq/kg 건물" },
  },
  invitation: { title: "농장 초대", text: "초대받은 주소로 로그인한 상태에서 초대를 수락하면 농장에 참여합니다.",
    accept: "수락", linkInvalid: "잘못되었거나 이미 사용되었거나 취소되었거나 만료된 초대입니다. 농장에 새 초대를 요청하세요.",
    pending: "받은 초대", to: "{farm} 목장에서 {role} 역할로 초대했습니다." },
  settings: { title: "사람과 장치", name: "이름", members: "구성원", since: "가입일", remove: "제거",
    invitations: "대기 중인 초대", invite: "초대", invitedAt: "초대일", expires: "만료",
    invitationSent: "{email}(으)로 초대 메일을 보냈습니다. 그 주소로 로그인해서(계정이 없으면 먼저 가입해서) 수락하면 됩니다.",
    devices: "장치 키", devicesText: "사료조 저울과 TMR 배합기는 각자의 키(X-Api-Key 헤더)로 섭취량을 보냅니다. 키는 이 농장의 섭취량 전송에만 쓸 수 있습니다.",
    keyOnce: "{name}의 키입니다. 지금 장치에 입력하세요. 다시 표시되지 않습니다.", keyName: "장치", prefix: "키 시작 부분",
    created: "생성", lastUsed: "마지막 사용", revoke: "폐기", revoked: "{at} 폐기됨", createKey: "키 만들기" },
  role: { owner: "소유자", manager: "관리자", nutritionist: "영양 컨설턴트", veterinarian: "수의사", viewer: "열람자" },
  notFound: { title: "찾을 수 없음", text: "없는 페이지이거나 접근 권한이 없습니다.", back: "내 농장으로" },
  severity: { info: "정보", warning: "주의", critical: "위험" },
  state: { lactatingCow: "착유우", dryCow: "건유우", heifer: "육성우", calf: "송아지", growingSteer: "육성기 거세우",
    fatteningSteer: "비육기 거세우", beefCow: "번식우", other: "기타" },
  breed: { holstein: "홀스타인", jersey: "저지", hanwoo: "한우", holsteinHanwooCross: "홀스타인 × 한우 교잡", angus: "앵거스", other: "기타" },
  common: { loading: "불러오는 중…", error: "오류가 발생했습니다: {m}", save: "저장", none: "–" },
  analysis: {
    title: "배합 평가", hint: "{model}로 본 배합, 배합 섭취량에서 두당 하루 기준.",
    models: { nasem: "NASEM (2021) 젖소 모델", beef: "한우 계수를 쓴 NRC (2000) 육우 모델" },
    diet: "사료 성분", protein: "단백질과 질소", intake: "섭취량", value: "배합", target: "목표",
    allowableMilk: "배합이 허용하는 유량", allowableGain: "배합이 허용하는 증체",
    notBinding: "제약 아님", perKgDm: "건물 kg당 {price}", missing: "이 배합 버전에는 저장된 평가가 아직 없습니다: 다시 배합 계산하면 보입니다.",
    rows: { cp: "조단백질 (CP)", rdp: "반추위 분해 단백질 (RDP)", rup: "반추위 비분해 단백질 (RUP)", ndf: "중성세제불용섬유 (NDF)",
      forageNdf: "조사료 NDF (모델의 peNDF)", starch: "전분", sugar: "당 (수용성 탄수화물)", fat: "조지방 (에테르 추출물)",
      fattyAcids: "지방산", nfc: "비섬유성 탄수화물 (NFC)", ash: "조회분", dcad: "양이온-음이온 차 (DCAD)", forageConcentrate: "조사료 : 농후사료",
      nel: "산유 정미에너지 (NEL)", neg: "증체 정미에너지 (NEg)",
      lys: "라이신, 대사단백질 대비 %", met: "메티오닌, 대사단백질 대비 %", lysMet: "라이신 : 메티오닌", urinaryN: "오줌 질소 배설량", manureN: "분뇨 질소 배설량 (오줌과 분)",
      formulatedDmi: "배합의 건물 섭취량", predictedDmi: "예측 건물 섭취량", dmiBounds: "적용한 섭취량 범위",
      dmiShadowPrice: "섭취량 건물 1 kg 추가 비용 (잠재 가격)",
      neMilk: "에너지 허용 유량", mpMilk: "대사단백질 허용 유량", neGain: "에너지 허용 증체", mpGain: "대사단백질 허용 증체" },
    units: { pctDm: "% 건물", pctMp: "% 대사단백질", meqKgDm: "mEq/건물 kg", mgKgDm: "mg/건물 kg", mcalKgDm: "Mcal/건물 kg", gPerDay: "g/두/일", kgDm: "건물 kg/두/일",
      kgMilk: "kg/두/일", kgGain: "kg/두/일", kgGainShrunk: "kg/두/일 (공복체중)", kgGainLive: "kg/두/일 (생체중)",
      liveEquivalent: "(생체중 {v} kg)" },
  },
  compare: {
    title: "현재 배합과 제안 배합 비교", current: "현재 (v{v})", proposed: "제안", difference: "차이",
    feeds: "사료, 건물 kg/두/일", totalDm: "합계 건물 kg/두/일", cost: "두당 일 사료비", balances: "공급, 요구량 대비 %",
    rows: { cp: "조단백질, 건물 %", ndf: "NDF, 건물 %", forageNdf: "조사료 NDF, 건물 %", starch: "전분, 건물 %", fat: "조지방, 건물 %", forage: "조사료, 건물 %",
      lys: "라이신, 대사단백질 대비 %", met: "메티오닌, 대사단백질 대비 %", neMilk: "에너지 허용 유량, kg", mpMilk: "대사단백질 허용 유량, kg", neGain: "에너지 허용 증체, kg", mpGain: "대사단백질 허용 증체, kg" },
  },
  policy: {
    title: "배합 적용 방식", label: "배합을 다시 계산하면", suggest: "제안: 승인을 기다림", automatic: "자동: 바로 적용",
    save: "적용 방식 저장", saved: "적용 방식을 저장했습니다.",
    suggestText: "다시 계산한 배합은 누군가 승인할 때까지 제안으로 기다립니다. 예외: 배합이 없는 우군의 첫 배합은 구성원이 계산하면 바로 적용됩니다. 대신할 급여 중인 배합이 없고, 배합을 계산할 수 있는 사람은 승인도 할 수 있기 때문입니다. 시스템이 시작한 재계산(가격, 섭취량, 입력값, 사료 변경)은 언제나 기다립니다.",
    automaticText: "요구량을 모두 만족하는 재계산 배합은 바로 적용되고 알림으로 알려 드립니다.",
    bestPossibleText: "요구량을 다 채우지 못한 최선의 배합은 적용 방식과 관계없이 언제나 승인을 기다립니다.",
    firstRation: "이 우군에는 아직 배합이 없습니다: 처음 계산한 배합은 제안 방식에서도 바로 적용됩니다.",
  },
};

const languageKey = "cnucnm.language";

export const locales = { en: "en-US", ko: "ko-KR" };

export function storedLanguage() {
  const stored = localStorage.getItem(languageKey);
  if (stored === "en" || stored === "ko") return stored;
  return navigator.language?.startsWith("ko") ? "ko" : "en";
}

export function rememberLanguage(language) {
  localStorage.setItem(languageKey, language);
  document.documentElement.lang = language;
}

export const i18n = VueI18n.createI18n({
  legacy: false,
  locale: storedLanguage(),
  fallbackLocale: "en",
  messages: {
    en: { ...en, ...feedsText.en, ...climateText.en, ...kpisText.en, ...controlsText.en },
    ko: { ...ko, ...feedsText.ko, ...climateText.ko, ...kpisText.ko, ...controlsText.ko },
  },
});

/** Number with fixed decimals in the UI language's locale ("–" when absent). */
export function number(value, decimals = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return new Intl.NumberFormat(locales[i18n.global.locale.value], { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

export function money(value, currency) {
  if (value === null || value === undefined) return "–";
  return new Intl.NumberFormat(locales[i18n.global.locale.value], { style: "currency", currency: currency || "KRW" }).format(value);
}

/** The currency's symbol in the UI language's locale (KRW → ₩), for units such as "₩/t as fed". */
export function currencySymbol(currency) {
  const parts = new Intl.NumberFormat(locales[i18n.global.locale.value], { style: "currency", currency: currency || "KRW" }).formatToParts(0);
  return parts.find((p) => p.type === "currency")?.value ?? currency;
}

/** Money to three significant digits (small unit prices such as shadow prices: ₩1.23, not ₩1 or 1.2345). */
export function significantMoney(value, currency) {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return new Intl.NumberFormat(locales[i18n.global.locale.value], { style: "currency", currency: currency || "KRW", maximumSignificantDigits: 3 }).format(value);
}

/** The time zone of the farm on screen (IANA, Asia/Seoul unless the farm says otherwise); outside a farm, the browser's. */
export const farmTimeZone = Vue.ref(null);

/** A moment in the farm's time zone (a reading at 07:00 in Seoul shows 07:00 wherever the browser is). */
export function dateTime(value) {
  if (!value) return "–";
  return new Intl.DateTimeFormat(locales[i18n.global.locale.value], { dateStyle: "medium", timeStyle: "short", timeZone: farmTimeZone.value ?? undefined })
    .format(new Date(value));
}

export function date(value) {
  if (!value) return "–";
  // A plain date (YYYY-MM-DD) is a calendar day: format it as such, not as UTC midnight in the browser's zone.
  const plain = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
  return new Intl.DateTimeFormat(locales[i18n.global.locale.value], { dateStyle: "medium", timeZone: plain ? "UTC" : farmTimeZone.value ?? undefined })
    .format(new Date(plain ? `${value}T00:00:00Z` : value));
}

// Units as the API writes them (a requirement's or limit's "unit"), in Korean; the same words as the server's message catalogue
// (unit.* in src/Cnucnm.Nutrition/Resources/Messages/ServerText.ko.resx). English shows the API's unit as it is.
const koreanUnits = {
  "g/d": "g/일", "Mcal/d": "Mcal/일", "kg DM/d": "건물 kg/일", "kg DM": "건물 kg", "% DM": "건물 %", "% of requirement": "요구량 대비 %",
  "share of DM": "건물 중 비율", "kg as fed": "원물 kg", "g CP/d": "g 조단백질/일", "mg/kg DM": "mg/건물 kg", "mEq/kg DM": "mEq/건물 kg", "mg/d": "mg/일",
  "IU/d": "IU/일", "kg/d": "kg/일", "g/d absorbed": "g/일 (흡수)", "mg/d absorbed": "mg/일 (흡수)", "g/d dietary": "g/일 (사료 중)",
  "mg/d dietary": "mg/일 (사료 중)", "g Ca/g P": "g 칼슘/g 인",
};

/** An API unit in the UI language. */
export function unitName(unit) {
  return i18n.global.locale.value === "ko" ? koreanUnits[unit] ?? unit : unit;
}
