// Lab analyses of a farm feed on the farm feeds page (issue 19, "What to build" 4): a lab report (CSV pasted or a CSV/XLSX file, DM
// basis, one row per sample) is checked first (POST …/feeds/{feedId}/lab-analyses/preview): what changes in the feed and, for each
// ration of the farm that uses it, its cost, as-fed amount and lowest balance with the analysed feed (full model, same kg DM a head;
// nothing stored). Apply (…/apply) stores the analysed values; the rations using the feed are re-evaluated and re-formulated by the
// farm's policy, as the answer says per group.
import { request } from "./api.js";
import { number, money } from "./i18n.js";
import { worstBalance } from "./farm.js";
import { useFeedColumns } from "./feedcatalogue.js";

export const LabAnalysis = {
  props: { farmId: String, feed: Object, currency: String },
  emits: ["applied"],
  setup(props, { emit }) {
    const { t } = VueI18n.useI18n();
    const csv = Vue.ref("");
    const xlsx = Vue.ref(null);
    const fileName = Vue.ref("");
    const preview = Vue.ref(null);
    const applied = Vue.ref(null);
    const errors = Vue.ref(null);
    const busy = Vue.ref(false);
    const url = (action) => `/api/v1/farms/${props.farmId}/feeds/${encodeURIComponent(props.feed.definition.feedId)}/lab-analyses/${action}`;
    const body = (row) => (xlsx.value ? { xlsx: xlsx.value, row } : { csv: csv.value, row });

    async function readFile(event) {
      const file = event.target.files?.[0];
      xlsx.value = null;
      fileName.value = file?.name ?? "";
      if (!file) return;
      if (/\.xlsx$/i.test(file.name)) {
        // The API takes a workbook as base64.
        const bytes = new Uint8Array(await file.arrayBuffer());
        let binary = "";
        for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        xlsx.value = btoa(binary);
        csv.value = "";
      } else {
        csv.value = await file.text();
      }
    }
    async function call(action, row) {
      busy.value = true;
      errors.value = null;
      try {
        return await request("POST", url(action), body(row));
      } catch (e) {
        errors.value = e.problem?.errors ? Object.entries(e.problem.errors).map(([field, messages]) => ({ field, message: messages.join(" ") })) : [{ field: "", message: e.message }];
        return null;
      } finally {
        busy.value = false;
      }
    }
    async function check() {
      applied.value = null;
      preview.value = await call("preview");
    }
    async function apply(row) {
      const answer = await call("apply", row);
      if (!answer) return;
      applied.value = answer;
      preview.value = null;
      emit("applied");
    }
    // Nutrients by the server's column names in the UI language (GET /api/v1/feed-library/columns), never by their codes.
    const { columnName: nutrientName } = useFeedColumns();
    const lowest = (version) => worstBalance(version);
    const signed = (value, decimals) => (value > 0 ? "+" : "") + number(value, decimals);
    const signedMoney = (value) => (value > 0 ? "+" : "") + money(value, props.currency);
    const outcomeText = (r) => {
      const kind = r.reformulation?.outcome;
      return kind ? t(`labAnalysis.outcome.${kind}`) : t("labAnalysis.outcome.reEvaluated");
    };
    return { csv, fileName, preview, applied, errors, busy, readFile, check, apply, nutrientName, lowest, signed, signedMoney, outcomeText, number, money };
  },
  template: `
    <div data-testid="lab-analysis">
      <h3>{{ $t('labAnalysis.title') }}</h3>
      <p class="muted">{{ $t('labAnalysis.hint') }}</p>
      <textarea v-model="csv" rows="3" style="width:100%;font-family:monospace" :placeholder="$t('labAnalysis.placeholder')" data-testid="lab-csv"></textarea>
      <div class="toolbar">
        <input type="file" accept=".csv,.xlsx,text/csv" @change="readFile" data-testid="lab-file">
        <button type="button" :disabled="busy || (!csv && !fileName)" @click="check" data-testid="lab-preview">{{ $t('labAnalysis.preview') }}</button>
      </div>
      <ul v-if="errors" class="error" data-testid="lab-errors"><li v-for="e in errors" :key="e.field + e.message">{{ e.field }} {{ e.message }}</li></ul>
      <template v-if="preview">
        <div v-for="a in preview.analyses" :key="a.row" :data-row="a.row" data-testid="lab-analysis-row">
          <h4>{{ $t('labAnalysis.sample', { row: a.row, sample: a.sampleId ?? '–', date: a.sampledOn ?? '–' }) }}</h4>
          <table data-testid="lab-changes">
            <thead><tr><th>{{ $t('labAnalysis.nutrient') }}</th><th class="n">{{ $t('labAnalysis.current') }}</th><th class="n">{{ $t('labAnalysis.analysed') }}</th><th class="n">{{ $t('labAnalysis.difference') }}</th></tr></thead>
            <tbody><tr v-for="c in a.changes" :key="c.nutrient" :data-nutrient="c.nutrient">
              <td>{{ nutrientName(c.nutrient) }} ({{ c.unit }})</td><td class="n">{{ number(c.current, 2) }}</td><td class="n">{{ number(c.analysed, 2) }}</td>
              <td class="n">{{ c.difference == null ? '–' : signed(c.difference, 2) }}<span v-if="c.relativeChangePercent != null" class="muted"> ({{ signed(c.relativeChangePercent, 0) }} %)</span></td>
            </tr></tbody>
          </table>
          <h4>{{ $t('labAnalysis.blastRadius', { n: a.rations.length }) }}</h4>
          <table v-if="a.rations.length" data-testid="lab-rations">
            <thead><tr><th>{{ $t('labAnalysis.group') }}</th><th class="n">{{ $t('labAnalysis.cost') }}</th><th class="n">{{ $t('labAnalysis.asFed') }}</th><th class="n">{{ $t('labAnalysis.lowest') }}</th></tr></thead>
            <tbody><tr v-for="r in a.rations" :key="r.groupId" :data-group="r.groupId">
              <td>{{ r.groupName }}</td>
              <td class="n" data-testid="lab-cost">{{ money(r.before.costPerHeadPerDay, currency) }} → {{ money(r.reEvaluated.costPerHeadPerDay, currency) }}
                ({{ signedMoney(r.reEvaluated.costPerHeadPerDay - r.before.costPerHeadPerDay) }})</td>
              <td class="n" data-testid="lab-as-fed">{{ number(r.before.asFedKgPerHead, 2) }} → {{ number(r.reEvaluated.asFedKgPerHead, 2) }} kg</td>
              <td class="n">{{ lowest(r.before) ? lowest(r.before).nutrient + ' ' + number(lowest(r.before).percentOfRequirement, 0) + ' %' : '–' }} →
                {{ lowest(r.reEvaluated) ? lowest(r.reEvaluated).nutrient + ' ' + number(lowest(r.reEvaluated).percentOfRequirement, 0) + ' %' : '–' }}</td>
            </tr></tbody>
          </table>
          <p v-else class="muted">{{ $t('labAnalysis.noRations') }}</p>
          <button type="button" class="primary" :disabled="busy" @click="apply(a.row)" data-testid="lab-apply">{{ $t('labAnalysis.apply') }}</button>
        </div>
      </template>
      <div v-if="applied" data-testid="lab-applied">
        <p>{{ $t('labAnalysis.applied', { row: applied.row, n: applied.rations.length }) }}</p>
        <ul><li v-for="r in applied.rations" :key="r.groupId" :data-group="r.groupId">{{ r.groupName }}: {{ outcomeText(r) }}</li></ul>
      </div>
    </div>`,
};
