// Formulation workbench: candidate feeds from the farm's list and the libraries, prices and bounds,
// run the group's least-cost formulation, see the ration and its balances; when no ration meets everything,
// the best-possible ration with its shortfalls and the verified ways out (one click each gives a ration);
// approve the result as the group's ration.
import { get, request } from "../api.js";
import { useFarm, balanceState } from "../farm.js";
import { number, money, significantMoney, i18n, unitName, currencySymbol } from "../i18n.js";
import { NotFoundPage } from "./notfound.js";
import { CompositionNotes } from "../compositionnotes.js";
import { RationAnalysis, RationCompare } from "../analysis.js";
import { libraryFeedName } from "../feedname.js";
import { CopyRation } from "../copyration.js";
import { WhatIfCompare, whatIfKept } from "../whatif.js";
import { TraceLimits, IntakeBasis, traceFieldLabel } from "../tracelimits.js";
import { libraryCategories, useFeedColumns } from "../feedcatalogue.js";

/** A farm feed id from a library id (nasem:Corn silage, typical → corn-silage-typical; kr:693 → kr-693, never a bare number). */
export function farmFeedId(libraryId) {
  return libraryId.replace(/^nasem:/, "").toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 64) || "feed";
}

export const WorkbenchPage = {
  components: { NotFoundPage, CompositionNotes, RationAnalysis, RationCompare, CopyRation, TraceLimits, IntakeBasis, WhatIfCompare },
  props: { farmId: String, groupId: String },
  setup(props) {
    const { t } = VueI18n.useI18n();
    const { farm, notFound, error, loaded, can } = useFarm(props.farmId);
    const farmBase = `/api/v1/farms/${props.farmId}`;
    const base = `${farmBase}/groups/${props.groupId}`;
    const group = Vue.ref(null);
    const feeds = Vue.ref([]);
    const rows = Vue.reactive({});
    const settings = Vue.reactive({ dryMatterIntakeTolerancePercent: 0, minForageNdfPercentOfDm: null, maxStarchPercentOfDm: null, maxFatPercentOfDm: null, mixerCapacityKgAsFed: null,
      requestFields: {} });
    const search = Vue.reactive({ text: "", category: "", nutrient: "", min: null, max: null });
    const categories = Vue.ref([]);
    const found = Vue.ref([]);
    const result = Vue.ref(null);
    const snapshot = Vue.ref(null);
    const message = Vue.ref(null);
    const busy = Vue.ref(false);

    async function loadFeeds() {
      feeds.value = await get(`${farmBase}/feeds`);
      for (const f of feeds.value) {
        rows[f.definition.feedId] ??= { use: false, min: null, max: null, fixed: null, pricePerTonne: f.pricePerKgAsFed != null ? Math.round(f.pricePerKgAsFed * 1000) : null };
      }
    }
    async function loadRation() {
      snapshot.value = await get(`${base}/ration`);
      const saved = snapshot.value.settings;
      if (saved) {
        for (const c of saved.candidates) {
          rows[c.feedId] = { ...(rows[c.feedId] ?? {}), use: true, min: c.minKgDryMatter || null, max: c.maxKgDryMatter, fixed: c.fixedKgDryMatter ?? null };
        }
        Object.assign(settings, {
          dryMatterIntakeTolerancePercent: saved.dryMatterIntakeTolerancePercent, minForageNdfPercentOfDm: saved.minForageNdfPercentOfDm,
          maxStarchPercentOfDm: saved.maxStarchPercentOfDm, maxFatPercentOfDm: saved.maxFatPercentOfDm, mixerCapacityKgAsFed: saved.mixerCapacityKgAsFed,
          requestFields: { ...(saved.requestFields ?? {}) },
        });
      }
    }
    const policy = Vue.ref(null);
    loaded.then(async (f) => {
      if (!f) return;
      get(`${farmBase}/policy`).then((p) => { policy.value = p; }).catch(() => {});
      group.value = await get(base);
      await loadFeeds();
      await loadRation();
      categories.value = await libraryCategories();
    }).catch((e) => { if (e.status === 404) notFound.value = true; else error.value = e.message; });
    const { columnName } = useFeedColumns();

    // Ration-change reasons, the near miss's texts and the library's category names come from the server in the UI language: fetched
    // again when it changes.
    Vue.watch(i18n.global.locale, async () => {
      try {
        snapshot.value = await get(`${base}/ration`);
        categories.value = await libraryCategories();
        if (found.value.length) await find();
      } catch (e) { error.value = e.message; }
    });

    async function find() {
      const query = new URLSearchParams({ take: "30" });
      if (search.text) query.set("search", search.text);
      if (search.category) query.set("categoryCode", search.category);
      if (search.nutrient) {
        query.set("nutrient", search.nutrient);
        if (search.min != null && search.min !== "") query.set("min", search.min);
        if (search.max != null && search.max !== "") query.set("max", search.max);
      }
      try { found.value = await get(`/api/v1/feed-library?${query}`); } catch (e) { error.value = e.problem?.errors ? JSON.stringify(e.problem.errors) : e.message; }
    }

    async function addFeed(libraryFeed) {
      const feedId = farmFeedId(libraryFeed.id);
      try {
        await request("PUT", `${farmBase}/feeds/${feedId}`, {
          name: libraryFeedName(libraryFeed),
          libraryFeedId: libraryFeed.id, dryMatterPercent: libraryFeed.dryMatterPercent, isForage: libraryFeed.type === "forage",
        });
        await loadFeeds();
        rows[feedId].use = true;
      } catch (e) {
        error.value = e.problem?.errors ? JSON.stringify(e.problem.errors) : e.message;
      }
    }

    // Prices take effect from today on the farm's calendar (en-CA formats as YYYY-MM-DD).
    const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: farm.value?.timeZone || undefined }).format(new Date());
    // A price that more than halves or doubles the feed's recent price is held by the API (a typo guard): the held ones are
    // listed with the API's reason, and formulating again with "store as typed" sends them confirmed.
    const heldPrices = Vue.ref([]);
    async function savePrices(confirm) {
      const held = [];
      for (const f of feeds.value) {
        const row = rows[f.definition.feedId];
        const current = f.pricePerKgAsFed != null ? Math.round(f.pricePerKgAsFed * 1000) : null;
        if (row.use && row.pricePerTonne != null && row.pricePerTonne !== "" && Number(row.pricePerTonne) !== current) {
          try {
            await request("POST", `${farmBase}/feeds/${f.definition.feedId}/prices`,
              { effectiveFrom: today(), amount: Number(row.pricePerTonne), basis: "perTonneAsFed", ...(confirm ? { confirmLargeChange: true } : {}) });
          } catch (e) {
            if (!e.problem?.errors?.confirmLargeChange) throw e;
            held.push({ feedId: f.definition.feedId, name: f.definition.name, reason: e.problem.errors.amount?.[0] ?? "" });
          }
        }
      }
      heldPrices.value = held;
      return held.length === 0;
    }

    const optional = (v) => (v === null || v === "" || v === undefined ? null : Number(v));
    /** The settings on screen, as PUT …/ration/settings and POST …/ration/preview take them. */
    function settingsBody() {
      // Only the farm's current feeds: a removed feed may linger in the saved settings.
      const current = new Set(feeds.value.map((f) => f.definition.feedId));
      const candidates = Object.entries(rows).filter(([feedId, r]) => r.use && current.has(feedId))
        .map(([feedId, r]) => ({ feedId, minKgDryMatter: optional(r.min) ?? 0, maxKgDryMatter: optional(r.max), fixedKgDryMatter: optional(r.fixed) }));
      return {
        candidates, dryMatterIntakeTolerancePercent: Number(settings.dryMatterIntakeTolerancePercent),
        minForageNdfPercentOfDm: optional(settings.minForageNdfPercentOfDm), maxStarchPercentOfDm: optional(settings.maxStarchPercentOfDm),
        maxFatPercentOfDm: optional(settings.maxFatPercentOfDm), mixerCapacityKgAsFed: optional(settings.mixerCapacityKgAsFed),
        requestFields: settings.requestFields,
      };
    }
    /** Formulate: a preview while a what-if A is kept (nothing stored), else the group's formulation (prices and settings stored). */
    async function run(confirmPrices) {
      if (whatIfKept(props.groupId) && confirmPrices !== "apply") return preview();
      return formulate(confirmPrices === true);
    }
    /** What-if B: the settings and prices on screen formulated by POST …/ration/preview; the group's ration, settings and prices stay. */
    async function preview() {
      busy.value = true;
      message.value = null;
      error.value = null;
      result.value = null;
      heldPrices.value = [];
      try {
        const prices = {};
        for (const f of feeds.value) {
          const row = rows[f.definition.feedId];
          if (row?.use && row.pricePerTonne != null && row.pricePerTonne !== "") prices[f.definition.feedId] = Number(row.pricePerTonne);
        }
        const answer = await request("POST", `${base}/ration/preview`, { ...settingsBody(), pricesPerTonneAsFed: prices });
        result.value = answer.outcome === "infeasible" || answer.outcome === "notReady"
          ? { outcome: answer.outcome, explanation: answer.explanation, relaxations: answer.formulation?.explanation?.relaxations ?? [], preview: true }
          : { ...answer, preview: true };
      } catch (e) {
        error.value = e.problem?.errors ? JSON.stringify(e.problem.errors) : e.message;
      } finally {
        busy.value = false;
      }
    }
    async function formulate(confirmPrices) {
      busy.value = true;
      message.value = null;
      error.value = null;
      result.value = null;
      try {
        if (!(await savePrices(confirmPrices))) return;
        await request("PUT", `${base}/ration/settings`, settingsBody());
        try {
          result.value = await request("POST", `${base}/ration/reformulate`);
        } catch (e) {
          if (e.status !== 422) throw e;
          result.value = { outcome: e.problem?.outcome, explanation: e.problem?.explanation ?? e.problem?.detail, relaxations: e.problem?.relaxations ?? [] };
        }
        await Promise.all([loadRation(), loadFeeds()]);
      } catch (e) {
        error.value = e.problem?.errors ? JSON.stringify(e.problem.errors) : e.message;
      } finally {
        busy.value = false;
      }
    }

    /**
     * One-click ways out of an infeasible problem without a best-possible ration (beef and Hanwoo groups). First the cheapest feed maxima the solver's
     * explanation raises (its relaxations: constraint kind "feed", bound "max", the farm feed id and the new value, whatever the language of its text),
     * then each constraint the nutritionist set, loosened one at a time.
     */
    const relaxations = Vue.computed(() => {
      const list = [];
      const names = Object.fromEntries(feeds.value.map((f) => [f.definition.feedId, f.definition.name]));
      const byName = Object.fromEntries(feeds.value.map((f) => [f.definition.name, f.definition.feedId]));
      for (const r of result.value?.relaxations ?? []) {
        if (r.constraint?.kind !== "feed" || r.constraint.bound !== "max") continue;
        const feedId = rows[r.constraint.subject] ? r.constraint.subject : byName[r.constraint.subject];
        if (!feedId || !rows[feedId]) continue;
        const to = Number(r.to);
        list.push({ id: `max-${feedId}`, label: t("workbench.raiseMax", { feed: names[feedId] ?? feedId, n: number(to, 3) }), apply: () => { rows[feedId].max = to; } });
      }
      if (list.length > 1) {
        const all = list.slice();
        list.unshift({ id: "max-all", label: t("workbench.raiseAll"), apply: () => all.forEach((r) => r.apply()) });
      }
      for (const [feedId, r] of Object.entries(rows)) {
        if (!r.use) continue;
        if (optional(r.max) != null) list.push({ id: `nomax-${feedId}`, label: t("workbench.dropMax", { feed: names[feedId] ?? feedId }), apply: () => { r.max = null; } });
        if (optional(r.min)) list.push({ id: `nomin-${feedId}`, label: t("workbench.dropMin", { feed: names[feedId] ?? feedId }), apply: () => { r.min = null; } });
      }
      const doubled = Math.min(50, Number(settings.dryMatterIntakeTolerancePercent) * 2 || 10);
      list.push({ id: "dmi", label: t("workbench.relaxDmi", { n: doubled }), apply: () => { settings.dryMatterIntakeTolerancePercent = doubled; } });
      for (const key of ["minForageNdfPercentOfDm", "maxStarchPercentOfDm", "maxFatPercentOfDm"]) {
        if (optional(settings[key]) != null) list.push({ id: key, label: t("workbench.dropGuard", { name: t(`workbench.guard.${key}`) }), apply: () => { settings[key] = null; } });
      }
      return list;
    });
    async function relax(relaxation) {
      relaxation.apply();
      await run();
    }

    const waits = (outcome) => outcome === "suggested" || outcome === "bestPossible";
    // Current against proposed: the group's ration beside a formulated one that waits for approval.
    const compareWith = Vue.computed(() => (waits(result.value?.outcome) && !result.value?.preview && snapshot.value?.current && snapshot.value?.suggestion ? snapshot.value.current : null));
    const shown = Vue.computed(() => (waits(result.value?.outcome) && !result.value?.preview ? snapshot.value?.suggestion?.proposed : result.value?.ration) ?? null);

    // A near miss: the best-possible ration waits as the group's suggestion with what it leaves short and the verified ways out,
    // in the API's order (most practical first, intake last).
    const best = Vue.computed(() => (result.value?.outcome !== "bestPossible" ? null
      : result.value.preview ? result.value.formulation?.bestPossible : snapshot.value?.suggestion?.bestPossible ?? result.value?.formulation?.bestPossible) ?? null);
    const feedName = (feedId) => feeds.value.find((f) => f.definition.feedId === feedId)?.definition.name ?? feedId;
    const libraryName = (name) => {
      const key = `workbench.libraryFeeds.${name}`;
      const text = t(key);
      return text === key ? name : text;
    };
    /** How far a requirement line misses: below its target, or over its maximum (energy and MP have one). */
    const miss = (l) => (l.maxPercent != null && l.supplied > (l.required * l.maxPercent) / 100
      ? { over: true, amount: l.supplied - (l.required * l.maxPercent) / 100 }
      : { over: false, amount: (l.required * l.targetPercent) / 100 - l.supplied });
    function changeLabel(change) {
      const c = change.constraint;
      const n = number(change.fieldValue, 3);
      if (c.kind === "feed") return t(c.bound === "max" ? "workbench.way.raiseMax" : "workbench.way.lowerMin", { feed: feedName(c.subject), n });
      if (c.kind === "requirement") return t("workbench.way.target", { nutrient: c.subject, n, from: number(change.from, 0) });
      if (c.kind === "guardRail") return t("workbench.way.rail", { name: railName(c.subject), n, unit: unitName(change.unit) });
      if (c.kind === "dryMatterIntake") return t(c.bound === "max" ? "workbench.way.intakeMax" : "workbench.way.intakeMin", { n });
      return change.message;
    }
    function suggestionLabel(s) {
      const parts = s.addFeeds.map((f) => t("workbench.way.addFeed", { feed: libraryName(f.feed), max: number(f.maxKgDm, 3), price: money(f.pricePerTonneAsFed, farm.value?.currency) }))
        .concat(s.changes.map(changeLabel));
      const text = t("workbench.way.then", { change: parts.join("; "), cost: money(s.costPerDay, farm.value?.currency) }) + (s.changesIntake ? ` ${t("workbench.way.checkIntake")}` : "");
      return text.charAt(0).toUpperCase() + text.slice(1);
    }
    /** Takes a verified suggestion into the group's settings and formulates: its feeds added to the farm (library feed, the price
     * it was verified at) and to the candidates, feed limits on the candidates, targets, rails and intake as request fields. */
    async function takeSuggestion(s) {
      busy.value = true;
      try {
        for (const f of s.addFeeds) {
          const library = (await get(`/api/v1/feed-library?${new URLSearchParams({ search: f.feed, library: "nasem", take: "20" })}`)).find((l) => l.name === f.feed);
          await request("PUT", `${farmBase}/feeds/${f.id}`, { name: f.feed, libraryFeedId: library?.id ?? f.feed, dryMatterPercent: library?.dryMatterPercent ?? f.dryMatterPercent, isForage: library?.type === "forage" });
          await request("POST", `${farmBase}/feeds/${f.id}/prices`, { effectiveFrom: today(), amount: f.pricePerTonneAsFed, basis: "perTonneAsFed" });
          await loadFeeds();
          Object.assign(rows[f.id], { use: true, min: f.minKgDm ?? null, max: f.maxKgDm ?? null });
        }
        for (const change of s.changes) {
          const c = change.constraint;
          if (c.kind === "feed" && rows[c.subject]) rows[c.subject][c.bound] = change.fieldValue;
          else settings.requestFields = { ...settings.requestFields, [c.field]: change.fieldValue };
        }
      } catch (e) {
        error.value = e.problem?.errors ? JSON.stringify(e.problem.errors) : e.message;
        busy.value = false;
        return;
      }
      await run();
    }
    // The nutritionist's nutrient limits, kept with the group's settings as request fields (the formulation's own paths):
    // requirement targets as % of the model's requirement, diet limits in the guard rail's unit. Empty: the model's default.
    const requirementLimits = ["ME", "MP", "Lys", "Met", "Ca", "P"];
    const dietLimits = [
      { field: "guardRails.minCrudeProteinPercentOfDm", label: "minCp", unit: "pctDm" },
      { field: "guardRails.maxCrudeProteinPercentOfDm", label: "maxCp", unit: "pctDm" },
      { field: "guardRails.minNdfPercentOfDm", label: "minNdf", unit: "pctDm" },
      { setting: "minForageNdfPercentOfDm", label: "minForageNdf", unit: "pctDm" },
      { setting: "maxStarchPercentOfDm", label: "maxStarch", unit: "pctDm" },
      { setting: "maxFatPercentOfDm", label: "maxFat", unit: "pctDm" },
      { field: "guardRails.maxDcadMilliequivalentsPerKgDm", label: "maxDcad", unit: "meqKgDm" },
    ];
    const fieldValue = (field) => settings.requestFields[field] ?? "";
    function setField(field, value) {
      const { [field]: _, ...rest } = settings.requestFields;
      settings.requestFields = value === "" || value === null || value === undefined ? rest : { ...rest, [field]: Number(value) };
    }
    /** A request field in farm language ("requirements.MP.minPercent" → "Metabolizable protein (MP): minimum, % of requirement"). */
    function fieldLabel(field) {
      const requirement = field.match(/^requirements\.(.+)\.(min|max)Percent$/);
      if (requirement) return t(`workbench.limits.requirement${requirement[2] === "min" ? "Min" : "Max"}`, { nutrient: railName(requirement[1]) });
      if (field === "dryMatterIntakeKg.min" || field === "dryMatterIntakeKg.max") return t(`workbench.limits.${field.endsWith("min") ? "minDmi" : "maxDmi"}`);
      const diet = dietLimits.find((l) => l.field === field);
      if (diet) return t(`workbench.limits.${diet.label}`);
      const trace = traceFieldLabel(t, field);
      if (trace) return trace;
      const rail = field.match(/^guardRails\.(.+)$/);
      return rail ? t("workbench.limits.rail", { name: rail[1] }) : field;
    }
    function dropRequestField(field) {
      const { [field]: _, ...rest } = settings.requestFields;
      settings.requestFields = rest;
    }
    // Sensitivity of the optimum: what one more unit of each binding bound costs per head per day, and the price
    // at which each feed left out would come in (the solver's dual values, from the formulation response).
    // One row per binding bound (a nutrient can bind at both its daily and its dietary limit).
    const bindingNutrients = Vue.computed(() => (result.value?.formulation?.nutrients ?? [])
      .flatMap((n) => (n.shadowPrices ?? []).filter((p) => Math.abs(p.value) > 1e-9).map((p) => ({ name: n.name, unit: n.unit, bound: p.bound, value: p.value }))));
    const unusedFeeds = Vue.computed(() => (result.value?.formulation?.feeds ?? []).filter((f) => f.kgDm <= 1e-9 && f.reducedCostPerKgDm != null));
    /** A nutrient or guard-rail name of the formulation in the UI language (the API's name when there is no translation). */
    const nutrientName = (name) => {
      for (const key of [`workbench.nutrients.${name}`, `workbench.rails.${name}`]) {
        const text = t(key);
        if (text !== key) return text;
      }
      return name;
    };
    /** "perDay.min" → "minimum per head per day"; the unit of one step of the bound ("g/d" → "g"). */
    const boundName = (bound) => t(`workbench.bounds.${bound.replace(".", "_")}`);
    const dietUnits = { "% DM": "pctDm", "mg/kg DM": "mgKgDm", "mEq/kg DM": "meqKgDm", "Mcal/kg DM": "mcalKgDm" };
    const boundUnit = (unit, bound) => {
      if (bound.startsWith("perDay")) return (unit ?? "").replace(/\/d$/, "");
      const known = dietUnits[unit];
      return known ? t(`analysis.units.${known}`) : t("workbench.perKgDmUnit", { unit: unit ?? "" });
    };
    async function approve() {
      const suggestion = snapshot.value?.suggestion;
      if (!suggestion) return;
      try {
        const version = await request("POST", `${base}/ration/suggestions/${suggestion.suggestionId}/approve`);
        message.value = t("workbench.approved", { v: version.version });
        result.value = { outcome: "applied", ration: version };
        await loadRation();
      } catch (e) {
        error.value = e.message;
      }
    }
    // Beef and Hanwoo groups (the beef model): the default Korean candidate feeds, added to the farm at plausible prices.
    const beefBreeds = ["hanwoo", "holsteinHanwooCross", "angus"];
    const isBeef = Vue.computed(() => {
      const inputs = group.value?.inputs;
      return !!inputs && (beefBreeds.includes(inputs.breed) || (inputs.breed === "holstein" && ["growingSteer", "fatteningSteer"].includes(inputs.state)));
    });
    // The default candidate set of the group's kind: Korean beef feeds, or the dairy set with rumen-protected Met and Lys and urea.
    async function addDefaults() {
      busy.value = true;
      try {
        const defaults = await get(`/api/v1/feed-library/${isBeef.value ? "beef" : "dairy"}-candidates`);
        const onFarm = new Map(feeds.value.map((f) => [f.definition.libraryFeedId, f.definition.feedId]));
        for (const d of defaults) {
          let feedId = onFarm.get(d.libraryFeedId);
          if (!feedId) {
            feedId = farmFeedId(d.libraryFeedId);
            await request("PUT", `${farmBase}/feeds/${feedId}`, {
              name: d.nameKorean && d.nameKorean !== d.name ? `${d.nameKorean} (${d.name})` : d.name, libraryFeedId: d.libraryFeedId, dryMatterPercent: d.dryMatterPercent, isForage: d.isForage,
            });
            await request("POST", `${farmBase}/feeds/${feedId}/prices`, { effectiveFrom: today(), amount: d.pricePerKgAsFed * 1000, basis: "perTonneAsFed" });
          }
          await loadFeeds();
          Object.assign(rows[feedId], { use: true, max: rows[feedId].max ?? d.maxKgDm });
        }
      } catch (e) {
        error.value = e.problem?.errors ? JSON.stringify(e.problem.errors) : e.message;
      } finally {
        busy.value = false;
      }
    }
    const animal = Vue.computed(() => result.value?.formulation?.animal ?? null);
    // Guard rails by name; the mineral rails (Co, Cu … mg/kg DM) are named by their nutrient.
    const railName = (name) => {
      for (const key of [`workbench.rails.${name}`, `workbench.nutrients.${name}`]) {
        const text = t(key);
        if (text !== key) return text;
      }
      return name;
    };
    const percent = (ration, item) => (ration.dryMatterKgPerHead > 0 ? (item.kgDryMatterPerHead / ration.dryMatterKgPerHead) * 100 : 0);
    return { columnName, currencySymbol, unitName, farm, notFound, error, can, group, feeds, rows, settings, search, categories, found, find, addFeed, run, formulate, heldPrices, busy, result, shown, bindingNutrients, unusedFeeds,
      relaxations, relax, approve, message, snapshot, number, money, significantMoney, nutrientName, boundName, boundUnit, percent, balanceState, isBeef, addDefaults, animal, railName,
      waits, best, miss, suggestionLabel, takeSuggestion, dropRequestField, requirementLimits, dietLimits, fieldValue, setField, fieldLabel, policy, compareWith };
  },
  template: `
    <NotFoundPage v-if="notFound" />
    <template v-else>
      <p v-if="error" class="error" data-testid="error">{{ $t('common.error', { m: error }) }}</p>
      <template v-if="farm && group">
        <h1><router-link :to="'/farms/' + farmId">{{ farm.name }}</router-link> ·
          <router-link :to="'/farms/' + farmId + '/groups/' + groupId">{{ group.name }}</router-link> · {{ $t('workbench.title') }}</h1>
        <section class="card" v-if="can('editFeeds')">
          <form class="toolbar" @submit.prevent="find">
            <input v-model="search.text" :placeholder="$t('workbench.search')" style="min-width:280px" data-testid="library-search">
            <label>{{ $t('workbench.category') }} <select v-model="search.category"><option value="">{{ $t('workbench.any') }}</option>
              <option v-for="c in categories" :key="c.key" :value="c.key">{{ c.label }} ({{ c.feeds }})</option></select></label>
            <label>{{ $t('workbench.nutrient') }} <select v-model="search.nutrient"><option value="">–</option>
              <option v-for="n in ['Fd_CP','Fd_NDF','Fd_ADF','Fd_St','Fd_FA','Fd_Ca','Fd_P']" :key="n" :value="n">{{ columnName(n) }}</option></select></label>
            <input class="bound" type="number" step="any" v-model="search.min" :placeholder="$t('workbench.min')">
            <input class="bound" type="number" step="any" v-model="search.max" :placeholder="$t('workbench.max')">
            <button type="submit" data-testid="library-find">{{ $t('workbench.find') }}</button>
          </form>
          <table v-if="found.length" data-testid="library-results">
            <tbody><tr v-for="f in found" :key="f.id">
              <td>{{ f.name }}</td><td>{{ f.nameKorean }}</td><td class="muted">{{ f.categoryName }}</td>
              <td class="n">CP {{ number(f.nutrients.Fd_CP?.value, 1) }} · NDF {{ number(f.nutrients.Fd_NDF?.value, 1) }}</td>
              <td><button type="button" @click="addFeed(f)" data-testid="library-add">{{ $t('workbench.add') }}</button></td>
            </tr></tbody>
          </table>
        </section>
        <section class="card">
          <h2>{{ $t('workbench.candidates') }}</h2>
          <table data-testid="candidates">
            <thead><tr><th>{{ $t('workbench.use') }}</th><th>{{ $t('workbench.feed') }}</th><th class="n">{{ $t('workbench.price') }} ({{ currencySymbol(farm.currency) }})</th>
              <th class="n">{{ $t('workbench.minKg') }}</th><th class="n">{{ $t('workbench.maxKg') }}</th><th class="n">{{ $t('workbench.fixedKg') }}</th></tr></thead>
            <tbody><tr v-for="f in feeds" :key="f.definition.feedId" :data-feed="f.definition.feedId">
              <td><input type="checkbox" v-model="rows[f.definition.feedId].use" data-testid="use"></td>
              <td>{{ f.definition.name }}</td>
              <td class="n"><input class="price" type="number" step="any" v-model="rows[f.definition.feedId].pricePerTonne" data-testid="price"></td>
              <td class="n"><input class="bound" type="number" step="any" v-model="rows[f.definition.feedId].min" data-testid="min"></td>
              <td class="n"><input class="bound" type="number" step="any" v-model="rows[f.definition.feedId].max" data-testid="max"></td>
              <td class="n"><input class="bound" type="number" step="any" v-model="rows[f.definition.feedId].fixed" data-testid="fixed"></td>
            </tr></tbody>
          </table>
          <p class="hint">{{ $t('workbench.candidatesHint') }}</p>
          <div class="toolbar" style="margin-top:8px" v-if="can('editFeeds')">
            <button type="button" :disabled="busy" @click="addDefaults" :data-testid="isBeef ? 'beef-defaults' : 'dairy-defaults'">{{ $t(isBeef ? 'workbench.beefDefaults' : 'workbench.dairyDefaults') }}</button>
            <span class="hint">{{ $t('workbench.beefDefaultsHint') }}</span>
          </div>
          <div v-if="Object.keys(settings.requestFields).length" data-testid="request-fields">
            <p class="hint">{{ $t('workbench.requestFields') }}</p>
            <div class="toolbar"><span v-for="(value, field) in settings.requestFields" :key="field" class="tag" :data-field="field">{{ fieldLabel(field) }} = {{ number(value, 3) }}
              <button type="button" @click="dropRequestField(field)" :title="$t('workbench.dropRequestField')">×</button></span></div>
          </div>
          <!-- Beef groups: the dairy guard-rail paths (guardRails.*) do not reach the beef formulation, so only the limits it reads are offered. -->
          <details class="limits" data-testid="limits">
            <summary>{{ $t('workbench.limits.title') }}</summary>
            <p class="hint">{{ $t('workbench.limits.hint') }}</p>
            <div class="grid2">
              <table data-testid="requirement-limits">
                <thead><tr><th>{{ $t('workbench.nutrient') }}</th><th class="n">{{ $t('workbench.limits.minPercent') }}</th><th class="n">{{ $t('workbench.limits.maxPercent') }}</th></tr></thead>
                <tbody><tr v-for="n in requirementLimits" :key="n" :data-nutrient="n">
                  <td>{{ railName(n) }}</td>
                  <td class="n"><input class="bound" type="number" step="any" :value="fieldValue('requirements.' + n + '.minPercent')" placeholder="100"
                    @change="setField('requirements.' + n + '.minPercent', $event.target.value)" data-testid="limit-min"></td>
                  <td class="n"><input class="bound" type="number" step="any" :value="fieldValue('requirements.' + n + '.maxPercent')"
                    @change="setField('requirements.' + n + '.maxPercent', $event.target.value)" data-testid="limit-max"></td>
                </tr></tbody>
              </table>
              <table data-testid="diet-limits">
                <thead><tr><th>{{ $t('workbench.limits.diet') }}</th><th class="n">{{ $t('workbench.limits.value') }}</th></tr></thead>
                <tbody><tr v-for="l in dietLimits.filter((l) => !(isBeef && l.field?.startsWith('guardRails.')))" :key="l.field ?? l.setting" :data-limit="l.label">
                  <td>{{ $t('workbench.limits.' + l.label) }} ({{ $t('analysis.units.' + l.unit) }})</td>
                  <td class="n"><input v-if="l.setting" class="bound" type="number" step="any" v-model="settings[l.setting]" data-testid="limit-value">
                    <input v-else class="bound" type="number" step="any" :value="fieldValue(l.field)" @change="setField(l.field, $event.target.value)" data-testid="limit-value"></td>
                </tr></tbody>
              </table>
            </div>
            <TraceLimits :settings="settings" :set-field="setField" :beef="isBeef" />
          </details>
          <p v-if="policy?.reformulation === 'suggest' && snapshot && !snapshot.current" class="hint" data-testid="first-ration-note">{{ $t('policy.firstRation') }}</p>
          <IntakeBasis :settings="settings" :set-field="setField" :predicted-dmi="group.intake?.predictedDryMatterKgPerHead" />
          <div class="toolbar" style="margin-top:8px">
            <button v-if="can('formulate')" class="primary" type="button" :disabled="busy" @click="run" data-testid="formulate">{{ $t('workbench.run') }}</button>
          </div>
          <div v-if="heldPrices.length" class="warning" data-testid="prices-held">
            <p>{{ $t('priceHold.held') }}</p>
            <ul><li v-for="h in heldPrices" :key="h.feedId">{{ h.name }}: {{ h.reason }}</li></ul>
            <button type="button" :disabled="busy" @click="formulate(true)" data-testid="prices-confirm">{{ $t('priceHold.confirm') }}</button>
          </div>
        </section>
        <CopyRation v-if="can('formulate') && snapshot" :farm-id="farmId" :group-id="groupId" :snapshot="snapshot" :currency="farm.currency" />
        <section class="card" v-if="result" data-testid="result">
          <h2>{{ $t('workbench.result') }}</h2>
          <p v-if="message" data-testid="message">{{ message }}</p>
          <template v-if="result.outcome === 'infeasible' || result.outcome === 'notReady'">
            <p class="error" data-testid="infeasible">{{ $t(result.outcome === 'infeasible' ? 'workbench.infeasible' : 'workbench.notReady') }}</p>
            <p data-testid="explanation">{{ result.explanation }}</p>
            <h2 v-if="result.outcome === 'infeasible'">{{ $t('workbench.relaxations') }}</h2>
            <div class="toolbar" v-if="result.outcome === 'infeasible'">
              <button v-for="r in relaxations" :key="r.id" type="button" @click="relax(r)" :data-relaxation="r.id" :class="{ primary: r.id.startsWith('max-') }">{{ r.label }}</button>
            </div>
          </template>
          <template v-else-if="shown">
            <template v-if="best">
              <p class="error" data-testid="best-possible">{{ $t('workbench.bestPossible') }}</p>
              <table data-testid="shortfalls">
                <thead><tr><th>{{ $t('workbench.shortNutrient') }}</th><th class="n">{{ $t('workbench.ofTarget') }}</th><th class="n">{{ $t('workbench.shortBy') }}</th></tr></thead>
                <tbody>
                  <tr v-for="l in best.short" :key="l.nutrient" class="short"><td>{{ l.nutrient }}</td>
                    <td class="n">{{ number(l.supplied / l.required * 100, 1) }} %</td>
                    <td class="n">{{ $t(miss(l).over ? 'workbench.overBy' : 'workbench.shortByAmount', { n: number(miss(l).amount, 2), unit: unitName(l.unit) }) }}</td></tr>
                  <tr v-for="g in best.guardRailsMissed" :key="g.name" class="short"><td>{{ railName(g.name) }}</td>
                    <td class="n">{{ number(g.value, 2) }}</td><td class="n">{{ g.min != null ? '≥ ' + number(g.min, 2) : '' }} {{ g.max != null ? '≤ ' + number(g.max, 2) : '' }}</td></tr>
                </tbody>
              </table>
              <h2>{{ $t('workbench.waysOut') }}</h2>
              <p class="hint">{{ $t('workbench.waysOutHint') }}</p>
              <div class="toolbar" data-testid="suggestions">
                <button v-for="s in best.suggestions" :key="s.rank" type="button" :disabled="busy" @click="takeSuggestion(s)" :data-suggestion="s.rank" :data-kind="s.kind"
                  :class="{ primary: s.rank === 1 }">{{ suggestionLabel(s) }}</button>
              </div>
              <p v-if="!best.suggestions.length">{{ $t('workbench.noWayOut') }}</p>
            </template>
            <p v-if="!message && !best && !result.preview">{{ $t(result.outcome === 'suggested' ? 'workbench.suggested' : result.outcome === 'unchanged' ? 'workbench.unchanged' : 'workbench.applied') }}</p>
            <table data-testid="ration">
              <thead><tr><th>{{ $t('workbench.feed') }}</th><th class="n">{{ $t('workbench.kgDm') }}</th><th class="n">%</th><th class="n">{{ $t('workbench.kgAsFed') }}</th><th class="n">{{ $t('workbench.cost') }}</th></tr></thead>
              <tbody>
                <tr v-for="i in shown.items" :key="i.feedId"><td>{{ i.name }}</td><td class="n">{{ number(i.kgDryMatterPerHead, 2) }}</td><td class="n">{{ number(percent(shown, i), 1) }}</td>
                  <td class="n">{{ number(i.kgAsFedPerHead, 2) }}</td><td class="n">{{ money(i.costPerHead, farm.currency) }}</td></tr>
                <tr><th>{{ $t('workbench.total') }}</th><th class="n">{{ number(shown.dryMatterKgPerHead, 2) }}</th><th class="n">100</th><th class="n">{{ number(shown.asFedKgPerHead, 2) }}</th>
                  <th class="n" data-testid="ration-cost">{{ money(shown.costPerHeadPerDay, farm.currency) }}</th></tr>
              </tbody>
            </table>
            <CompositionNotes :notes="result.formulation?.compositionNotes" />
            <WhatIfCompare v-if="can('formulate')" :group-id="groupId" :shown="shown" :rows="rows" :settings="settings" :feeds="feeds" :run="run" :apply="() => run('apply')" :preview="!!result.preview" :field-label="fieldLabel" :currency="farm.currency" :busy="busy" />
            <template v-if="compareWith">
              <h2>{{ $t('compare.title') }}</h2>
              <RationCompare :left="compareWith" :right="shown" :currency="farm.currency"
                :left-label="$t('compare.current', { v: compareWith.version })" :right-label="$t('compare.proposed')" />
            </template>
            <h2>{{ $t('workbench.balances') }}</h2>
            <table data-testid="balances">
              <thead><tr><th>{{ $t('workbench.nutrient') }}</th><th class="n">{{ $t('group.required') }}</th><th class="n">{{ $t('group.supplied') }}</th><th class="n">%</th></tr></thead>
              <tbody><tr v-for="b in shown.balances" :key="b.nutrient" :class="balanceState(b)">
                <td>{{ nutrientName(b.nutrient) }} ({{ unitName(b.unit) }})</td><td class="n">{{ number(b.required, 2) }}</td><td class="n">{{ number(b.supplied, 2) }}</td><td class="n">{{ number(b.percentOfRequirement, 0) }}</td>
              </tr></tbody>
            </table>
            <RationAnalysis :version="shown" :formulation="best ? null : result.formulation" :inputs="group.inputs" :currency="farm.currency" />
            <template v-if="animal && !best">
              <h2>{{ $t('workbench.model') }}</h2>
              <p data-testid="requirement-model">{{ animal.requirementModel ?? 'NASEM (2021)' }} ·
                {{ $t('workbench.predictedDmi') }} {{ number(animal.predictedDryMatterIntakeKg, 2) }} kg DM
                <span v-if="animal.dryMatterIntakeEquationName"> ({{ animal.dryMatterIntakeEquationName }})</span> ·
                {{ $t(animal.confirmedByFullModel ? 'workbench.confirmed' : 'workbench.notConfirmed') }}</p>
              <p v-if="animal.requirementModelNote?.includes('were not found')" class="hint"
                 data-testid="requirement-model-note" :title="animal.requirementModelNote">{{ $t('workbench.kfsFallback') }}</p>
              <p v-if="animal.environment" class="hint" data-testid="beef-environment" :title="animal.environment.note">{{ $t('province.environment', {
                t: number(animal.environment.temperatureCelsius, 1), ts: $t('province.source.' + animal.environment.temperatureSource),
                p: number(animal.environment.previousMonthTemperatureCelsius, 1), ps: $t('province.source.' + animal.environment.previousMonthTemperatureSource) }) }}</p>
              <h2>{{ $t('workbench.guardRails') }}</h2>
              <table data-testid="guard-rails">
                <thead><tr><th>{{ $t('workbench.rail') }}</th><th class="n">{{ $t('workbench.value') }}</th><th class="n">{{ $t('workbench.limit') }}</th><th></th></tr></thead>
                <tbody><tr v-for="g in animal.guardRails" :key="g.name" :class="{ short: !g.met }">
                  <td>{{ railName(g.name) }}</td><td class="n">{{ number(g.value, 2) }}</td>
                  <td class="n">{{ g.min != null ? '≥ ' + number(g.min, 2) : '' }} {{ g.max != null ? '≤ ' + number(g.max, 2) : '' }}</td>
                  <td>{{ $t(g.met ? 'workbench.met' : 'workbench.notMet') }}</td>
                </tr></tbody>
              </table>
            </template>
            <template v-if="result.formulation && !best">
              <h2>{{ $t('workbench.shadowPrices') }}</h2>
              <p class="hint">{{ $t('workbench.shadowPricesHint') }}</p>
              <table data-testid="shadow-prices">
                <thead><tr><th>{{ $t('workbench.constraint') }}</th><th>{{ $t('workbench.bound') }}</th><th class="n">{{ $t('workbench.shadowPrice') }}</th></tr></thead>
                <tbody><tr v-for="n in bindingNutrients" :key="n.name + n.bound" :data-nutrient="n.name">
                  <td>{{ nutrientName(n.name) }}</td><td>{{ boundName(n.bound) }}</td>
                  <td class="n">{{ $t('workbench.perUnit', { price: significantMoney(n.value, farm.currency), unit: boundUnit(n.unit, n.bound) }) }}</td>
                </tr></tbody>
              </table>
              <h2>{{ $t('workbench.unusedFeeds') }}</h2>
              <p class="hint">{{ $t('workbench.unusedFeedsHint') }}</p>
              <table data-testid="reduced-costs">
                <thead><tr><th>{{ $t('workbench.feed') }}</th><th class="n">{{ $t('workbench.reducedCost') }}</th><th class="n">{{ $t('workbench.enteringPrice') }}</th></tr></thead>
                <tbody><tr v-for="f in unusedFeeds" :key="f.id" :data-feed="f.id">
                  <td>{{ f.name }}</td><td class="n">{{ significantMoney(f.reducedCostPerKgDm, farm.currency) }}</td>
                  <td class="n" data-testid="entering-price">{{ f.enteringPricePerTonneAsFed == null ? '—'
                    : f.enteringPricePerTonneAsFed <= 0 ? $t('workbench.notEvenFree') : money(f.enteringPricePerTonneAsFed, farm.currency) }}</td>
                </tr></tbody>
              </table>
            </template>
            <div class="toolbar" style="margin-top:8px" v-if="waits(result.outcome) && !result.preview && snapshot?.suggestion">
              <button v-if="can('approveRation')" class="primary" type="button" @click="approve" data-testid="approve">{{ $t('workbench.approve') }}</button>
            </div>
          </template>
        </section>
      </template>
    </template>`,
};
