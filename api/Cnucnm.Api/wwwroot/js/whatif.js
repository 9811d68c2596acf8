// Two what-ifs side by side in the workbench (issue 19, "What to build" 3): a formulated ration is kept as what-if A; after a change
// of prices, limits or candidate feeds and another formulation (what-if B), both are shown side by side (cost, feeds, balances, the
// main analysis rows, the difference) with the changes that separate them. "Back to A" restores A's prices, candidates and limits and
// previews again. While A is kept, the workbench formulates B as a preview (POST …/ration/preview: nothing stored, no price, setting,
// ration or alert) until "Apply what-if B" stores its prices and settings and formulates the group for real.
import { RationCompare } from "./analysis.js";
import { number, money } from "./i18n.js";

const clone = (value) => JSON.parse(JSON.stringify(value));
const blank = (v) => v === null || v === undefined || v === "";
// What-if A of each group, kept while the page is open: the result card (and this component with it) is rebuilt by every run.
const pins = Vue.reactive({});
/** True while a what-if A of the group is kept: the workbench then formulates as a preview. */
export const whatIfKept = (groupId) => !!pins[groupId];
const same = (a, b) => (blank(a) && blank(b)) || (!blank(a) && !blank(b) && Number(a) === Number(b));

export const WhatIfCompare = {
  components: { RationCompare },
  // shown: the ration version on screen; rows and settings: the workbench's reactive candidates and limits; run(): formulate;
  // feeds: the farm's feeds (names); fieldLabel(field): a request field in farm language; apply(): store B's prices and settings and
  // formulate the group; preview: the result on screen is a preview.
  props: { groupId: String, shown: Object, rows: Object, settings: Object, feeds: Array, run: Function, apply: Function, fieldLabel: Function, currency: String,
    busy: Boolean, preview: Boolean },
  setup(props) {
    const { t } = VueI18n.useI18n();
    const pinned = Vue.computed(() => pins[props.groupId] ?? null);
    function keep() {
      pins[props.groupId] = { version: clone(props.shown), rows: clone(props.rows), settings: clone(props.settings) };
    }
    const comparing = Vue.computed(() => !!pinned.value && !!props.shown && JSON.stringify(pinned.value.version) !== JSON.stringify(props.shown));
    const name = (feedId) => props.feeds.find((f) => f.definition.feedId === feedId)?.definition.name ?? feedId;
    const shownValue = (v, decimals) => (blank(v) ? t("whatIf.none") : number(Number(v), decimals));
    /** What separates B (now) from A: candidates in or out, prices, kg DM bounds, fixed amounts, limits and the intake tolerance. */
    const changes = Vue.computed(() => {
      if (!pinned.value) return [];
      const a = pinned.value;
      const list = [];
      for (const feedId of new Set([...Object.keys(a.rows), ...Object.keys(props.rows)])) {
        const before = a.rows[feedId] ?? { use: false };
        const after = props.rows[feedId] ?? { use: false };
        if (!!before.use !== !!after.use) { list.push(t(after.use ? "whatIf.added" : "whatIf.removed", { feed: name(feedId) })); continue; }
        if (!after.use) continue;
        if (!same(before.pricePerTonne, after.pricePerTonne)) {
          list.push(t("whatIf.price", { feed: name(feedId), a: blank(before.pricePerTonne) ? t("whatIf.none") : money(Number(before.pricePerTonne), props.currency),
            b: blank(after.pricePerTonne) ? t("whatIf.none") : money(Number(after.pricePerTonne), props.currency) }));
        }
        for (const bound of ["min", "max", "fixed"]) {
          if (!same(before[bound], after[bound])) list.push(t(`whatIf.${bound}`, { feed: name(feedId), a: shownValue(before[bound], 2), b: shownValue(after[bound], 2) }));
        }
      }
      const fa = a.settings.requestFields ?? {};
      const fb = props.settings.requestFields ?? {};
      for (const field of new Set([...Object.keys(fa), ...Object.keys(fb)])) {
        if (!same(fa[field], fb[field])) list.push(t("whatIf.limit", { name: props.fieldLabel(field), a: shownValue(fa[field], 2), b: shownValue(fb[field], 2) }));
      }
      for (const key of ["dryMatterIntakeTolerancePercent", "minForageNdfPercentOfDm", "maxStarchPercentOfDm", "maxFatPercentOfDm"]) {
        if (!same(a.settings[key], props.settings[key])) list.push(t("whatIf.limit", { name: t(`whatIf.settings.${key}`), a: shownValue(a.settings[key], 1), b: shownValue(props.settings[key], 1) }));
      }
      return list;
    });
    async function backToA() {
      const a = clone(pinned.value);
      for (const key of Object.keys(props.rows)) if (!(key in a.rows)) props.rows[key].use = false;
      for (const [key, row] of Object.entries(a.rows)) props.rows[key] = { ...(props.rows[key] ?? {}), ...clone(row) };
      Object.assign(props.settings, clone(a.settings));
      await props.run();
    }
    return { pinned, keep, comparing, changes, backToA, money };
  },
  template: `
    <div class="whatif" data-testid="whatif">
      <div class="toolbar" style="margin-top:8px">
        <button type="button" :disabled="busy || !shown" @click="keep" data-testid="whatif-keep">{{ $t(pinned ? 'whatIf.keepAgain' : 'whatIf.keep') }}</button>
        <span class="hint" v-if="!pinned">{{ $t('whatIf.hint') }}</span>
        <span class="hint" v-else-if="!comparing" data-testid="whatif-kept">{{ $t('whatIf.kept', { cost: money(pinned.version.costPerHeadPerDay, currency) }) }}</span>
      </div>
      <template v-if="comparing">
        <h2>{{ $t('whatIf.title') }}</h2>
        <ul data-testid="whatif-changes" class="hint">
          <li v-for="c in changes" :key="c">{{ c }}</li>
          <li v-if="!changes.length">{{ $t('whatIf.noChange') }}</li>
        </ul>
        <div data-testid="whatif-compare">
          <RationCompare :left="pinned.version" :right="shown" :currency="currency" :left-label="$t('whatIf.a')" :right-label="$t('whatIf.b')" />
        </div>
        <p v-if="preview" class="hint" data-testid="whatif-preview">{{ $t('whatIf.preview') }}</p>
        <div class="toolbar" style="margin-top:8px">
          <button type="button" :disabled="busy" @click="backToA" data-testid="whatif-back">{{ $t('whatIf.back') }}</button>
          <button v-if="preview" type="button" class="primary" :disabled="busy" @click="apply()" data-testid="whatif-apply">{{ $t('whatIf.apply') }}</button>
        </div>
      </template>
    </div>`,
};
