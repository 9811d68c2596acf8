// The inputs of a group's mean animal, to create a group (POST) or replace its inputs (PUT). The API
// checks every field; its messages appear under the fields.
import { request } from "./api.js";
import { FieldError, fieldMessages } from "./fields.js";

export const breeds = ["holstein", "jersey", "hanwoo", "holsteinHanwooCross", "angus", "other"];
export const states = ["lactatingCow", "dryCow", "heifer", "calf", "growingSteer", "fatteningSteer", "beefCow"];

// Numeric fields in form order; `lactating` ones are shown only for lactating cows, `female` ones not for steers.
const numericFields = [
  { name: "headCount", label: "herd.head", step: 1 },
  { name: "bodyWeightKg", label: "group.bodyWeight", step: 1 },
  { name: "bodyConditionScore", label: "group.bcs", step: 0.25 },
  { name: "matureBodyWeightKg", label: "group.matureWeight", step: 1 },
  { name: "ageDays", label: "group.ageDays", step: 1 },
  { name: "parity", label: "group.parity", step: 1, female: true },
  { name: "daysPregnant", label: "group.daysPregnant", step: 1, female: true },
  { name: "daysInMilk", label: "group.dim", step: 1, lactating: true },
  { name: "milkKgPerDay", label: "group.milk", step: 0.1, lactating: true },
  { name: "milkFatPercent", label: "group.fat", step: 0.01, lactating: true },
  { name: "milkTrueProteinPercent", label: "group.protein", step: 0.01, lactating: true },
  { name: "milkLactosePercent", label: "group.lactose", step: 0.01, lactating: true },
  { name: "targetGainKgPerDay", label: "group.gain", step: 0.01 },
  { name: "temperatureCelsius", label: "group.temperature", step: 0.5 },
];

// A new group starts as a typical mid-lactation Holstein pen.
const newGroup = {
  name: "", breed: "holstein", state: "lactatingCow", headCount: 40, bodyWeightKg: 650, bodyConditionScore: 3,
  matureBodyWeightKg: null, ageDays: 1400, parity: 2, daysInMilk: 100, daysPregnant: 0, milkKgPerDay: 35,
  milkFatPercent: 3.8, milkTrueProteinPercent: 3.1, milkLactosePercent: 4.85, targetGainKgPerDay: 0, temperatureCelsius: 15,
};

// Only lactating (and beef) cows have milk components; the API refuses them for steers, heifers, calves and dry cows
// (docs/web.md), so a group of another state sends none.
const notMilking = { daysInMilk: null, milkKgPerDay: null, milkFatPercent: null, milkTrueProteinPercent: null, milkLactosePercent: null };

/**
 * Starting values of a new group by state: a plausible pen of that kind for the farm to correct, so that a steer pen does
 * not start as 650 kg Holstein cows. Body condition is on the breed's scale (1–5 dairy, 1–9 beef). Not model outputs:
 * the requirements follow from whatever the farm enters.
 */
export const stateDefaults = {
  lactatingCow: { breed: "holstein", bodyWeightKg: 650, bodyConditionScore: 3, ageDays: 1400, parity: 2, daysInMilk: 100, daysPregnant: 0,
    milkKgPerDay: 35, milkFatPercent: 3.8, milkTrueProteinPercent: 3.1, milkLactosePercent: 4.85, targetGainKgPerDay: 0 },
  dryCow: { breed: "holstein", bodyWeightKg: 700, bodyConditionScore: 3.25, ageDays: 1600, parity: 2, daysPregnant: 250, ...notMilking, targetGainKgPerDay: 0 },
  heifer: { breed: "holstein", bodyWeightKg: 400, bodyConditionScore: 3, ageDays: 450, parity: 0, daysPregnant: 0, ...notMilking, targetGainKgPerDay: 0.8 },
  calf: { breed: "holstein", bodyWeightKg: 100, bodyConditionScore: 3, ageDays: 90, parity: 0, daysPregnant: 0, ...notMilking, targetGainKgPerDay: 0.7 },
  growingSteer: { breed: "hanwoo", bodyWeightKg: 300, bodyConditionScore: 5, ageDays: 300, parity: 0, daysPregnant: 0, ...notMilking, targetGainKgPerDay: 0.9 },
  fatteningSteer: { breed: "hanwoo", bodyWeightKg: 600, bodyConditionScore: 6, ageDays: 600, parity: 0, daysPregnant: 0, ...notMilking, targetGainKgPerDay: 0.8 },
  beefCow: { breed: "hanwoo", bodyWeightKg: 450, bodyConditionScore: 5, ageDays: 1500, parity: 2, daysPregnant: 150, ...notMilking, targetGainKgPerDay: 0 },
};

const isSteer = (state) => state === "growingSteer" || state === "fatteningSteer";

// The groups the beef model formulates (BeefGroupModel.Applies): beef breeds in every state, Holstein steers. Their target gain is
// a shrunk-weight gain (NRC 2000: shrunk weight = 0.96 × live weight, so shrunk gain = 0.96 × live gain).
const isBeef = (breed, state) => ["hanwoo", "holsteinHanwooCross", "angus"].includes(breed) || (breed === "holstein" && isSteer(state));
const shrinkFactor = 0.96;

