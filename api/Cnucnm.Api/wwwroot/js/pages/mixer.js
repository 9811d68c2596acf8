// Mixer sheet on screen: the pen's loads in loading order with each feed's name and DM %, kg as fed, the scale reading
// after each feed (cumulative, as the mixer wagon's scale shows it) and the loading tolerance band.
import { get } from "../api.js";
import { useFarm } from "../farm.js";
import { number } from "../i18n.js";
import { feedLabel } from "../feedname.js";
import { NotFoundPage } from "./notfound.js";

/**
 * The rows of one load: kg as fed per feed, the cumulative scale reading after it and the accepted band. The band is
 * ± tolerancePercent of the feed's kg as fed, but never narrower than the scale's step (a scale cannot show less).
 */
export function loadRows(load, feedsById, tolerancePercent, scaleStepKg) {
  let scale = 0;
  return load.lines.slice().sort((a, b) => a.order - b.order).map((line) => {
    scale += line.kgAsFed;
    const band = Math.max(line.kgAsFed * tolerancePercent / 100, scaleStepKg ?? 0);
    const feed = feedsById[line.feedId];
    return {
      order: line.order,
      feedId: line.feedId,
      name: feedLabel(feed?.definition.name ?? line.name),
      dryMatterPercent: feed?.definition.dryMatterPercent ?? null,
      kgAsFed: line.kgAsFed,
      scaleKg: scale,
      lowKg: Math.max(0, line.kgAsFed - band),
      highKg: line.kgAsFed + band,
    };
  });
}

export const MixerPage = {
  components: { NotFoundPage },
  props: { farmId: String, groupId: String },
  setup(props) {
    const { farm, notFound, error, loaded } = useFarm(props.farmId);
    const base = `/api/v1/farms/${props.farmId}`;
    const group = Vue.ref(null);
    const sheet = Vue.ref(null);
    const feedsById = Vue.ref({});
    const options = Vue.reactive({ mixerCapacityKgAsFed: null, tolerancePercent: 2, scaleStepKg: null });
    const noRation = Vue.ref(false);

    async function load() {
      const query = new URLSearchParams();
      if (options.mixerCapacityKgAsFed) query.set("mixerCapacityKgAsFed", options.mixerCapacityKgAsFed);
      if (options.scaleStepKg) query.set("scaleResolutionKg", options.scaleStepKg);
      const [g, feeds] = await Promise.all([get(`${base}/groups/${props.groupId}`), get(`${base}/feeds`)]);
      group.value = g;
      feedsById.value = Object.fromEntries(feeds.map((f) => [f.definition.feedId, f]));
      try {
        sheet.value = await get(`${base}/groups/${props.groupId}/ration/mixer-sheet?${query}`);
        noRation.value = false;
      } catch (e) {
        if (e.status !== 404) throw e;
        sheet.value = null;
        noRation.value = true;
      }
    }
    const reload = () => load().catch((e) => { error.value = e.problem?.errors ? JSON.stringify(e.problem.errors) : e.message; });
    loaded.then((f) => f && reload());

    const loads = Vue.computed(() => (sheet.value?.loads ?? []).map((l) => ({
      ...l,
      rows: loadRows(l, feedsById.value, Number(options.tolerancePercent) || 0, sheet.value.scaleResolutionKg),
      totalKg: l.lines.reduce((sum, line) => sum + line.kgAsFed, 0),
    })));
    const print = () => window.print();
    return { farm, notFound, error, group, sheet, loads, options, noRation, reload, print, number };
  },
  template: `
    <NotFoundPage v-if="notFound" />
    <template v-else>
      <p v-if="error" class="error">{{ $t('common.error', { m: error }) }}</p>
      <template v-if="farm && group">
        <h1><router-link :to="'/farms/' + farmId + '/groups/' + groupId">{{ group.name }}</router-link> · {{ $t('mixer.title') }}</h1>
        <form class="toolbar card" @submit.prevent="reload">
          <label>{{ $t('mixer.capacity') }} <input type="number" min="10" step="10" v-model="options.mixerCapacityKgAsFed" style="width:7em" data-testid="mixer-capacity"></label>
          <label>{{ $t('mixer.scaleStep') }} <input type="number" min="0.1" step="0.1" v-model="options.scaleStepKg" style="width:5em" data-testid="mixer-scale-step"></label>
          <label>{{ $t('mixer.tolerance') }} <input type="number" min="0" max="50" step="0.5" v-model="options.tolerancePercent" style="width:5em" data-testid="mixer-tolerance"></label>
          <button type="submit" data-testid="mixer-apply">{{ $t('mixer.apply') }}</button>
          <span class="spacer"></span>
          <button type="button" @click="print">{{ $t('mixer.print') }}</button>
        </form>
        <p v-if="noRation">{{ $t('mixer.noRation') }}</p>
        <template v-if="sheet">
          <p class="muted">{{ $t('mixer.summary', { version: sheet.rationVersion, head: sheet.headCount, kg: number(sheet.totalKgAsFed, 1), loads: sheet.loads.length }) }}</p>
          <p class="muted">{{ $t('mixer.toleranceHint') }}</p>
          <section class="card" v-for="l in loads" :key="l.loadNumber" :data-load="l.loadNumber">
            <h2>{{ $t('mixer.load', { n: l.loadNumber, head: l.headInLoad }) }}</h2>
            <table data-testid="mixer-load">
              <thead><tr>
                <th class="n">{{ $t('mixer.order') }}</th><th>{{ $t('feeds.feed') }}</th><th class="n">{{ $t('feeds.dm') }}</th>
                <th class="n">{{ $t('mixer.kgAsFed') }}</th><th class="n">{{ $t('mixer.scale') }}</th><th class="n">{{ $t('mixer.band') }}</th>
              </tr></thead>
              <tbody>
                <tr v-for="r in l.rows" :key="r.feedId" :data-feed="r.feedId">
                  <td class="n">{{ r.order }}</td>
                  <td data-testid="mixer-feed">{{ r.name }}</td>
                  <td class="n" data-testid="mixer-dm">{{ number(r.dryMatterPercent, 1) }}</td>
                  <td class="n" data-testid="mixer-kg">{{ number(r.kgAsFed, 1) }}</td>
                  <td class="n" data-testid="mixer-scale">{{ number(r.scaleKg, 1) }}</td>
                  <td class="n" data-testid="mixer-band">{{ number(r.lowKg, 1) }} – {{ number(r.highKg, 1) }}</td>
                </tr>
              </tbody>
              <tfoot><tr><th></th><th>{{ $t('mixer.total') }}</th><th></th><th class="n" data-testid="mixer-load-total">{{ number(l.totalKg, 1) }}</th><th></th><th></th></tr></tfoot>
            </table>
          </section>
        </template>
      </template>
    </template>`,
};
