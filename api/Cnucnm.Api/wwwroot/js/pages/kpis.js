// Feeding KPIs of the farm and each group over a period (GET /api/v1/farms/{farmId}/kpis, at most 366 days), with their
// units and a trend chart of one KPI per day. Definitions: docs/analytics.md, "Farm KPIs".
import { get } from "../api.js";
import { useFarm } from "../farm.js";
import { number, money, date } from "../i18n.js";
import { EChart } from "../chart.js";
import { NotFoundPage } from "./notfound.js";

/** The KPIs in the order shown, with how each is formatted. */
export const KPI_KEYS = [
  { key: "dryMatterIntakeKgPerHeadPerDay", decimals: 2 },
  { key: "feedCostPerHeadPerDay", money: true },
  { key: "feedCostPerKgMilk", money: true },
  { key: "feedCostPerKgGain", money: true },
  { key: "incomeOverFeedCostPerHeadPerDay", money: true },
  { key: "milkKgPerKgDryMatter", decimals: 3 },
  { key: "gainKgPerKgDryMatter", decimals: 3 },
  { key: "refusalsPercentOfDelivered", decimals: 1 },
  { key: "rationCompliancePercent", decimals: 1 },
  { key: "daysWithoutRation", decimals: 0 },
];

/** A calendar day (YYYY-MM-DD) in the farm's time zone: the API counts intake days in it. */
function farmDay(timeZone, offsetDays = 0) {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: timeZone || "UTC", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offsetDays);
  return d.toISOString().slice(0, 10);
}

