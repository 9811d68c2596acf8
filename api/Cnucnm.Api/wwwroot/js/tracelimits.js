// Trace-mineral maxima and the intake basis in the workbench's guard-rail controls (issue 19, "What to build" 3), kept with the
// group's settings as request fields like the other limits: guardRails.maxMineralPerKgDm.{column} (mg/kg DM for trace minerals,
// % DM for S, K and Mg), guardRails.maxSupplementalSeleniumMgPerKgDm; and the intake basis, the workbench's one intake control
// (dryMatterIntakeTolerancePercent, dryMatterIntakeKg.min|max). Empty: the model's default, shown as the placeholder.
import { number } from "./i18n.js";

/** Maximum tolerable concentrations for cattle, NRC (2005) Mineral Tolerance of Animals, Table 1 (also NASEM 2021 Ch. 7): the
 * formulation's defaults (src/Cnucnm.Formulation/FormulationRequest.cs, GuardRails.DefaultMaxMineralPerKgDm). */
export const mineralMaxima = [
  { column: "Fd_Co", name: "Co", max: 25, unit: "mgKgDm" }, { column: "Fd_Cu", name: "Cu", max: 40, unit: "mgKgDm" },
  { column: "Fd_Fe", name: "Fe", max: 500, unit: "mgKgDm" }, { column: "Fd_I", name: "I", max: 50, unit: "mgKgDm" },
  { column: "Fd_Mn", name: "Mn", max: 2000, unit: "mgKgDm" }, { column: "Fd_Mo", name: "Mo", max: 5, unit: "mgKgDm" },
  { column: "Fd_Se", name: "Se", max: 5, unit: "mgKgDm" }, { column: "Fd_Zn", name: "Zn", max: 500, unit: "mgKgDm" },
  { column: "Fd_S", name: "S", max: 0.4, unit: "pctDm" }, { column: "Fd_K", name: "K", max: 2, unit: "pctDm" }, { column: "Fd_Mg", name: "Mg", max: 0.6, unit: "pctDm" },
];
/** Supplemental Se (from mineral and additive feeds), mg/kg diet DM: the US legal limit, 21 CFR 573.920 (the formulation's default). */
export const supplementalSeleniumDefault = 0.3;

/** The intake basis, the one control of the ration's intake (beside Formulate): at the predicted intake (tolerance 0), predicted ± a
 * tolerance (dryMatterIntakeTolerancePercent) or a kg DM window (dryMatterIntakeKg.min|max, which the formulation then uses instead of
 * the predicted intake and its tolerance). */
export const IntakeBasis = {
  // settings: the workbench's reactive settings (dryMatterIntakeTolerancePercent, requestFields); setField(field, value) as the workbench's.
  props: { settings: Object, setField: Function, predictedDmi: Number },
  setup(props) {
    const value = (field) => props.settings.requestFields[field] ?? "";
    const basis = Vue.computed(() => {
      const f = props.settings.requestFields;
      if (f["dryMatterIntakeKg.min"] != null || f["dryMatterIntakeKg.max"] != null) return "window";
      return Number(props.settings.dryMatterIntakeTolerancePercent) > 0 ? "tolerance" : "predicted";
    });
    function chooseBasis(choice) {
      if (choice !== "window") {
        props.setField("dryMatterIntakeKg.min", "");
        props.setField("dryMatterIntakeKg.max", "");
      }
      // A window replaces the tolerance: one basis at a time.
      if (choice === "predicted" || choice === "window") props.settings.dryMatterIntakeTolerancePercent = 0;
      if (choice === "tolerance" && !(Number(props.settings.dryMatterIntakeTolerancePercent) > 0)) props.settings.dryMatterIntakeTolerancePercent = 5;
      if (choice === "window" && basis.value !== "window" && props.predictedDmi) {
        // A window around the predicted intake to start from (± 5 %), edited below.
        props.setField("dryMatterIntakeKg.min", Math.round(props.predictedDmi * 0.95 * 10) / 10);
        props.setField("dryMatterIntakeKg.max", Math.round(props.predictedDmi * 1.05 * 10) / 10);
      }
    }
    return { value, basis, chooseBasis, number };
  },
  template: `
    <div data-testid="intake-basis-control">
      <div class="toolbar" data-testid="intake-basis" :data-basis="basis">
        <label>{{ $t('traceLimits.intakeTitle') }}: {{ $t('traceLimits.basis') }} <select :value="basis" @change="chooseBasis($event.target.value)" data-testid="intake-basis-select">
          <option value="predicted">{{ $t('traceLimits.predicted') }}</option>
          <option value="tolerance">{{ $t('traceLimits.tolerance') }}</option>
          <option value="window">{{ $t('traceLimits.window') }}</option></select></label>
        <label v-if="basis === 'tolerance'">± <input class="bound" type="number" step="any" min="0" max="50" v-model="settings.dryMatterIntakeTolerancePercent" data-testid="intake-tolerance"> %</label>
        <template v-if="basis === 'window'">
          <label>{{ $t('traceLimits.min') }} <input class="bound" type="number" step="any" :value="value('dryMatterIntakeKg.min')"
            @change="setField('dryMatterIntakeKg.min', $event.target.value)" data-testid="intake-min"></label>
          <label>{{ $t('traceLimits.max') }} <input class="bound" type="number" step="any" :value="value('dryMatterIntakeKg.max')"
            @change="setField('dryMatterIntakeKg.max', $event.target.value)" data-testid="intake-max"> {{ $t('analysis.units.kgDm') }}</label>
        </template>
      </div>
      <p class="hint" data-testid="intake-basis-text">{{ basis === 'predicted'
        ? $t('traceLimits.predictedText', { kg: predictedDmi ? number(predictedDmi, 1) : '–' })
        : basis === 'tolerance' ? $t('traceLimits.toleranceText', { n: number(Number(settings.dryMatterIntakeTolerancePercent), 1) })
        : $t('traceLimits.windowText', { min: value('dryMatterIntakeKg.min') === '' ? '–' : number(value('dryMatterIntakeKg.min'), 1),
            max: value('dryMatterIntakeKg.max') === '' ? '–' : number(value('dryMatterIntakeKg.max'), 1) }) }}</p>
    </div>`,
};

