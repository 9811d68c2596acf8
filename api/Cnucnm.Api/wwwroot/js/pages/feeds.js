// Farm feeds: the farm's own feed list with dry matter (the weekly silage DM update drives every as-fed amount),
// composition overrides, stock and days of stock, prices (one price or a whole price list) with their history,
// and the feed libraries to add from (DM %, source, category).
import { get, request } from "../api.js";
import { useFarm } from "../farm.js";
import { number, money, date, i18n, currencySymbol } from "../i18n.js";
import { EChart } from "../chart.js";
import { feedLabel, libraryFeedName, librarySource } from "../feedname.js";
import { NotFoundPage } from "./notfound.js";
import { LabAnalysis } from "../labanalysis.js";
import { libraryCategories, useFeedColumns } from "../feedcatalogue.js";

const today = () => new Date().toISOString().slice(0, 10);

/** A farm feed id from a library id that keeps the library in it (kr:1234 → kr-1234, never a bare number). */
export function farmFeedIdFor(libraryId) {
  return libraryId.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 64) || "feed";
}

/** Days the stock lasts at the current use (kg as fed on hand ÷ kg as fed used a day); null when either is unknown. */
export function daysOfStock(feed) {
  if (feed.inventoryKgAsFed == null || !feed.useKgAsFedPerDay) return null;
  return feed.inventoryKgAsFed / feed.useKgAsFedPerDay;
}

/** Field messages of a 400 answer, one line each, else the error's title. */
function problemText(e) {
  const errors = e.problem?.errors;
  return errors ? Object.entries(errors).map(([field, messages]) => `${field}: ${messages.join(" ")}`).join("; ") : e.message;
}

