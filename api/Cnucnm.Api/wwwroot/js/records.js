// A group's records on its page: what the mean animal needs now (from the inputs alone, before any ration), weighings with
// body condition and, for milking pens, milk tests; members who edit groups record new ones here.
import { request } from "./api.js";
import { FieldError, fieldMessages } from "./fields.js";
import { number, date } from "./i18n.js";

/** Dairy breeds score body condition 1–5, beef breeds 1–9 (as the API checks). */
const dairyBreeds = new Set(["holstein", "jersey"]);

/** Today in the farm's time zone (yyyy-mm-dd): the API refuses records dated after the farm's today. */
export function farmToday(timeZone) {
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone: timeZone || undefined, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

export const GroupRecords = {
  components: { FieldError },
  props: { farmId: String, group: Object, farm: Object, canEdit: Boolean, actor: Function },
  emits: ["saved"],
  setup(props, { emit }) {
    const base = `/api/v1/farms/${props.farmId}/groups/${props.group.id}`;
    const today = farmToday(props.farm?.timeZone);
    const weighing = Vue.reactive({ date: today, bodyWeightKg: null, bodyConditionScore: null });
    const milkTest = Vue.reactive({ date: today, milkKgPerDay: null, fatPercent: null, trueProteinPercent: null, lactosePercent: null });
    const weighingFields = Vue.ref({});
    const milkFields = Vue.ref({});
    const busy = Vue.ref(false);
    const orNull = (value) => (value === "" || value === undefined ? null : value);
    const milking = Vue.computed(() => props.group.inputs.state === "lactatingCow");
    const scaleMax = Vue.computed(() => (dairyBreeds.has(props.group.inputs.breed) ? 5 : 9));

    async function post(path, body, fields, reset) {
      busy.value = true;
      fields.value = {};
      try {
        const saved = await request("POST", `${base}/${path}`, body);
        reset();
        emit("saved", saved);
      } catch (e) {
        fields.value = fieldMessages(e);
      } finally {
        busy.value = false;
      }
    }
    const addWeighing = () => post("weighings", {
      date: weighing.date, bodyWeightKg: orNull(weighing.bodyWeightKg), bodyConditionScore: orNull(weighing.bodyConditionScore),
    }, weighingFields, () => Object.assign(weighing, { bodyWeightKg: null, bodyConditionScore: null }));
    const addMilkTest = () => post("milk-tests", {
      date: milkTest.date, milkKgPerDay: orNull(milkTest.milkKgPerDay), fatPercent: orNull(milkTest.fatPercent),
      trueProteinPercent: orNull(milkTest.trueProteinPercent), lactosePercent: orNull(milkTest.lactosePercent),
    }, milkFields, () => Object.assign(milkTest, { milkKgPerDay: null, fatPercent: null, trueProteinPercent: null, lactosePercent: null }));

    return { weighing, milkTest, weighingFields, milkFields, busy, milking, scaleMax, addWeighing, addMilkTest, number, date };
  },
  template: `
    <div data-testid="group-records">
      <h2>{{ $t('records.requirements') }}</h2>
      <p v-if="group.requirementsProblem" class="error" data-testid="requirements-problem">{{ group.requirementsProblem }}</p>
      <template v-if="group.requirements">
        <p><strong>{{ $t('herd.predicted') }}:</strong> <span data-testid="requirements-dmi">{{ number(group.requirements.predictedDryMatterIntakeKg, 2) }}</span> {{ $t('herd.kgHead') }}
          <span class="muted">· {{ $t('records.model') }}: {{ group.requirements.model }}</span></p>
        <table data-testid="requirements">
          <thead><tr><th>{{ $t('records.nutrient') }}</th><th class="n">{{ $t('records.required') }}</th><th>{{ $t('records.unit') }}</th></tr></thead>
          <tbody><tr v-for="r in group.requirements.perAnimal" :key="r.nutrient" :data-nutrient="r.nutrient">
            <td>{{ r.nutrient }}</td><td class="n">{{ number(r.required, 2) }}</td><td>{{ r.unit }}</td>
          </tr></tbody>
        </table>
      </template>
      <div class="grid2">
        <div>
          <h2>{{ $t('group.weighings') }}</h2>
          <p v-if="group.weighings.length === 0" class="muted">{{ $t('records.noWeighings') }}</p>
          <table v-else data-testid="weighings"><tbody><tr v-for="w in group.weighings" :key="w.date"><td>{{ date(w.date) }}</td><td class="n">{{ number(w.bodyWeightKg, 0) }} kg</td><td class="n">{{ number(w.bodyConditionScore, 2) }}</td><td class="muted">{{ actor(w.recordedBy) }}</td></tr></tbody></table>
          <form v-if="canEdit" class="grid-form" @submit.prevent="addWeighing" data-testid="weighing-form">
            <label>{{ $t('group.date') }} <input type="date" v-model="weighing.date" name="date" required></label>
            <FieldError :fields="weighingFields" name="date" />
            <label>{{ $t('group.bodyWeight') }} <input type="number" step="1" v-model.number="weighing.bodyWeightKg" name="bodyWeightKg"></label>
            <FieldError :fields="weighingFields" name="bodyWeightKg" />
            <label>{{ $t('records.bcsScale', { max: scaleMax }) }} <input type="number" step="0.25" v-model.number="weighing.bodyConditionScore" name="bodyConditionScore"></label>
            <FieldError :fields="weighingFields" name="bodyConditionScore" />
            <FieldError :fields="weighingFields" name="" />
            <div class="toolbar"><button type="submit" :disabled="busy" data-testid="add-weighing">{{ $t('records.addWeighing') }}</button></div>
          </form>
        </div>
        <div v-if="milking">
          <h2>{{ $t('group.milkTests') }}</h2>
          <p v-if="group.milkTests.length === 0" class="muted">{{ $t('records.noMilkTests') }}</p>
          <table v-else data-testid="milk-tests"><tbody><tr v-for="m in group.milkTests" :key="m.date"><td>{{ date(m.date) }}</td><td class="n">{{ number(m.milkKgPerDay, 1) }} kg</td><td class="n">{{ number(m.fatPercent, 2) }} %</td><td class="n">{{ number(m.trueProteinPercent, 2) }} %</td></tr></tbody></table>
          <form v-if="canEdit" class="grid-form" @submit.prevent="addMilkTest" data-testid="milk-test-form">
            <label>{{ $t('group.date') }} <input type="date" v-model="milkTest.date" name="date" required></label>
            <FieldError :fields="milkFields" name="date" />
            <label>{{ $t('group.milk') }} <input type="number" step="0.1" v-model.number="milkTest.milkKgPerDay" name="milkKgPerDay"></label>
            <FieldError :fields="milkFields" name="milkKgPerDay" />
            <label>{{ $t('group.fat') }} <input type="number" step="0.01" v-model.number="milkTest.fatPercent" name="fatPercent"></label>
            <FieldError :fields="milkFields" name="fatPercent" />
            <label>{{ $t('group.protein') }} <input type="number" step="0.01" v-model.number="milkTest.trueProteinPercent" name="trueProteinPercent"></label>
            <FieldError :fields="milkFields" name="trueProteinPercent" />
            <label>{{ $t('group.lactose') }} <input type="number" step="0.01" v-model.number="milkTest.lactosePercent" name="lactosePercent"></label>
            <FieldError :fields="milkFields" name="lactosePercent" />
            <FieldError :fields="milkFields" name="" />
            <div class="toolbar"><button type="submit" :disabled="busy" data-testid="add-milk-test">{{ $t('records.addMilkTest') }}</button></div>
          </form>
        </div>
      </div>
    </div>`,
};
