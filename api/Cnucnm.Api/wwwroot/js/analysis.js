// The ration evaluation panel (workbench, group page): the ration's analysis by the same full model as its balances
// (RationVersion.analysis: NASEM 2021 for dairy, NRC 2000 with Hanwoo parameters for beef), intake and, when a formulation
// answer is at hand, the intake bounds and the intake's shadow price. Red only for production short of the group's target
// beyond the formulation's tolerance (TOLERANCE_PERCENT, the same rule as the API's `met`).
import { number, money, significantMoney } from "./i18n.js";
import { TOLERANCE_PERCENT, balanceState } from "./farm.js";

export const RationAnalysis = {
  props: {
    version: { type: Object, default: null },       // RationVersion (analysis, dryMatterKgPerHead)
    formulation: { type: Object, default: null },   // FormulationResponse of the workbench, when there is one
    inputs: { type: Object, default: null },        // the group's inputs (milk and gain targets)
    predictedDmi: { type: Number, default: null },  // kg DM/head/d: the group's predicted intake when no formulation answer is at hand
    currency: { type: String, default: "KRW" },
  },
  setup(props) {
    const a = Vue.computed(() => props.version?.analysis ?? null);
    // Diet concentrations, % of DM unless the unit says otherwise; rows the model does not give (null) are left out.
    const diet = Vue.computed(() => {
      const x = a.value;
      if (!x) return [];
      const forage = x.foragePercentOfDm;
      return [
        { key: "cp", value: x.crudeProteinPercentOfDm, unit: "pctDm" },
        { key: "rdp", value: x.rumenDegradableProteinPercentOfDm, unit: "pctDm" },
        { key: "rup", value: x.rumenUndegradableProteinPercentOfDm, unit: "pctDm" },
        { key: "ndf", value: x.ndfPercentOfDm, unit: "pctDm" },
        { key: "forageNdf", value: x.forageNdfPercentOfDm, unit: "pctDm" },
        { key: "starch", value: x.starchPercentOfDm, unit: "pctDm" },
        { key: "sugar", value: x.sugarPercentOfDm, unit: "pctDm" },
        { key: "fat", value: x.crudeFatPercentOfDm, unit: "pctDm" },
        { key: "fattyAcids", value: x.fattyAcidsPercentOfDm, unit: "pctDm" },
        { key: "nfc", value: x.nonFiberCarbohydratePercentOfDm, unit: "pctDm" },
        { key: "ash", value: x.ashPercentOfDm, unit: "pctDm" },
        { key: "dcad", value: x.dcadMilliequivalentsPerKgDm, unit: "meqKgDm", decimals: 0 },
        { key: "forageConcentrate", text: forage == null ? null : `${number(forage, 0)} : ${number(100 - forage, 0)}` },
        { key: props.inputs && isBeefInputs(props.inputs) ? "neg" : "nel", value: x.netEnergyMcalPerKgDm, unit: "mcalKgDm", decimals: 2 },
      ].filter((r) => r.value != null || r.text != null);
    });
    const protein = Vue.computed(() => {
      const x = a.value;
      if (!x) return [];
      return [
        { key: "lys", value: x.lysinePercentOfMetabolizableProtein, unit: "pctMp", decimals: 2 },
        { key: "met", value: x.methioninePercentOfMetabolizableProtein, unit: "pctMp", decimals: 2 },
        { key: "lysMet", text: x.lysineToMethionine == null ? null : `${number(x.lysineToMethionine, 2)} : 1` },
        { key: "urinaryN", value: x.urinaryNitrogenGramsPerDay, unit: "gPerDay", decimals: 0 },
        { key: "manureN", value: x.manureNitrogenGramsPerDay, unit: "gPerDay", decimals: 0 },
      ].filter((r) => r.value != null || r.text != null);
    });
    const animal = Vue.computed(() => props.formulation?.animal ?? null);
    const intake = Vue.computed(() => ({
      formulated: props.version?.dryMatterKgPerHead ?? null,
      predicted: animal.value?.predictedDryMatterIntakeKg ?? props.predictedDmi ?? null,
      bounds: animal.value?.dryMatterIntakeBounds ?? null,
      // Cost per day of one more kg DM of the binding intake bound (0 or null: the intake bound does not bind).
      shadowPrice: props.formulation?.dryMatterIntakeShadowPrice ?? null,
    }));
    // The gain target: the group's, or the phase's default gain the beef formulation used (its answer states it, shrunk).
    const gainTarget = Vue.computed(() => (props.inputs?.targetGainKgPerDay > 0 ? props.inputs.targetGainKgPerDay : animal.value?.targetShrunkGainKgPerDay ?? null));
    // Allowable production beside the group's target: milk for cows in milk, gain for everything else (beef, heifers, dry cows).
    const milking = Vue.computed(() => (props.inputs?.milkKgPerDay ?? 0) > 0 && a.value?.energyAllowableMilkKgPerDay != null);
    const production = Vue.computed(() => {
      const x = a.value;
      if (!x) return [];
      const rows = milking.value
        ? [{ key: "neMilk", value: x.energyAllowableMilkKgPerDay, target: props.inputs?.milkKgPerDay }, { key: "mpMilk", value: x.proteinAllowableMilkKgPerDay, target: props.inputs?.milkKgPerDay }]
        : [{ key: "neGain", value: x.energyAllowableGainKgPerDay, target: gainTarget.value }, { key: "mpGain", value: x.proteinAllowableGainKgPerDay, target: gainTarget.value }];
      return rows.filter((r) => r.value != null).map((r) => ({
        ...r, short: r.target > 0 && r.value < r.target * (1 - TOLERANCE_PERCENT / 100),
      }));
    });
    // The beef model's allowable gains are shrunk-weight gains (NRC 2000; live = shrunk ÷ 0.96), NASEM's are live-weight gains.
    const beefGains = Vue.computed(() => !(a.value?.model ?? "").startsWith("NASEM"));
    return { a, diet, protein, intake, production, milking, beefGains, number, money, significantMoney };
  },
  template: `
    <div class="analysis" data-testid="analysis" v-if="a">
      <h2>{{ $t('analysis.title') }}</h2>
      <p class="hint">{{ $t('analysis.hint', { model: $t('analysis.models.' + (a.model?.startsWith('NASEM') ? 'nasem' : 'beef')) }) }}</p>
      <div class="analysis-grid">
        <table data-testid="analysis-diet">
          <thead><tr><th>{{ $t('analysis.diet') }}</th><th class="n">{{ $t('analysis.value') }}</th></tr></thead>
          <tbody><tr v-for="r in diet" :key="r.key" :data-row="r.key">
            <td>{{ $t('analysis.rows.' + r.key) }}</td>
            <td class="n">{{ r.text ?? number(r.value, r.decimals ?? 1) + ' ' + $t('analysis.units.' + r.unit) }}</td>
          </tr></tbody>
        </table>
        <div>
          <table data-testid="analysis-protein" v-if="protein.length">
            <thead><tr><th>{{ $t('analysis.protein') }}</th><th class="n">{{ $t('analysis.value') }}</th></tr></thead>
            <tbody><tr v-for="r in protein" :key="r.key" :data-row="r.key">
              <td>{{ $t('analysis.rows.' + r.key) }}</td>
              <td class="n">{{ r.text ?? number(r.value, r.decimals ?? 1) + ' ' + $t('analysis.units.' + r.unit) }}</td>
            </tr></tbody>
          </table>
          <table data-testid="analysis-intake">
            <thead><tr><th>{{ $t('analysis.intake') }}</th><th class="n">{{ $t('analysis.value') }}</th></tr></thead>
            <tbody>
              <tr data-row="formulatedDmi"><td>{{ $t('analysis.rows.formulatedDmi') }}</td><td class="n">{{ number(intake.formulated, 2) }} {{ $t('analysis.units.kgDm') }}</td></tr>
              <tr data-row="predictedDmi" v-if="intake.predicted != null"><td>{{ $t('analysis.rows.predictedDmi') }}</td><td class="n">{{ number(intake.predicted, 2) }} {{ $t('analysis.units.kgDm') }}</td></tr>
              <tr data-row="dmiBounds" v-if="intake.bounds"><td>{{ $t('analysis.rows.dmiBounds') }}</td>
                <td class="n">{{ number(intake.bounds.min, 2) }} – {{ number(intake.bounds.max, 2) }} {{ $t('analysis.units.kgDm') }}</td></tr>
              <tr data-row="dmiShadowPrice" v-if="intake.shadowPrice != null"><td>{{ $t('analysis.rows.dmiShadowPrice') }}</td>
                <td class="n">{{ Math.abs(intake.shadowPrice) < 1e-9 ? $t('analysis.notBinding') : $t('analysis.perKgDm', { price: significantMoney(intake.shadowPrice, currency) }) }}</td></tr>
            </tbody>
          </table>
          <table data-testid="analysis-production" v-if="production.length">
            <thead><tr><th>{{ $t(milking ? 'analysis.allowableMilk' : 'analysis.allowableGain') }}</th><th class="n">{{ $t('analysis.value') }}</th><th class="n">{{ $t('analysis.target') }}</th></tr></thead>
            <tbody><tr v-for="r in production" :key="r.key" :data-row="r.key" :class="{ short: r.short }">
              <td>{{ $t('analysis.rows.' + r.key) }}</td>
              <td class="n">{{ number(r.value, milking ? 1 : 2) }} {{ $t(milking ? 'analysis.units.kgMilk' : beefGains ? 'analysis.units.kgGainShrunk' : 'analysis.units.kgGainLive') }}
                <span v-if="!milking && beefGains">{{ $t('analysis.units.liveEquivalent', { v: number(r.value / 0.96, 2) }) }}</span></td>
              <td class="n">{{ r.target > 0 ? number(r.target, milking ? 1 : 2) : '–' }}</td>
            </tr></tbody>
          </table>
        </div>
      </div>
    </div>
    <p v-else-if="version" class="hint" data-testid="analysis-missing">{{ $t('analysis.missing') }}</p>`,
};