export const FeedsPage = {
  components: { NotFoundPage, EChart, LabAnalysis },
  props: { farmId: String },
  setup(props) {
    const t = i18n.global.t;
    const { farm, notFound, error, loaded, can } = useFarm(props.farmId);
    const base = `/api/v1/farms/${props.farmId}`;
    const feeds = Vue.ref([]);
    const edits = Vue.reactive({});
    const saved = Vue.ref(null);
    const selected = Vue.ref(null);
    const override = Vue.reactive({ nutrient: "", value: null });

    async function load() {
      feeds.value = await get(`${base}/feeds`);
      for (const f of feeds.value) {
        edits[f.definition.feedId] = {
          dryMatterPercent: f.definition.dryMatterPercent,
          inventoryKgAsFed: f.inventoryKgAsFed,
          pricePerTonne: null,
        };
      }
    }
    loaded.then((f) => f && load()).catch((e) => { error.value = e.message; });

    const canEdit = Vue.computed(() => can("editFeeds"));
    const current = Vue.computed(() => feeds.value.find((f) => f.definition.feedId === selected.value) ?? null);

    /** Replaces a feed's definition (PUT keeps the id; the farm re-prices and re-evaluates the rations that use it). */
    async function putDefinition(feed, changes) {
      const d = feed.definition;
      if (d.lotId) {
        throw new Error(t("feeds.lotFeed"));
      }
      await request("PUT", `${base}/feeds/${d.feedId}`, {
        name: d.name, libraryFeedId: d.libraryFeedId, dryMatterPercent: d.dryMatterPercent,
        composition: d.composition, isForage: d.isForage, ...changes,
      });
    }

    async function act(action, message) {
      error.value = null;
      saved.value = null;
      try {
        await action();
        await load();
        saved.value = message;
      } catch (e) {
        error.value = problemText(e);
      }
    }

    const saveDryMatter = (feed) => act(() => putDefinition(feed, { dryMatterPercent: Number(edits[feed.definition.feedId].dryMatterPercent) }),
      t("feeds.savedDm", { feed: feedLabel(feed.definition.name) }));
    const saveInventory = (feed) => act(() => request("PUT", `${base}/feeds/${feed.definition.feedId}/inventory`,
      { kgAsFedOnHand: Number(edits[feed.definition.feedId].inventoryKgAsFed) }), t("feeds.savedStock", { feed: feedLabel(feed.definition.name) }));
    // A price that more than halves or doubles the feed's recent one is held by the API (a unit slip?) until confirmed.
    const heldPrice = Vue.ref(null);
    function postPrice(feed, amount, confirmLargeChange) {
      heldPrice.value = null;
      return act(async () => {
        try {
          await request("POST", `${base}/feeds/${feed.definition.feedId}/prices`,
            { effectiveFrom: today(), amount, basis: "perTonneAsFed", ...(confirmLargeChange ? { confirmLargeChange: true } : {}) });
        } catch (e) {
          if (e.problem?.errors?.confirmLargeChange) heldPrice.value = { feed, amount };
          throw e;
        }
      }, t("feeds.savedPrice", { feed: feedLabel(feed.definition.name) }));
    }
    const savePrice = (feed) => postPrice(feed, Number(edits[feed.definition.feedId].pricePerTonne), false);
    const confirmPrice = () => postPrice(heldPrice.value.feed, heldPrice.value.amount, true);
    const remove = (feed) => act(() => request("DELETE", `${base}/feeds/${feed.definition.feedId}`), t("feeds.removed", { feed: feedLabel(feed.definition.name) }));

    const addOverride = () => act(() => putDefinition(current.value, {
      composition: { ...current.value.definition.composition, [override.nutrient.trim()]: Number(override.value) },
    }), t("feeds.savedComposition"));
    function dropOverride(nutrient) {
      const composition = { ...current.value.definition.composition };
      delete composition[nutrient];
      return act(() => putDefinition(current.value, { composition }), t("feeds.savedComposition"));
    }

    // Price list: a CSV file (feed, effectiveFrom, amount, basis, currency, supplier, region), stored all or nothing.
    const priceList = Vue.ref("");
    async function readPriceFile(event) {
      const file = event.target.files?.[0];
      priceList.value = file ? await file.text() : "";
    }
    const importPrices = () => act(async () => {
      const result = await request("POST", `${base}/feed-prices/import`, { csv: priceList.value });
      priceList.value = "";
      return result;
    }, t("feeds.imported"));

    const priceChart = Vue.computed(() => {
      const feed = current.value;
      if (!feed || feed.priceHistory.length === 0) return null;
      // A price holds from its date until the next one: a step line, per tonne as fed (per kg DM prices converted with the feed's DM).
      const perTonne = (p) => (p.basis === "perKgDryMatter" ? p.amount * 1000 * feed.definition.dryMatterPercent / 100 : p.amount);
      const points = feed.priceHistory.map((p) => [p.effectiveFrom, Number(perTonne(p).toFixed(0))]);
      points.push([today(), points[points.length - 1][1]]);
      return {
        animation: false,
        grid: { left: 80, right: 20, top: 30, bottom: 30 },
        tooltip: { trigger: "axis" },
        // Tick labels as dates of the UI language (ECharts' own are English month names); ECharts reads "YYYY-MM-DD" as local midnight.
        xAxis: { type: "time", axisLabel: { formatter: (value) => {
          const d = new Date(value);
          return date(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`);
        } } },
        yAxis: { type: "value", name: t("feeds.pricePerTonne", { currency: currencySymbol(farm.value?.currency) }), min: 0 },
        series: [{ name: feedLabel(feed.definition.name), type: "line", step: "end", data: points, symbolSize: 6 }],
      };
    });

    // Libraries: search by English or Korean name, library and category, with DM % and source shown.
    const categories = Vue.ref([]);
    const search = Vue.reactive({ text: "", library: "", category: "" });
    const found = Vue.ref([]);
    const searched = Vue.ref(false);
    // Category and column names come from the server in the UI language: fetched again (and the results searched again) when it changes.
    const loadCategories = async () => { categories.value = await libraryCategories(); };
    loaded.then(async (f) => { if (f) await loadCategories(); }).catch(() => {});
    Vue.watch(i18n.global.locale, async () => {
      await loadCategories().catch(() => {});
      if (searched.value) await find();
    });
    const { columns, columnName, columnUnit } = useFeedColumns();
    async function find() {
      error.value = null;
      try {
        const query = new URLSearchParams({ take: "50" });
        if (search.text) query.set("search", search.text);
        if (search.library) query.set("library", search.library);
        // A clean group (categoryCode) takes every library's spelling of it.
        if (search.category) query.set("categoryCode", search.category);
        found.value = await get(`/api/v1/feed-library?${query}`);
        searched.value = true;
      } catch (e) {
        error.value = problemText(e);
      }
    }
    const onFarm = Vue.computed(() => new Set(feeds.value.map((f) => f.definition.libraryFeedId)));
    const addFromLibrary = (feed) => act(() => request("PUT", `${base}/feeds/${farmFeedIdFor(feed.id)}`, {
      name: libraryFeedName(feed), libraryFeedId: feed.id, dryMatterPercent: feed.dryMatterPercent, isForage: feed.type === "forage",
    }), t("feeds.added", { feed: libraryFeedName(feed) }));

    return {
      farm, notFound, error, saved, canEdit, feeds, edits, selected, current, override, priceList, priceChart, categories, search, found, searched, onFarm, columnName, columnUnit, columns, currencySymbol,
      saveDryMatter, saveInventory, savePrice, heldPrice, confirmPrice, remove, addOverride, dropOverride, readPriceFile, importPrices, find, addFromLibrary,
      daysOfStock, feedLabel, libraryFeedName, librarySource, number, money, date, load,
    };
  },
  template: `
    <NotFoundPage v-if="notFound" />
    <template v-else>
      <p v-if="error" class="error" data-testid="feeds-error">{{ $t('common.error', { m: error }) }}</p>
      <p v-if="heldPrice"><button type="button" @click="confirmPrice" data-testid="feed-price-confirm">{{ $t('feeds.confirmPrice', { feed: feedLabel(heldPrice.feed.definition.name), amount: money(heldPrice.amount, farm?.currency) }) }}</button></p>
      <p v-if="saved" class="ok" data-testid="feeds-saved">{{ saved }}</p>
      <template v-if="farm">
        <h1><router-link :to="'/farms/' + farmId">{{ farm.name }}</router-link> · {{ $t('feeds.title') }}</h1>
        <section class="card">
          <p class="muted">{{ $t('feeds.intro') }}</p>
          <p v-if="feeds.length === 0">{{ $t('feeds.none') }}</p>
          <table v-else data-testid="farm-feeds">
            <thead><tr>
              <th>{{ $t('feeds.feed') }}</th><th>{{ $t('feeds.source') }}</th>
              <th class="n">{{ $t('feeds.dm') }}</th><th class="n">{{ $t('feeds.price', { currency: currencySymbol(farm.currency) }) }}</th>
              <th class="n">{{ $t('feeds.stock') }}</th><th class="n">{{ $t('feeds.use') }}</th><th class="n">{{ $t('feeds.days') }}</th><th></th>
            </tr></thead>
            <tbody>
              <tr v-for="f in feeds" :key="f.definition.feedId" :data-feed="f.definition.feedId">
                <td>
                  <a href="" @click.prevent="selected = f.definition.feedId" data-testid="feed-open">{{ feedLabel(f.definition.name) }}</a>
                  <span class="muted"> · {{ f.definition.isForage ? $t('feeds.forage') : $t('feeds.concentrate') }}</span>
                  <span v-if="Object.keys(f.definition.composition).length" class="tag" data-testid="feed-overrides">{{ $t('feeds.overrides', { n: Object.keys(f.definition.composition).length }) }}</span>
                </td>
                <td>{{ librarySource(f.definition.libraryFeedId) ? $t('feeds.library.' + librarySource(f.definition.libraryFeedId)) : (f.definition.lotId ? $t('feeds.lot') : $t('feeds.own')) }}</td>
                <td class="n">
                  <template v-if="canEdit && !f.definition.lotId">
                    <input type="number" step="0.1" min="0.5" max="100" v-model="edits[f.definition.feedId].dryMatterPercent" style="width:5.5em" data-testid="feed-dm" :aria-label="$t('feeds.dm')">
                    <button type="button" @click="saveDryMatter(f)" data-testid="feed-dm-save">{{ $t('common.save') }}</button>
                  </template>
                  <span v-else data-testid="feed-dm-value">{{ number(f.definition.dryMatterPercent, 1) }}</span>
                </td>
                <td class="n">
                  <span data-testid="feed-price">{{ f.pricePerKgAsFed == null ? '–' : money(f.pricePerKgAsFed * 1000, farm.currency) }}</span>
                  <template v-if="canEdit">
                    <input type="number" min="0" step="1" v-model="edits[f.definition.feedId].pricePerTonne" style="width:7em" data-testid="feed-price-input" :aria-label="$t('feeds.newPrice')" :placeholder="$t('feeds.newPrice')">
                    <button type="button" :disabled="edits[f.definition.feedId].pricePerTonne == null || edits[f.definition.feedId].pricePerTonne === ''" @click="savePrice(f)" data-testid="feed-price-save">{{ $t('common.save') }}</button>
                  </template>
                </td>
                <td class="n">
                  <template v-if="canEdit">
                    <input type="number" min="0" step="10" v-model="edits[f.definition.feedId].inventoryKgAsFed" style="width:7em" data-testid="feed-stock" :aria-label="$t('feeds.stock')">
                    <button type="button" @click="saveInventory(f)" data-testid="feed-stock-save">{{ $t('common.save') }}</button>
                  </template>
                  <span v-else>{{ number(f.inventoryKgAsFed, 0) }}</span>
                </td>
                <td class="n" data-testid="feed-use">{{ number(f.useKgAsFedPerDay, 1) }}</td>
                <td class="n" data-testid="feed-days">{{ number(daysOfStock(f), 1) }}</td>
                <td><button v-if="canEdit" type="button" @click="remove(f)" data-testid="feed-remove">{{ $t('feeds.remove') }}</button></td>
              </tr>
            </tbody>
          </table>
        </section>

        <section class="card" v-if="current" data-testid="feed-detail">
          <h2>{{ feedLabel(current.definition.name) }} <span class="muted">({{ current.definition.feedId }})</span></h2>
          <h3>{{ $t('feeds.composition') }}</h3>
          <p class="muted">{{ $t('feeds.compositionHint') }}</p>
          <table v-if="Object.keys(current.definition.composition).length" data-testid="feed-composition">
            <thead><tr><th>{{ $t('feeds.nutrient') }}</th><th class="n">{{ $t('feeds.value') }}</th><th></th></tr></thead>
            <tbody><tr v-for="(value, nutrient) in current.definition.composition" :key="nutrient">
              <td :title="nutrient">{{ columnName(nutrient) }}</td><td class="n">{{ number(value, 2) }} {{ columnUnit(nutrient) }}</td>
              <td><button v-if="canEdit && !current.definition.lotId" type="button" @click="dropOverride(nutrient)">{{ $t('feeds.remove') }}</button></td>
            </tr></tbody>
          </table>
          <p v-else>{{ $t('feeds.noOverrides') }}</p>
          <form v-if="canEdit && !current.definition.lotId" class="toolbar" @submit.prevent="addOverride">
            <label>{{ $t('feeds.nutrient') }} <select v-model="override.nutrient" required data-testid="override-nutrient">
              <option v-for="(c, code) in columns" :key="code" :value="code">{{ c.name }} ({{ c.unitName }})</option></select></label>
            <label>{{ $t('feeds.value') }} <input type="number" step="any" v-model="override.value" required data-testid="override-value"></label>
            <button type="submit" data-testid="override-save">{{ $t('common.save') }}</button>
          </form>
          <template v-if="current.compositionGaps?.length">
            <h3>{{ $t('feeds.gaps') }}</h3>
            <ul data-testid="feed-gaps"><li v-for="g in current.compositionGaps" :key="g.column">{{ columnName(g.column) }}: {{ number(g.valueUsed, 2) }} {{ columnUnit(g.column, g.unit) }} <span class="muted">{{ $i18n.locale === 'ko' ? g.sourceKorean : g.source }}</span></li></ul>
          </template>
          <LabAnalysis v-if="canEdit && !current.definition.lotId" :key="current.definition.feedId" :farm-id="farmId" :feed="current" :currency="farm.currency" @applied="load" />
          <h3>{{ $t('feeds.priceHistory') }}</h3>
          <p v-if="!priceChart">{{ $t('feeds.noPrices') }}</p>
          <template v-else>
            <EChart :option="priceChart" name="price-history" testid="price-chart" />
            <table data-testid="price-history">
              <thead><tr><th>{{ $t('feeds.from') }}</th><th class="n">{{ $t('feeds.amount') }}</th><th>{{ $t('feeds.basis') }}</th><th>{{ $t('feeds.supplier') }}</th></tr></thead>
              <tbody><tr v-for="p in current.priceHistory.slice().reverse()" :key="p.effectiveFrom + p.amount">
                <td>{{ date(p.effectiveFrom) }}</td><td class="n">{{ money(p.amount, farm.currency) }}</td><td>{{ $t('feeds.basisName.' + p.basis) }}</td><td>{{ p.supplier ?? '–' }}</td>
              </tr></tbody>
            </table>
          </template>
        </section>

        <section class="card" v-if="canEdit">
          <h2>{{ $t('feeds.priceList') }}</h2>
          <p class="muted">{{ $t('feeds.priceListHint', { currency: farm.currency }) }}</p>
          <form class="toolbar" @submit.prevent="importPrices">
            <input type="file" accept=".csv,text/csv" @change="readPriceFile" data-testid="price-file">
            <button type="submit" :disabled="!priceList" data-testid="price-import">{{ $t('feeds.import') }}</button>
          </form>
        </section>

        <section class="card" v-if="canEdit">
          <h2>{{ $t('feeds.libraryTitle') }}</h2>
          <form class="toolbar" @submit.prevent="find">
            <input v-model="search.text" :placeholder="$t('feeds.search')" style="min-width:260px" data-testid="feeds-library-search">
            <label>{{ $t('feeds.source') }} <select v-model="search.library" data-testid="feeds-library-source">
              <option value="">{{ $t('feeds.allLibraries') }}</option>
              <option value="nasem">{{ $t('feeds.library.nasem') }}</option>
              <option value="korean">{{ $t('feeds.library.korean') }}</option>
            </select></label>
            <label>{{ $t('feeds.category') }} <select v-model="search.category" data-testid="feeds-library-category">
              <option value="">{{ $t('feeds.allCategories') }}</option>
              <option v-for="c in categories" :key="c.key" :value="c.key">{{ c.label }} ({{ c.feeds }})</option>
            </select></label>
            <button type="submit" data-testid="feeds-library-find">{{ $t('workbench.find') }}</button>
          </form>
          <p v-if="searched && found.length === 0">{{ $t('feeds.nothingFound') }}</p>
          <table v-if="found.length" data-testid="feeds-library-results">
            <thead><tr><th>{{ $t('feeds.feed') }}</th><th>{{ $t('feeds.source') }}</th><th>{{ $t('feeds.category') }}</th><th class="n">{{ $t('feeds.dm') }}</th><th class="n">{{ $t('feeds.cp') }}</th><th class="n">{{ $t('feeds.ndf') }}</th><th></th></tr></thead>
            <tbody><tr v-for="f in found" :key="f.id" :data-library-feed="f.id">
              <td data-testid="library-name">{{ libraryFeedName(f) }}</td>
              <td>{{ $t('feeds.library.' + f.library) }}</td>
              <td>{{ f.categoryName }}</td>
              <td class="n" data-testid="library-dm">{{ number(f.dryMatterPercent, 1) }}</td>
              <td class="n">{{ number(f.nutrients.Fd_CP?.value, 1) }}</td>
              <td class="n">{{ number(f.nutrients.Fd_NDF?.value, 1) }}</td>
              <td>
                <span v-if="onFarm.has(f.id)" class="muted">{{ $t('feeds.onFarm') }}</span>
                <button v-else type="button" @click="addFromLibrary(f)" data-testid="feeds-library-add">{{ $t('feeds.add') }}</button>
              </td>
            </tr></tbody>
          </table>
        </section>
      </template>
    </template>`,
};
