// Growth simulation for beef and Hanwoo: an animal, a phased ration plan (shares of DM, prices), and the projected
// body weight, daily gain and cumulative feed cost over the fattening period (POST /api/v1/growth/simulate).
import { get, request } from "../api.js";
import { EChart } from "../chart.js";
import { useFarm } from "../farm.js";
import { number, money } from "../i18n.js";
import { NotFoundPage } from "./notfound.js";

const phase = (name, until, shares) => ({ name, untilBodyWeightKg: until, feeds: shares.map(([feed, share, price, label]) => ({ feed, share, price, label: label ?? feed })) });

// Korean library feeds a Hanwoo farm starts from (the API's default beef candidates), KRW per tonne as fed. Phases are named by
// their code (the beef model's BeefGrowthPhase) and shown in the UI language.
const koreanPlan = () => [
  phase("earlyFattening", 550, [["kr:611", 80, 610000, "한우 비육전기 배합사료"], ["kr:693", 20, 280000, "볏짚"]]),
  phase("lateFattening", null, [["kr:612", 88, 630000, "한우 비육후기 배합사료"], ["kr:693", 12, 280000, "볏짚"]]),
];

const beefBreed = { hanwoo: "hanwoo", holsteinHanwooCross: "holstein-x-hanwoo", angus: "angus", holstein: "holstein" };