/** Beef and Hanwoo groups (the beef model): beef breeds, and Holstein steers. */
export function isBeefInputs(inputs) {
  return ["hanwoo", "holsteinHanwooCross", "angus"].includes(inputs?.breed)
    || (inputs?.breed === "holstein" && ["growingSteer", "fatteningSteer"].includes(inputs?.state));
}

/**
 * Two rations side by side (current against proposed): each feed's kg DM per head, the cost, every nutrient balance as % of
 * requirement (red when short beyond the tolerance, as everywhere) and the analysis rows both have, with the difference.
 */
export const RationCompare = {
  props: {
    left: { type: Object, required: true },   // RationVersion
    right: { type: Object, required: true },  // RationVersion
    leftLabel: { type: String, required: true },
    rightLabel: { type: String, required: true },
    currency: { type: String, default: "KRW" },
  },
  setup(props) {
    const { t } = VueI18n.useI18n();
    const feeds = Vue.computed(() => {
      const byId = new Map();
      for (const [side, version] of [["left", props.left], ["right", props.right]]) {
        for (const i of version.items) {
          const row = byId.get(i.feedId) ?? { id: i.feedId, name: i.name, left: 0, right: 0 };
          row[side] = i.kgDryMatterPerHead;
          byId.set(i.feedId, row);
        }
      }
      return [...byId.values()].sort((a, b) => Math.max(b.left, b.right) - Math.max(a.left, a.right));
    });
    const balances = Vue.computed(() => {
      const right = new Map(props.right.balances.map((b) => [b.nutrient, b]));
      return props.left.balances.filter((b) => right.has(b.nutrient)).map((b) => ({ nutrient: b.nutrient, left: b, right: right.get(b.nutrient) }));
    });
    const fields = [["crudeProteinPercentOfDm", "cp"], ["ndfPercentOfDm", "ndf"], ["forageNdfPercentOfDm", "forageNdf"], ["starchPercentOfDm", "starch"],
      ["crudeFatPercentOfDm", "fat"], ["foragePercentOfDm", "forage"], ["lysinePercentOfMetabolizableProtein", "lys"], ["methioninePercentOfMetabolizableProtein", "met"],
      ["energyAllowableMilkKgPerDay", "neMilk"], ["proteinAllowableMilkKgPerDay", "mpMilk"], ["energyAllowableGainKgPerDay", "neGain"], ["proteinAllowableGainKgPerDay", "mpGain"]];
    const analysis = Vue.computed(() => {
      const l = props.left.analysis;
      const r = props.right.analysis;
      if (!l || !r) return [];
      return fields.filter(([f]) => l[f] != null && r[f] != null).map(([f, key]) => ({ key, left: l[f], right: r[f] }));
    });
    const nutrientName = (name) => {
      const key = `workbench.nutrients.${name}`;
      const text = t(key);
      return text === key ? name : text;
    };
    const signed = (value, decimals) => (value > 0 ? "+" : "") + number(value, decimals);
    return { feeds, balances, analysis, balanceState, nutrientName, number, money, signed };
  },
  template: `
    <table class="compare" data-testid="compare">
      <thead><tr><th></th><th class="n">{{ leftLabel }}</th><th class="n">{{ rightLabel }}</th><th class="n">{{ $t('compare.difference') }}</th></tr></thead>
      <tbody>
        <tr class="section"><th colspan="4">{{ $t('compare.feeds') }}</th></tr>
        <tr v-for="f in feeds" :key="f.id" :data-feed="f.id"><td>{{ f.name }}</td><td class="n">{{ number(f.left, 2) }}</td><td class="n">{{ number(f.right, 2) }}</td>
          <td class="n">{{ signed(f.right - f.left, 2) }}</td></tr>
        <tr data-row="dm"><th>{{ $t('compare.totalDm') }}</th><th class="n">{{ number(left.dryMatterKgPerHead, 2) }}</th><th class="n">{{ number(right.dryMatterKgPerHead, 2) }}</th>
          <th class="n">{{ signed(right.dryMatterKgPerHead - left.dryMatterKgPerHead, 2) }}</th></tr>
        <tr data-row="cost"><th>{{ $t('compare.cost') }}</th><th class="n">{{ money(left.costPerHeadPerDay, currency) }}</th><th class="n">{{ money(right.costPerHeadPerDay, currency) }}</th>
          <th class="n" data-testid="compare-cost-difference">{{ left.costPerHeadPerDay != null && right.costPerHeadPerDay != null ? (right.costPerHeadPerDay > left.costPerHeadPerDay ? '+' : '') + money(right.costPerHeadPerDay - left.costPerHeadPerDay, currency) : '–' }}</th></tr>
        <tr class="section"><th colspan="4">{{ $t('compare.balances') }}</th></tr>
        <tr v-for="b in balances" :key="b.nutrient" :data-nutrient="b.nutrient"><td>{{ nutrientName(b.nutrient) }}</td>
          <td class="n" :class="balanceState(b.left)">{{ number(b.left.percentOfRequirement, 0) }} %</td>
          <td class="n" :class="balanceState(b.right)">{{ number(b.right.percentOfRequirement, 0) }} %</td>
          <td class="n">{{ signed(b.right.percentOfRequirement - b.left.percentOfRequirement, 0) }}</td></tr>
        <template v-if="analysis.length">
          <tr class="section"><th colspan="4">{{ $t('analysis.title') }}</th></tr>
          <tr v-for="r in analysis" :key="r.key" :data-row="r.key"><td>{{ $t('compare.rows.' + r.key) }}</td><td class="n">{{ number(r.left, 2) }}</td>
            <td class="n">{{ number(r.right, 2) }}</td><td class="n">{{ signed(r.right - r.left, 2) }}</td></tr>
        </template>
      </tbody>
    </table>`,
};