export const GroupForm = {
  components: { FieldError },
  props: { farmId: String, group: Object },
  emits: ["saved", "cancel"],
  setup(props, { emit }) {
    const existing = props.group;
    const form = Vue.reactive(existing
      ? { name: existing.name, ...existing.inputs,
        temperatureCelsius: existing.inputs.environment.temperatureFromFarmClimate ? "" : existing.inputs.environment.temperatureCelsius }
      : { ...newGroup });
    const lactating = Vue.computed(() => form.state === "lactatingCow");
    const beef = Vue.computed(() => isBeef(form.breed, form.state));
    // Live-weight gain typed by the user, converted to the shrunk target the beef model takes (the API stores shrunk gain).
    const liveGain = Vue.ref("");
    function fromLiveGain() {
      const live = Number(liveGain.value);
      if (liveGain.value !== "" && Number.isFinite(live)) form.targetGainKgPerDay = Math.round(live * shrinkFactor * 1000) / 1000;
    }
    const visible = Vue.computed(() => numericFields.filter((f) => (!f.lactating || lactating.value) && (!f.female || !isSteer(form.state))));
    // A new group takes the starting values of the state chosen; an existing group keeps its own.
    if (!existing) {
      Vue.watch(() => form.state, (state) => Object.assign(form, stateDefaults[state] ?? {}));
    }
    const fields = Vue.ref({});
    const busy = Vue.ref(false);
    const orNull = (value) => (value === "" || value === undefined ? null : value);

    async function save() {
      busy.value = true;
      fields.value = {};
      const body = {
        name: form.name,
        breed: form.breed,
        state: form.state,
        ...Object.fromEntries(numericFields.filter((f) => f.name !== "temperatureCelsius").map((f) => [f.name, orNull(form[f.name])])),
        // A blank temperature leaves the environment to the farm's climate (beef: the KMA normals of the farm's province and
        // month; dairy: 15 °C), docs/science.md.
        environment: orNull(form.temperatureCelsius) === null ? null
          : { ...(existing?.inputs.environment ?? {}), temperatureFromFarmClimate: undefined, temperatureCelsius: form.temperatureCelsius },
        targetDryMatterIntakeKg: existing?.inputs.targetDryMatterIntakeKg ?? null,
      };
      if (!lactating.value) {
        Object.assign(body, notMilking);
      }
      if (isSteer(form.state)) {
        Object.assign(body, { parity: 0, daysPregnant: 0 });
      }
      try {
        const base = `/api/v1/farms/${props.farmId}/groups`;
        const saved = existing ? await request("PUT", `${base}/${existing.id}`, body) : await request("POST", base, body);
        emit("saved", saved);
      } catch (e) {
        // The temperature is sent inside `environment`; its message goes under the form's own field.
        fields.value = Object.fromEntries(Object.entries(fieldMessages(e))
          .map(([k, v]) => [k === "environment.temperatureCelsius" ? "temperatureCelsius" : k, v]));
      } finally {
        busy.value = false;
      }
    }
    return { form, visible, fields, busy, save, breeds, states, beef, liveGain, fromLiveGain, editing: !!existing };
  },
  template: `
    <form class="grid-form" @submit.prevent="save" data-testid="group-form">
      <label>{{ $t('herd.group') }} <input v-model="form.name" name="name" required maxlength="100"></label>
      <FieldError :fields="fields" name="name" />
      <label>{{ $t('group.breed') }}
        <select v-model="form.breed" name="breed"><option v-for="b in breeds" :key="b" :value="b">{{ $t('breed.' + b) }}</option></select></label>
      <label>{{ $t('herd.state') }}
        <select v-model="form.state" name="state"><option v-for="s in states" :key="s" :value="s">{{ $t('state.' + s) }}</option></select></label>
      <template v-for="f in visible" :key="f.name">
        <label>{{ $t(f.name === 'targetGainKgPerDay' && beef ? 'group.gainShrunk' : f.label) }} <input v-model.number="form[f.name]" :name="f.name" type="number" :step="f.step"
          :placeholder="f.name === 'temperatureCelsius' ? $t('group.temperatureFromFarm') : null"></label>
        <label v-if="f.name === 'targetGainKgPerDay' && beef">{{ $t('group.liveGain') }}
          <input v-model="liveGain" name="liveGainKgPerDay" type="number" step="0.01" @input="fromLiveGain" data-testid="live-gain"></label>
        <FieldError :fields="fields" :name="f.name" />
      </template>
      <FieldError :fields="fields" name="" />
      <div class="toolbar">
        <button class="primary" type="submit" :disabled="busy" data-testid="save-group">{{ editing ? $t('common.save') : $t('herd.addGroup') }}</button>
        <button type="button" @click="$emit('cancel')">{{ $t('farms.cancel') }}</button>
      </div>
    </form>`,
};