export const GrowthPage = {
  components: { EChart, NotFoundPage },
  props: { farmId: String },
  setup(props) {
    const { t } = VueI18n.useI18n();
    const { farm, notFound, error, loaded } = useFarm(props.farmId);
    // A typical Hanwoo steer programme: early fattening on more roughage, late fattening on concentrate.
    const animal = Vue.reactive({ breed: "hanwoo", sex: "steer", bodyWeightKg: 350, ageMonths: 13, targetGainKgPerDay: 0.9 });
    const plan = Vue.reactive({ targetBodyWeightKg: 750, stepDays: 7 });
    const phases = Vue.reactive(koreanPlan());
    // The farm's own feeds (those with a library feed and a price) and beef groups: a plan starts from them.
    const farmFeeds = Vue.ref([]);
    const groups = Vue.ref([]);
    const groupId = Vue.ref("");
    loaded.then(async (f) => {
      if (!f) return;
      const [feeds, all] = await Promise.all([get(`/api/v1/farms/${props.farmId}/feeds`), get(`/api/v1/farms/${props.farmId}/groups`)]);
      farmFeeds.value = feeds.filter((x) => x.definition.libraryFeedId && x.pricePerKgAsFed != null)
        .map((x) => ({ feed: x.definition.libraryFeedId, label: x.definition.name, price: Math.round(x.pricePerKgAsFed * 1000), forage: x.definition.isForage }));
      groups.value = all.filter((g) => beefBreed[g.inputs.breed] && (g.inputs.breed !== "holstein" || ["growingSteer", "fatteningSteer"].includes(g.inputs.state)));
      // The plan's feeds at the farm's prices where the farm has them.
      for (const p of phases) {
        for (const row of p.feeds) {
          const own = farmFeeds.value.find((x) => x.feed === row.feed);
          if (own) Object.assign(row, { price: own.price, label: own.label });
        }
      }
    }).catch(() => {});
    function useGroup() {
      const g = groups.value.find((x) => x.id === groupId.value);
      if (!g) return;
      Object.assign(animal, {
        breed: beefBreed[g.inputs.breed], sex: g.inputs.state === "heifer" ? "heifer" : "steer", bodyWeightKg: g.inputs.bodyWeightKg,
        ageMonths: Math.round((g.inputs.ageDays / 30.4) * 10) / 10, targetGainKgPerDay: g.inputs.targetGainKgPerDay > 0 ? g.inputs.targetGainKgPerDay : animal.targetGainKgPerDay,
      });
    }
    function chooseFeed(row) {
      const own = farmFeeds.value.find((x) => x.feed === row.feed);
      if (own) Object.assign(row, { price: own.price, label: own.label });
    }
    function addFeed(p) {
      const first = farmFeeds.value[0];
      if (first) p.feeds.push({ feed: first.feed, share: 0, price: first.price, label: first.label });
    }
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
          { type: "value", name: t("growth.kgPerDay"), position: "right", min: 0 },
          { type: "value", name: farm.value?.currency ?? "", position: "right", offset: 0, show: false },
        ],
        series: [
          { name: t("growth.bodyWeight"), type: "line", data: steps.map((s) => Number(s.bodyWeightKg.toFixed(1))), symbol: "none" },
          { name: t("growth.gain"), type: "line", yAxisIndex: 1, data: steps.map((s) => Number(s.liveGainKgPerDay.toFixed(3))), symbol: "none", lineStyle: { type: "dashed" } },
          { name: t("growth.cost"), type: "line", yAxisIndex: 2, data: steps.map((s) => Math.round(s.cumulativeFeedCost)), symbol: "none", lineStyle: { type: "dotted" } },
        ],
      };
    });
    return { farm, notFound, error, animal, plan, phases, result, busy, run, chart, number, money, farmFeeds, groups, groupId, useGroup, chooseFeed, addFeed };
  },
  template: `
    <NotFoundPage v-if="notFound" />
    <template v-else>
      <p v-if="error" class="error" data-testid="growth-error">{{ error }}</p>
      <template v-if="farm">
      <h1><router-link :to="'/farms/' + farmId">{{ farm.name }}</router-link> · {{ $t('growth.title') }}</h1>
      <section class="card">
        <div class="toolbar" v-if="groups.length">
          <label>{{ $t('growth.fromGroup') }} <select v-model="groupId" @change="useGroup" data-testid="growth-group"><option value="">–</option>
            <option v-for="g in groups" :key="g.id" :value="g.id">{{ g.name }}</option></select></label>
        </div>
        <div class="toolbar">
          <label>{{ $t('growth.breed') }} <select v-model="animal.breed"><option value="hanwoo">{{ $t('breed.hanwoo') }}</option><option value="holstein">{{ $t('breed.holstein') }}</option>
            <option value="holstein-x-hanwoo">{{ $t('breed.holsteinHanwooCross') }}</option><option value="angus">{{ $t('breed.angus') }}</option></select></label>
          <label>{{ $t('growth.sex') }} <select v-model="animal.sex"><option value="steer">{{ $t('growth.sexes.steer') }}</option><option value="bull">{{ $t('growth.sexes.bull') }}</option><option value="heifer">{{ $t('growth.sexes.heifer') }}</option></select></label>
          <label>{{ $t('growth.startWeight') }} <input v-model="animal.bodyWeightKg" size="5" data-testid="start-weight"></label>
          <label>{{ $t('growth.ageMonths') }} <input v-model="animal.ageMonths" size="4"></label>
          <label>{{ $t('growth.targetWeight') }} <input v-model="plan.targetBodyWeightKg" size="5" data-testid="target-weight"></label>
        </div>
        <table v-for="(p, i) in phases" :key="i" class="phase">
          <thead><tr><th>{{ $te('growth.phases.' + p.name) ? $t('growth.phases.' + p.name) : p.name }} <span v-if="i < phases.length - 1">({{ $t('growth.until') }} <input v-model="p.untilBodyWeightKg" size="5"> kg)</span></th>
            <th class="n">{{ $t('analysis.units.pctDm') }}</th><th class="n">{{ $t('growth.pricePerTonne') }}</th></tr></thead>
          <tbody><tr v-for="(f, j) in p.feeds" :key="j">
            <td><select v-if="farmFeeds.length" v-model="f.feed" @change="chooseFeed(f)" data-testid="growth-feed">
                <option v-if="!farmFeeds.some((x) => x.feed === f.feed)" :value="f.feed">{{ f.label }}</option>
                <option v-for="x in farmFeeds" :key="x.feed" :value="x.feed">{{ x.label }}</option></select>
              <span v-else>{{ f.label }}</span></td>
            <td class="n"><input v-model="f.share" size="4"></td><td class="n"><input v-model="f.price" size="8"></td></tr></tbody>
          <tfoot v-if="farmFeeds.length"><tr><td colspan="3"><button type="button" @click="addFeed(p)">{{ $t('growth.addFeed') }}</button></td></tr></tfoot>
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