export const TraceLimits = {
  // settings: the workbench's reactive settings (requestFields); setField(field, value) as the workbench's.
  props: { settings: Object, setField: Function, beef: Boolean },
  setup(props) {
    const value = (field) => props.settings.requestFields[field] ?? "";
    return { value, mineralMaxima, supplementalSeleniumDefault, number };
  },
  template: `
    <div data-testid="trace-limits" v-if="!beef">
      <h3>{{ $t('traceLimits.mineralsTitle') }}</h3>
      <p class="hint">{{ $t('traceLimits.mineralsHint') }}</p>
      <table data-testid="mineral-maxima">
        <thead><tr><th>{{ $t('traceLimits.mineral') }}</th><th class="n">{{ $t('traceLimits.maximum') }}</th><th>{{ $t('traceLimits.unit') }}</th></tr></thead>
        <tbody>
          <tr v-for="m in mineralMaxima" :key="m.column" :data-mineral="m.name">
            <td>{{ $t('traceLimits.names.' + m.name) }}</td>
            <td class="n"><input class="bound" type="number" step="any" :placeholder="number(m.max, m.max < 1 ? 2 : 0)" :value="value('guardRails.maxMineralPerKgDm.' + m.column)"
              @change="setField('guardRails.maxMineralPerKgDm.' + m.column, $event.target.value)" data-testid="mineral-max"></td>
            <td>{{ $t('analysis.units.' + m.unit) }}</td>
          </tr>
          <tr data-mineral="supplementalSe">
            <td>{{ $t('traceLimits.supplementalSe') }}</td>
            <td class="n"><input class="bound" type="number" step="any" :placeholder="number(supplementalSeleniumDefault, 2)" :value="value('guardRails.maxSupplementalSeleniumMgPerKgDm')"
              @change="setField('guardRails.maxSupplementalSeleniumMgPerKgDm', $event.target.value)" data-testid="mineral-max"></td>
            <td>{{ $t('analysis.units.mgKgDm') }}</td>
          </tr>
        </tbody>
      </table>
    </div>`,
};

/** A trace-mineral request field in farm language ("guardRails.maxMineralPerKgDm.Fd_Cu" → "Copper (Cu): maximum, mg/kg DM"); null for others. */
export function traceFieldLabel(t, field) {
  const mineral = mineralMaxima.find((m) => field === `guardRails.maxMineralPerKgDm.${m.column}`);
  if (mineral) return t("traceLimits.fieldLabel", { name: t(`traceLimits.names.${mineral.name}`), unit: t(`analysis.units.${mineral.unit}`) });
  if (field === "guardRails.maxSupplementalSeleniumMgPerKgDm") return t("traceLimits.fieldLabel", { name: t("traceLimits.supplementalSe"), unit: t("analysis.units.mgKgDm") });
  return null;
}