export const KpisPage = {
  components: { NotFoundPage, EChart },
  props: { farmId: String },
  setup(props) {
    const { t } = VueI18n.useI18n();
    const { farm, notFound, error, loaded } = useFarm(props.farmId);
    const period = Vue.reactive({ from: "", to: "", milkPricePerKg: "", carcassPricePerKg: "", dressingPercent: "" });
    const report = Vue.ref(null);
    const metric = Vue.ref("dryMatterIntakeKgPerHeadPerDay");
    const loading = Vue.ref(false);

    async function load() {
      loading.value = true;
      error.value = null;
      try {
        const query = new URLSearchParams({ from: period.from, to: period.to });
        for (const name of ["milkPricePerKg", "carcassPricePerKg", "dressingPercent"]) {
          if (period[name] !== "" && period[name] !== null) query.set(name, period[name]);
        }
        report.value = await get(`/api/v1/farms/${props.farmId}/kpis?${query}`);
      } catch (e) {
        error.value = e.problem?.errors ? Object.entries(e.problem.errors).map(([f, m]) => `${f}: ${m.join(" ")}`).join("; ") : e.message;
      } finally {
        loading.value = false;
      }
    }

    // The last n complete days in the farm's time zone: today is still filling (half a day of deliveries would read as
    // half the compliance), pick it by hand to see the day so far.
    function last(n, f = farm.value) {
      if (!f) return;
      period.to = farmDay(f.timeZone, -1);
      period.from = farmDay(f.timeZone, -n);
      return load();
    }

    loaded.then((f) => (f ? last(30, f) : undefined)).catch((e) => { error.value = e.message; });

    const scopes = Vue.computed(() => report.value?.farm
      ? [{ id: "farm", name: t("kpis.farm"), kpis: report.value.farm, daily: report.value.daily, weekly: report.value.weekly ?? [] },
        ...report.value.groups.map((g) => ({ id: g.groupId, name: g.group, kpis: g.kpis, daily: g.daily, weekly: g.weekly ?? [] }))]
      : []);

    // Income over feed cost without any product price is only the feed cost with a minus sign: not shown.
    const priced = () => (report.value?.prices?.milkPerKg ?? 0) > 0 || (report.value?.prices?.carcassPerKg ?? 0) > 0;
    const format = (spec, value) => (value === null || value === undefined || (spec.key === "incomeOverFeedCostPerHeadPerDay" && !priced())
      ? t("kpis.noValue")
      : spec.money ? money(value, report.value?.currency) : number(value, spec.decimals));
    const unit = (key) => t(`kpis.units.${key}`, { currency: report.value?.currency ?? "" });

    const chart = Vue.computed(() => {
      const days = [...new Set(scopes.value.flatMap((s) => s.daily.map((d) => d.scope)))].sort();
      const spec = KPI_KEYS.find((k) => k.key === metric.value);
      const round = (v) => (v === null || v === undefined ? null : Number(v.toFixed(spec.money ? 0 : 3)));
      return {
        animation: false,
        grid: { left: 70, right: 20, top: 60, bottom: 30 },
        tooltip: { trigger: "axis" },
        legend: { top: 0, data: scopes.value.map((s) => s.name) },
        xAxis: { type: "category", data: days.map((d) => date(d)) },
        yAxis: { type: "value", name: unit(metric.value), scale: true },
        series: scopes.value.map((s) => {
          const byDay = Object.fromEntries(s.daily.map((d) => [d.scope, d[metric.value]]));
          return { name: s.name, type: "line", connectNulls: false, symbolSize: 5, data: days.map((d) => round(byDay[d])),
            lineStyle: s.id === "farm" ? { width: 3 } : undefined };
        }),
      };
    });

    // Economics over time for the farm or one group, per day or per week: IOFC (only with a product price), feed cost per kg milk and
    // per kg gain on the money axis, feed efficiency on the other; a series the scope never has (gain of a milking pen) is left out.
    const economics = Vue.reactive({ scope: "farm", interval: "day" });
    const economicsChart = Vue.computed(() => {
      const scope = scopes.value.find((s) => s.id === economics.scope) ?? scopes.value[0];
      const points = (economics.interval === "week" ? scope?.weekly : scope?.daily) ?? [];
      const currency = report.value?.currency ?? "";
      // Income over feed cost only where a product of the point is priced (milk with a milk price, gain with a carcass price): without,
      // it is only the feed cost with a minus sign.
      const milkPrice = report.value?.prices?.milkPerKg ?? 0;
      const carcassPrice = report.value?.prices?.carcassPerKg ?? 0;
      const hasIncome = (p) => (milkPrice > 0 && p.milkKgPerKgDryMatter != null) || (carcassPrice > 0 && p.gainKgPerKgDryMatter != null);
      const line = (key, axis, decimals) => ({
        key, name: t(`kpis.names.${key}`), type: "line", yAxisIndex: axis, symbolSize: 5, connectNulls: false,
        data: points.map((p) => (p[key] === null || p[key] === undefined || (key === "incomeOverFeedCostPerHeadPerDay" && !hasIncome(p)) ? null : Number(p[key].toFixed(decimals)))),
      });
      const series = [line("incomeOverFeedCostPerHeadPerDay", 0, 0), line("feedCostPerKgMilk", 0, 0), line("feedCostPerKgGain", 0, 0),
        line("milkKgPerKgDryMatter", 1, 3), line("gainKgPerKgDryMatter", 1, 3)].filter((s) => s.data.some((v) => v !== null));
      return {
        animation: false,
        grid: { left: 70, right: 70, top: 60, bottom: 30 },
        tooltip: { trigger: "axis" },
        legend: { top: 0, data: series.map((s) => s.name) },
        xAxis: { type: "category", data: points.map((p) => (economics.interval === "week" ? t("kpis.economics.weekOf", { d: date(p.scope) }) : date(p.scope))) },
        yAxis: [{ type: "value", name: t("kpis.economics.money", { currency }), scale: true },
          { type: "value", name: t("kpis.economics.efficiency"), scale: true, position: "right" }],
        series: series.map(({ key, ...s }) => s),
      };
    });

    return { farm, notFound, error, loading, period, report, metric, scopes, chart, load, last, format, unit, KPI_KEYS, number, economics, economicsChart };
  },
  template: `
    <NotFoundPage v-if="notFound" />
    <template v-else>
      <p v-if="error" class="error" data-testid="kpi-error">{{ $t('common.error', { m: error }) }}</p>
      <h1 v-if="farm"><router-link :to="'/farms/' + farmId">{{ farm.name }}</router-link> · {{ $t('kpis.title') }}</h1>
      <section class="card" v-if="farm">
        <form class="toolbar" @submit.prevent="load">
          <label>{{ $t('kpis.from') }} <input type="date" v-model="period.from" data-testid="kpi-from" required></label>
          <label>{{ $t('kpis.to') }} <input type="date" v-model="period.to" data-testid="kpi-to" required></label>
          <label>{{ $t('kpis.milkPrice') }} <input type="number" min="0" step="any" v-model="period.milkPricePerKg" data-testid="kpi-milk-price"></label>
          <label>{{ $t('kpis.carcassPrice') }} <input type="number" min="0" step="any" v-model="period.carcassPricePerKg" data-testid="kpi-carcass-price"></label>
          <label>{{ $t('kpis.dressing') }} <input type="number" min="0" max="100" step="any" v-model="period.dressingPercent" data-testid="kpi-dressing"></label>
          <button type="submit" :disabled="loading" data-testid="kpi-show">{{ $t('kpis.show') }}</button>
          <button v-for="n in [30, 90, 365]" :key="n" type="button" :disabled="loading" :data-testid="'kpi-last-' + n" @click="last(n)">{{ $t('kpis.last', { n }) }}</button>
        </form>
        <p class="muted">{{ $t('kpis.pricesHint') }}</p>
      </section>
      <p v-if="report && !report.farm" data-testid="kpi-none">{{ $t('kpis.none') }}</p>
      <template v-if="report && report.farm">
        <section class="card">
          <table data-testid="kpi-table">
            <thead><tr>
              <th>{{ $t('kpis.kpi') }}</th><th>{{ $t('kpis.unit') }}</th>
              <th v-for="s in scopes" :key="s.id" class="n" :data-scope="s.id">{{ s.name }}</th>
            </tr></thead>
            <tbody>
              <tr v-for="spec in KPI_KEYS" :key="spec.key" :data-kpi="spec.key">
                <td>{{ $t('kpis.names.' + spec.key) }}</td><td class="muted">{{ unit(spec.key) }}</td>
                <td v-for="s in scopes" :key="s.id" class="n" :data-testid="'kpi-' + spec.key + '-' + (s.id === 'farm' ? 'farm' : 'group')">{{ format(spec, s.kpis[spec.key]) }}</td>
              </tr>
              <tr>
                <td>{{ $t('kpis.headDays') }}</td><td></td>
                <td v-for="s in scopes" :key="s.id" class="n">{{ number(s.kpis.headDays, 0) }}</td>
              </tr>
            </tbody>
          </table>
          <p v-if="report.farm.daysWithoutRation > 0" class="muted" data-testid="kpi-without-ration">{{ $t('kpis.withoutRation', { n: report.farm.daysWithoutRation }) }}</p>
        </section>
        <section class="card">
          <h2>{{ $t('kpis.trend') }}</h2>
          <div class="toolbar">
            <label>{{ $t('kpis.metric') }}
              <select v-model="metric" data-testid="kpi-metric">
                <option v-for="spec in KPI_KEYS" :key="spec.key" :value="spec.key">{{ $t('kpis.names.' + spec.key) }}</option>
              </select>
            </label>
          </div>
          <EChart :option="chart" name="kpi-trend" testid="kpi-chart" />
        </section>
        <section class="card" data-testid="economics">
          <h2>{{ $t('kpis.economics.title') }}</h2>
          <div class="toolbar">
            <label>{{ $t('kpis.economics.scope') }}
              <select v-model="economics.scope" data-testid="economics-scope">
                <option v-for="s in scopes" :key="s.id" :value="s.id">{{ s.name }}</option>
              </select>
            </label>
            <label>{{ $t('kpis.economics.interval') }}
              <select v-model="economics.interval" data-testid="economics-interval">
                <option value="day">{{ $t('kpis.economics.day') }}</option>
                <option value="week">{{ $t('kpis.economics.week') }}</option>
              </select>
            </label>
          </div>
          <p class="muted">{{ $t('kpis.economics.hint', { currency: report.currency }) }}</p>
          <EChart :option="economicsChart" name="economics-trend" testid="economics-chart" />
        </section>
      </template>
    </template>`,
};
