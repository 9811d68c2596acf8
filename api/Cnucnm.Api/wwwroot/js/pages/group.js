// A group: inputs and their history, requirements vs supply, intake history (live), ration history, reports.
import { get, download, openHtml, request } from "../api.js";
import { useFarm, useFarmEvents, balanceState } from "../farm.js";
import { number, money, date, dateTime, i18n } from "../i18n.js";
import { EChart } from "../chart.js";
import { GroupForm } from "../groupform.js";
import { NotFoundPage } from "./notfound.js";
import { CompositionNotes } from "../compositionnotes.js";
import { RationAnalysis, RationCompare } from "../analysis.js";
import { GroupRecords } from "../records.js";
import { CopyRation } from "../copyration.js";

export const GroupPage = {
  components: { NotFoundPage, EChart, GroupForm, CompositionNotes, RationAnalysis, RationCompare, GroupRecords, CopyRation },
  props: { farmId: String, groupId: String },
  setup(props) {
    const { t } = VueI18n.useI18n();
    const { farm, notFound, error, loaded, can } = useFarm(props.farmId);
    const group = Vue.ref(null);
    const ration = Vue.ref(null);
    const intake = Vue.ref([]);
    const days = Vue.ref(30);
    const base = `/api/v1/farms/${props.farmId}/groups/${props.groupId}`;

    const loadGroup = async () => { group.value = await get(base); };
    const loadRation = async () => { ration.value = await get(`${base}/ration`); };
    const loadIntake = async () => { intake.value = await get(`${base}/intake?days=${days.value}`); };
    // Who changed a ration: actors are "user:{id}" (a member's name when known), "device:{key}" or the system.
    const editing = Vue.ref(false);
    const edited = (saved) => { group.value = saved; editing.value = false; loadRation(); };
    const people = Vue.ref({});
    const loadPeople = async () => {
      const members = await get(`/api/v1/farms/${props.farmId}/members`);
      people.value = Object.fromEntries(members.map((m) => [`user:${m.userId}`, m.displayName]));
    };
    const actor = (id) => people.value[id] ?? id;
    // The farm's ration policy (apply or suggest), shown with what it does and edited by those who manage the farm.
    const policy = Vue.ref(null);
    const policyChoice = Vue.ref(null);
    const policyMessage = Vue.ref(null);
    const loadPolicy = async () => {
      policy.value = await get(`/api/v1/farms/${props.farmId}/policy`);
      policyChoice.value = policy.value.reformulation;
    };
    async function savePolicy() {
      policyMessage.value = null;
      try {
        policy.value = await request("PUT", `/api/v1/farms/${props.farmId}/policy`, { ...policy.value, reformulation: policyChoice.value });
        policyMessage.value = "policy.saved";
      } catch (e) {
        error.value = e.problem?.errors ? JSON.stringify(e.problem.errors) : e.message;
      }
    }
    loaded.then((f) => f && Promise.all([loadGroup(), loadRation(), loadIntake(), loadPolicy(), loadPeople().catch(() => {})]))
      .catch((e) => { if (e.status === 404) notFound.value = true; else error.value = e.message; });
    Vue.watch(days, loadIntake);
    // Ration-change reasons and the near miss's texts come from the server in the UI language: fetch them again when it changes.
    Vue.watch(i18n.global.locale, () => loadRation().catch((e) => { error.value = e.message; }));

    const live = useFarmEvents(props.farmId, {
      intakeRecorded: (e) => {
        if (e.groupId !== props.groupId || !group.value) return;
        group.value.intake.todayDryMatterKgPerHead = e.values.todayDryMatterKgPerHead;
        loadIntake();
      },
      groupChanged: (e) => e.groupId === props.groupId && loadGroup(),
      rationChanged: (e) => e.groupId === props.groupId && loadRation(),
      suggestionCreated: (e) => e.groupId === props.groupId && loadRation(),
      reset: () => Promise.all([loadGroup(), loadRation(), loadIntake()]).catch((e) => { error.value = e.message; }),
    });

    // The key figures: energy, metabolizable protein, Ca, P and the first-limiting amino acids.
    const keyNutrients = ["ME", "MP", "Ca", "P", "Lys", "Met", "His"];
    const balanceChart = Vue.computed(() => {
      const all = ration.value?.current?.balances ?? [];
      const balances = all.filter((b) => keyNutrients.includes(b.nutrient));
      const axisMaxPercent = 200;
      return {
        animation: false,
        grid: { left: 150, right: 30, top: 30, bottom: 30 },
        tooltip: {
          trigger: "axis",
          formatter: (items) => items.map((item) => {
            const b = balances[item.dataIndex];
            return `${b.nutrient}: ${t("group.supplied")} ${number(b.supplied, 1)} / ${t("group.required")} ${number(b.required, 1)} ${b.unit} (${number(b.percentOfRequirement, 0)} %)`;
          }).join("<br>"),
        },
        xAxis: { type: "value", name: "%", max: axisMaxPercent },
        yAxis: { type: "category", data: balances.map((b) => `${b.nutrient} (${b.unit})`), inverse: true },
        series: [{
          name: t("group.supplied"), type: "bar",
          // Oversupply beyond the axis is drawn to its end; the label keeps the true figure.
          data: balances.map((b) => ({ value: Math.min(axisMaxPercent, Math.round(b.percentOfRequirement)), itemStyle: { color: { short: "#c0392b", "within-tolerance": "#d68910", met: "#2e7d5b" }[balanceState(b)] } })),
          label: { show: true, position: "insideRight", color: "#fff", formatter: (p) => `${number(balances[p.dataIndex].percentOfRequirement, 0)} %` },
          markLine: { symbol: "none", data: [{ xAxis: 100 }], label: { formatter: t("group.required") }, lineStyle: { color: "#333" } },
        }],
      };
    });

    // Today's point comes from the live figure; earlier days from the stored readings and imported records (an imported day
    // carries the head fed that day).
    const intakeChart = Vue.computed(() => {
      const head = group.value?.inputs.headCount || 1;
      const today = group.value?.intake.today;
      const points = intake.value.map((d) => ({ day: d.day, actual: d.dryMatterKg / (d.headCount || head) }));
      if (today && group.value.intake.todayDryMatterKgPerHead != null) {
        const last = points.find((p) => p.day === today);
        if (last) last.actual = group.value.intake.todayDryMatterKgPerHead;
        else points.push({ day: today, actual: group.value.intake.todayDryMatterKgPerHead });
      }
      const predicted = group.value?.intake.predictedDryMatterKgPerHead;
      const formulated = ration.value?.current?.dryMatterKgPerHead ?? group.value?.intake.formulatedDryMatterKgPerHead;
      return {
        animation: false,
        grid: { left: 50, right: 20, top: 50, bottom: 30 },
        tooltip: { trigger: "axis" },
        legend: { top: 0, data: [t("group.actualSeries"), t("herd.predicted"), t("herd.formulated")] },
        xAxis: { type: "category", data: points.map((p) => date(p.day)) },
        yAxis: { type: "value", name: t("herd.kgHead"), min: 0 },
        series: [
          { name: t("group.actualSeries"), type: "line", data: points.map((p) => Number(p.actual.toFixed(2))), symbolSize: 6 },
          { name: t("herd.predicted"), type: "line", data: points.map(() => predicted ?? null), lineStyle: { type: "dashed" }, symbol: "triangle" },
          { name: t("herd.formulated"), type: "line", data: points.map(() => formulated ?? null), lineStyle: { type: "dotted" }, symbol: "diamond" },
        ],
      };
    });

    const language = () => i18n.global.locale.value;
    const reports = {
      mixerXlsx: () => download(`${base}/ration/mixer-sheet.xlsx?lang=${language()}`, "mixer-sheet.xlsx"),
      mixerCsv: () => download(`${base}/ration/mixer-sheet.csv?lang=${language()}`, "mixer-sheet.csv"),
      reportXlsx: () => download(`${base}/ration/report.xlsx?lang=${language()}`, "ration-report.xlsx"),
      reportHtml: () => openHtml(`${base}/ration/report.html?lang=${language()}`),
    };
    async function decide(action) {
      try {
        await request("POST", `${base}/ration/suggestions/${ration.value.suggestion.suggestionId}/${action}`);
        await loadRation();
      } catch (e) {
        error.value = e.message;
      }
    }
    const run = (report) => report().catch((e) => { error.value = e.message; });
    const itemsText = (version) => version.items.map((i) => `${i.name} ${number(i.kgDryMatterPerHead, 2)}`).join(", ");
    // Nutrients and diet limits the near miss names, in farm language (the workbench's names; the API's name where none).
    const limitName = (name) => {
      for (const key of [`workbench.nutrients.${name}`, `workbench.rails.${name}`]) {
        const text = t(key);
        if (text !== key) return text;
      }
      return name;
    };
    return { limitName, policy, policyChoice, policyMessage, savePolicy, editing, edited, live, decide, actor, farm, notFound, error, can, group, ration, days, balanceChart, intakeChart, reports, run, itemsText, number, money, date, dateTime };
  },
  template: `
    <NotFoundPage v-if="notFound" />
    <template v-else>
      <p v-if="error" class="error">{{ $t('common.error', { m: error }) }}</p>
      <template v-if="farm && group">
        <h1><router-link :to="'/farms/' + farmId">{{ farm.name }}</router-link> · <span data-testid="group-name">{{ group.name }}</span></h1>
        <div class="toolbar">
          <strong>{{ $t('herd.actual') }}:</strong> <span data-testid="group-actual-dmi">{{ number(group.intake.todayDryMatterKgPerHead, 2) }}</span> {{ $t('herd.kgHead') }}
          <span class="muted">· {{ $t('herd.predicted') }} <span data-testid="predicted-dmi-group">{{ number(group.intake.predictedDryMatterKgPerHead, 2) }}</span> · {{ $t('herd.formulated') }} {{ number(group.intake.formulatedDryMatterKgPerHead, 2) }}</span>
          <span class="tag" :data-live="live ? 'ready' : 'connecting'">{{ live ? $t('herd.live') : '…' }}</span>
          <span class="spacer"></span>
          <router-link v-if="can('formulate')" class="button" :to="'/farms/' + farmId + '/groups/' + groupId + '/workbench'" data-testid="workbench-link">{{ $t('group.workbench') }}</router-link>
        </div>
        <section class="card" v-if="ration?.suggestion" data-testid="suggestion">
          <h2>{{ $t('group.suggestion') }}</h2>
          <p v-if="ration.suggestion.bestPossible" class="error" data-testid="suggestion-best-possible">{{ $t('group.bestPossible', {
            missed: ration.suggestion.bestPossible.short.map((l) => limitName(l.nutrient)).concat(ration.suggestion.bestPossible.guardRailsMissed.map((g) => limitName(g.name))).join(', ') }) }}
            <router-link v-if="can('formulate')" :to="'/farms/' + farmId + '/groups/' + groupId + '/workbench'">{{ $t('group.waysOut') }}</router-link></p>
          <p>{{ ration.suggestion.proposed.cause.reason }} · {{ $t('group.costDifference') }}: {{ money(ration.suggestion.costDifferencePerHeadPerDay, farm.currency) }}</p>
          <RationCompare v-if="ration.current" :left="ration.current" :right="ration.suggestion.proposed" :currency="farm.currency"
            :left-label="$t('compare.current', { v: ration.current.version })" :right-label="$t('compare.proposed')" />
          <p v-else>{{ itemsText(ration.suggestion.proposed) }}</p>
          <div class="toolbar" v-if="can('approveRation')">
            <button class="primary" type="button" @click="decide('approve')" data-testid="approve">{{ $t('workbench.approve') }}</button>
            <button type="button" @click="decide('reject')" data-testid="reject">{{ $t('workbench.reject') }}</button>
          </div>
        </section>
        <section class="card">
          <h2>{{ $t('group.inputs') }}
            <button v-if="can('editGroups') && !editing" type="button" @click="editing = true" data-testid="edit-group">{{ $t('group.edit') }}</button></h2>
          <GroupForm v-if="editing" :farm-id="farmId" :group="group" @saved="edited" @cancel="editing = false" />
          <dl v-else class="inputs" data-testid="inputs">
            <dt>{{ $t('herd.state') }}</dt><dd>{{ $t('state.' + group.inputs.state) }}</dd>
            <dt>{{ $t('group.breed') }}</dt><dd>{{ $t('breed.' + group.inputs.breed) }}</dd>
            <dt>{{ $t('herd.head') }}</dt><dd>{{ number(group.inputs.headCount, 0) }}</dd>
            <dt>{{ $t('group.bodyWeight') }}</dt><dd>{{ number(group.inputs.bodyWeightKg, 0) }}</dd>
            <dt>{{ $t('group.bcs') }}</dt><dd>{{ number(group.inputs.bodyConditionScore, 2) }}</dd>
            <dt>{{ $t('group.ageDays') }}</dt><dd>{{ number(group.inputs.ageDays, 0) }}</dd>
            <dt>{{ $t('group.parity') }}</dt><dd>{{ group.inputs.parity }}</dd>
            <dt>{{ $t('group.daysPregnant') }}</dt><dd>{{ group.inputs.daysPregnant }}</dd>
            <template v-if="group.inputs.state === 'lactatingCow'">
              <dt>{{ $t('group.dim') }}</dt><dd>{{ group.inputs.daysInMilk }}</dd>
              <dt>{{ $t('group.milk') }}</dt><dd>{{ number(group.inputs.milkKgPerDay, 1) }}</dd>
              <dt>{{ $t('group.fat') }}</dt><dd>{{ number(group.inputs.milkFatPercent, 2) }}</dd>
              <dt>{{ $t('group.protein') }}</dt><dd>{{ number(group.inputs.milkTrueProteinPercent, 2) }}</dd>
            </template>
            <dt>{{ $t('group.gain') }}</dt><dd>{{ number(group.inputs.targetGainKgPerDay, 2) }}</dd>
          </dl>
          <GroupRecords :farm-id="farmId" :group="group" :farm="farm" :can-edit="can('editGroups')" :actor="actor" @saved="edited" :key="group.version" />
        </section>
        <div class="grid2">
          <section class="card">
            <h2>{{ $t('group.intakeHistory') }}</h2>
            <div class="toolbar">
              <label><input type="radio" :value="30" v-model="days"> {{ $t('group.days', { n: 30 }) }}</label>
              <label><input type="radio" :value="90" v-model="days"> {{ $t('group.days', { n: 90 }) }}</label>
              <label><input type="radio" :value="365" v-model="days" data-testid="intake-days-365"> {{ $t('group.days', { n: 365 }) }}</label>
            </div>
            <EChart :option="intakeChart" name="intake-history" testid="intake-chart" />
          </section>
          <section class="card">
            <h2>{{ $t('group.requirementsSupply') }}</h2>
            <p v-if="!ration?.current">{{ $t('group.noRation') }}</p>
            <EChart v-else :option="balanceChart" name="requirements-supply" testid="balance-chart" />
            <CompositionNotes :notes="ration?.current?.compositionNotes ?? []" />
          </section>
        </div>
        <section class="card" v-if="ration?.current" data-testid="group-analysis">
          <RationAnalysis :version="ration.current" :inputs="group.inputs" :predicted-dmi="group.intake.predictedDryMatterKgPerHead" :currency="farm.currency" />
        </section>
        <section class="card" v-if="policy" data-testid="policy">
          <h2>{{ $t('policy.title') }}</h2>
          <div class="toolbar">
            <label>{{ $t('policy.label') }}
              <select v-model="policyChoice" :disabled="!can('manageFarm')" data-testid="policy-choice">
                <option value="suggest">{{ $t('policy.suggest') }}</option>
                <option value="automatic">{{ $t('policy.automatic') }}</option>
              </select></label>
            <button v-if="can('manageFarm')" type="button" :disabled="policyChoice === policy.reformulation" @click="savePolicy" data-testid="policy-save">{{ $t('policy.save') }}</button>
            <span v-if="policyMessage" data-testid="policy-message">{{ $t(policyMessage) }}</span>
          </div>
          <p data-testid="policy-text">{{ $t(policy.reformulation === 'automatic' ? 'policy.automaticText' : 'policy.suggestText') }}</p>
          <p class="hint">{{ $t('policy.bestPossibleText') }}</p>
          <p v-if="ration && !ration.current && policy.reformulation === 'suggest'" class="hint" data-testid="policy-first-ration">{{ $t('policy.firstRation') }}</p>
        </section>
        <section class="card" v-if="ration?.current">
          <h2>{{ $t('group.reports') }}</h2>
          <div class="toolbar">
            <router-link class="button" :to="'/farms/' + farmId + '/groups/' + groupId + '/mixer'" data-testid="mixer-link">{{ $t('mixer.title') }}</router-link>
            <button type="button" @click="run(reports.mixerXlsx)" data-testid="mixer-xlsx">{{ $t('group.mixerXlsx') }}</button>
            <button type="button" @click="run(reports.mixerCsv)" data-testid="mixer-csv">{{ $t('group.mixerCsv') }}</button>
            <button type="button" @click="run(reports.reportHtml)" data-testid="report-html">{{ $t('group.reportHtml') }}</button>
            <button type="button" @click="run(reports.reportXlsx)" data-testid="report-xlsx">{{ $t('group.reportXlsx') }}</button>
          </div>
        </section>
        <CopyRation v-if="can('formulate') && ration" :farm-id="farmId" :group-id="groupId" :snapshot="ration" :currency="farm.currency" />
        <section class="card">
          <h2>{{ $t('group.rationHistory') }}</h2>
          <table data-testid="ration-history">
            <thead><tr><th class="n">{{ $t('group.version') }}</th><th>{{ $t('group.when') }}</th><th>{{ $t('group.who') }}</th><th>{{ $t('group.what') }}</th><th>{{ $t('group.why') }}</th><th class="n">{{ $t('herd.costHead') }}</th></tr></thead>
            <tbody>
              <tr v-for="v in (ration?.history ?? []).slice().reverse()" :key="v.version">
                <td class="n">{{ v.version }}</td><td>{{ dateTime(v.createdAt) }}</td><td>{{ actor(v.cause.actor) }}</td>
                <td>{{ itemsText(v) }}</td><td>{{ v.cause.reason }}</td><td class="n">{{ money(v.costPerHeadPerDay, farm.currency) }}</td>
              </tr>
            </tbody>
          </table>
        </section>
      </template>
    </template>`,
};
