// Growth simulation for beef and Hanwoo: an animal, a phased ration plan (shares of DM, prices), and the projected
// body weight, daily gain and cumulative feed cost over the fattening period (POST /api/v1/growth/simulate).
import { request } from "../api.js";
import { EChart } from "../chart.js";
import { useFarm } from "../farm.js";
import { number, money } from "../i18n.js";
import { NotFoundPage } from "./notfound.js";

const phase = (name, until, shares) => ({ name, untilBodyWeightKg: until, feeds: shares.map(([feed, share, price]) => ({ feed, share, price })) });

export const GrowthPage = {
  components: { EChart, NotFoundPage },
  props: { farmId: String },
  setup(props) {
    const { t } = VueI18n.useI18n();
    const { farm, notFound, error } = useFarm(props.farmId);
    // A typical Hanwoo steer programme: early fattening on more roughage, late fattening on concentrate.
    const animal = Vue.reactive({ breed: "hanwoo", sex: "steer", bodyWeightKg: 350, ageMonths: 13, targetGainKgPerDay: 0.9 });
    const plan = Vue.reactive({ targetBodyWeightKg: 750, stepDays: 7 });
    const phases = Vue.reactive([
      phase("early fattening", 550, [["Corn grain dry, fine grind", 50, 450000], ["Soybean meal, solvent 48CP", 15, 750000], ["Wheat straw", 35, 200000]]),
      phase("late fattening", null, [["Corn grain dry, fine grind", 70, 450000], ["Soybean meal, solvent 48CP", 10, 750000], ["Wheat straw", 20, 200000]]),
    ]);
    const result = Vue.ref(null);
    const busy = Vue.ref(false);

    async function run() {
      busy.value = true;
      error.value = null;
      try {
        result.value = await request("POST", "/api/v1/growth/simulate", {
          animal: { ...animal, bodyWeightKg: Number(animal.bodyWeightKg), ageMonths: Number(animal.ageMonths), targetGainKgPerDay: Number(animal.targetGainKgPerDay) },
          phases: phases.map((p) => ({
            name: p.name,
            untilBodyWeightKg: p.untilBodyWeightKg ? Number(p.untilBodyWeightKg) : null,
            feeds: p.feeds.map((f) => ({ feed: f.feed, percentOfDryMatter: Number(f.share), pricePerKgAsFed: Number(f.price) / 1000 })),
          })),
          stepDays: Number(plan.stepDays),
          targetBodyWeightKg: Number(plan.targetBodyWeightKg),
        });
      } catch (e) {
        error.value = e.problem?.errors ? Object.entries(e.problem.errors).map(([k, v]) => `${k}: ${v.join(" ")}`).join("; ") : e.message;
      } finally {
        busy.value = false;
      }
    }

    const chart = Vue.computed(() => {
      const steps = result.value?.steps ?? [];
      return {
        animation: false,
        grid: { left: 60, right: 70, top: 50, bottom: 40 },
        tooltip: { trigger: "axis" },
        legend: { top: 0, data: [t("growth.bodyWeight"), t("growth.gain"), t("growth.cost")] },
        xAxis: { type: "category", name: t("growth.day"), data: steps.map((s) => s.day) },
        yAxis: [
          { type: "value", name: "kg", min: (v) => Math.floor(v.min / 50) * 50 },
          { type: "value", name: "kg/d", position: "right", min: 0 },
          { type: "value", name: farm.value?.currency ?? "", position: "right", offset: 0, show: false },
        ],
        series: [
          { name: t("growth.bodyWeight"), type: "line", data: steps.map((s) => Number(s.bodyWeightKg.toFixed(1))), symbol: "none" },
          { name: t("growth.gain"), type: "line", yAxisIndex: 1, data: steps.map((s) => Number(s.gainKgPerDay.toFixed(3))), symbol: "none", lineStyle: { type: "dashed" } },
          { name: t("growth.cost"), type: "line", yAxisIndex: 2, data: steps.map((s) => Math.round(s.cumulativeFeedCost)), symbol: "none", lineStyle: { type: "dotted" } },
        ],
      };
    });
    return { farm, notFound, error, animal, plan, phases, result, busy, run, chart, number, money };
  },
  template: `
    <NotFoundPage v-if="notFound" />
    <template v-else>
      <p v-if="error" class="error" data-testid="growth-error">{{ error }}</p>
      <template v-if="farm">
      <h1><router-link :to="'/farms/' + farmId">{{ farm.name }}</router-link> · {{ $t('growth.title') }}</h1>
      <section class="card">
        <div class="toolbar">
          <label>{{ $t('growth.breed') }} <select v-model="animal.breed"><option value="hanwoo">{{ $t('breed.hanwoo') }}</option><option value="holstein">{{ $t('breed.holstein') }}</option>
            <option value="holstein-x-hanwoo">{{ $t('breed.holsteinHanwooCross') }}</option><option value="angus">{{ $t('breed.angus') }}</option></select></label>
          <label>{{ $t('growth.sex') }} <select v-model="animal.sex"><option value="steer">{{ $t('growth.sexes.steer') }}</option><option value="bull">{{ $t('growth.sexes.bull') }}</option><option value="heifer">{{ $t('growth.sexes.heifer') }}</option></select></label>
          <label>{{ $t('growth.startWeight') }} <input v-model="animal.bodyWeightKg" size="5" data-testid="start-weight"></label>
          <label>{{ $t('growth.ageMonths') }} <input v-model="animal.ageMonths" size="4"></label>
          <label>{{ $t('growth.targetWeight') }} <input v-model="plan.targetBodyWeightKg" size="5" data-testid="target-weight"></label>
        </div>
        <table v-for="(p, i) in phases" :key="i" class="phase">
          <thead><tr><th>{{ p.name }} <span v-if="i < phases.length - 1">({{ $t('growth.until') }} <input v-model="p.untilBodyWeightKg" size="5"> kg)</span></th>
            <th class="n">% DM</th><th class="n">{{ $t('growth.pricePerTonne') }}</th></tr></thead>
          <tbody><tr v-for="(f, j) in p.feeds" :key="j"><td>{{ f.feed }}</td><td class="n"><input v-model="f.share" size="4"></td><td class="n"><input v-model="f.price" size="8"></td></tr></tbody>
        </table>
        <button class="primary" type="button" @click="run" :disabled="busy" data-testid="simulate">{{ $t('growth.simulate') }}</button>
      </section>
      <section class="card" v-if="result">
        <p data-testid="growth-summary">{{ $t('growth.summary', { days: result.summary.days, weight: number(result.summary.finalBodyWeightKg, 0),
          gain: number(result.summary.averageGainKgPerDay, 2), cost: money(result.summary.totalFeedCost, farm.currency),
          carcass: number(result.summary.hotCarcassWeightKg, 0) }) }}</p>
        <p v-if="result.summary.stop !== 'targetReached' && result.summary.stop !== 'planCompleted'" class="error" data-testid="growth-stop">{{ $t('growth.stop.' + result.summary.stop) }}</p>
        <EChart :option="chart" name="growth" testid="growth-chart" />
      </section>
      </template>
    </template>`,
};
