// Copy a ration to another pen of the same farm (issue 19, "What to build" 3). Either the formulation settings (candidate feeds
// with their bounds, fixed amounts, nutrient and intake limits) or this ration's feeds at its amounts (each feed fixed at the
// ration's kg DM a head a day) become the other group's settings; that group is then formulated for its own animals and the farm's
// policy decides (Automatic: applied when it meets everything; Suggest: waits for approval, except a group's first ration).
// The existing endpoints do the work with the same authorization and ProblemDetails: PUT …/ration/settings, POST …/ration/reformulate.
import { get, request } from "./api.js";
import { money } from "./i18n.js";

export const CopyRation = {
  props: { farmId: String, groupId: String, snapshot: Object, currency: String },
  setup(props) {
    const { t } = VueI18n.useI18n();
    const groups = Vue.ref([]);
    const target = Vue.ref("");
    const mode = Vue.ref("settings");
    const busy = Vue.ref(false);
    const outcome = Vue.ref(null);
    const error = Vue.ref(null);
    const farmBase = `/api/v1/farms/${props.farmId}`;
    get(`${farmBase}/groups`).then((list) => {
      groups.value = list.filter((g) => g.id !== props.groupId);
      target.value = groups.value[0]?.id ?? "";
    }).catch((e) => { error.value = e.message; });

    const canAmounts = Vue.computed(() => !!props.snapshot?.current?.items?.length);
    const canSettings = Vue.computed(() => !!props.snapshot?.settings?.candidates?.length);
    // A group with a ration but no settings (a ration set by hand) can only copy its amounts.
    Vue.watchEffect(() => { if (!canSettings.value && canAmounts.value) mode.value = "amounts"; });

    /** The other group's settings: a copy of this group's, or this ration's feeds each fixed at its kg DM a head a day. */
    function settingsToCopy() {
      const saved = props.snapshot?.settings;
      const base = {
        dryMatterIntakeTolerancePercent: saved?.dryMatterIntakeTolerancePercent ?? 0, minForageNdfPercentOfDm: saved?.minForageNdfPercentOfDm ?? null,
        maxStarchPercentOfDm: saved?.maxStarchPercentOfDm ?? null, maxFatPercentOfDm: saved?.maxFatPercentOfDm ?? null,
        mixerCapacityKgAsFed: saved?.mixerCapacityKgAsFed ?? null,
      };
      if (mode.value === "amounts") {
        // Rounded to 3 decimals (g DM), within the API's 0–60 kg DM range.
        const candidates = props.snapshot.current.items.map((i) => {
          const kg = Math.round(i.kgDryMatterPerHead * 1000) / 1000;
          return { feedId: i.feedId, minKgDryMatter: 0, maxKgDryMatter: null, fixedKgDryMatter: kg };
        });
        return { ...base, candidates, requestFields: {} };
      }
      return { ...base, candidates: saved.candidates.map((c) => ({ feedId: c.feedId, minKgDryMatter: c.minKgDryMatter ?? 0, maxKgDryMatter: c.maxKgDryMatter ?? null,
        fixedKgDryMatter: c.fixedKgDryMatter ?? null })), requestFields: { ...(saved.requestFields ?? {}) } };
    }

    async function copy() {
      if (!target.value) return;
      busy.value = true;
      outcome.value = null;
      error.value = null;
      const targetBase = `${farmBase}/groups/${target.value}`;
      try {
        await request("PUT", `${targetBase}/ration/settings`, settingsToCopy());
        let result;
        try {
          result = await request("POST", `${targetBase}/ration/reformulate`);
        } catch (e) {
          if (e.status !== 422) throw e;
          result = { outcome: e.problem?.outcome ?? "infeasible" };
        }
        const ration = await get(`${targetBase}/ration`);
        const version = result.outcome === "applied" || result.outcome === "unchanged" ? ration.current : ration.suggestion?.proposed;
        outcome.value = { groupId: target.value, name: groups.value.find((g) => g.id === target.value)?.name, kind: result.outcome, cost: version?.costPerHeadPerDay ?? null };
      } catch (e) {
        error.value = e.problem?.errors ? Object.entries(e.problem.errors).map(([f, m]) => `${f}: ${m.join(" ")}`).join("; ") : e.message;
      } finally {
        busy.value = false;
      }
    }
    const outcomeText = Vue.computed(() => {
      const o = outcome.value;
      if (!o) return "";
      const known = ["applied", "suggested", "bestPossible", "unchanged", "infeasible", "notReady"].includes(o.kind) ? o.kind : "other";
      return t(`copyRation.outcome.${known}`, { group: o.name, cost: o.cost == null ? "–" : money(o.cost, props.currency) });
    });
    return { groups, target, mode, busy, outcome, outcomeText, error, copy, canAmounts, canSettings };
  },
  template: `
    <section class="card" data-testid="copy-ration" v-if="groups.length && (canSettings || canAmounts)">
      <h2>{{ $t('copyRation.title') }}</h2>
      <p class="hint">{{ $t('copyRation.hint') }}</p>
      <div class="toolbar">
        <label>{{ $t('copyRation.to') }} <select v-model="target" data-testid="copy-target">
          <option v-for="g in groups" :key="g.id" :value="g.id">{{ g.name }}</option></select></label>
        <label v-if="canSettings"><input type="radio" value="settings" v-model="mode" data-testid="copy-mode-settings"> {{ $t('copyRation.settings') }}</label>
        <label v-if="canAmounts"><input type="radio" value="amounts" v-model="mode" data-testid="copy-mode-amounts"> {{ $t('copyRation.amounts') }}</label>
        <button type="button" class="primary" :disabled="busy || !target || (mode === 'settings' ? !canSettings : !canAmounts)" @click="copy" data-testid="copy-run">{{ $t('copyRation.run') }}</button>
      </div>
      <p v-if="error" class="error" data-testid="copy-error">{{ $t('common.error', { m: error }) }}</p>
      <p v-if="outcome" data-testid="copy-outcome" :data-outcome="outcome.kind">{{ outcomeText }}
        <router-link :to="'/farms/' + farmId + '/groups/' + outcome.groupId + '/workbench'" data-testid="copy-open">{{ $t('copyRation.open') }}</router-link></p>
    </section>`,
};
