// The signed-in person's farms, the invitations to their address waiting for an answer, and registering a new
// farm (the person becomes its owner).
import { get, request } from "../api.js";
import { FieldError, fieldMessages } from "../fields.js";
import { provinceCodes } from "../i18n-climate.js";

export const FarmsPage = {
  components: { FieldError },
  setup() {
    const router = VueRouter.useRouter();
    const route = VueRouter.useRoute();
    const farms = Vue.ref(null);
    const error = Vue.ref(null);
    const welcome = typeof route.query.welcome === "string" ? route.query.welcome : "";
    const invitations = Vue.ref([]);
    const load = () => Promise.all([get("/api/v1/farms"), get("/api/v1/me/invitations")])
      .then(([list, pending]) => { farms.value = list; invitations.value = pending; })
      .catch((e) => { error.value = e.message; });
    load();
    const accept = (invitation) => request("POST", `/api/v1/me/invitations/${invitation.id}/accept`)
      .then(load).catch((e) => { error.value = e.message; });

    const adding = Vue.ref(false);
    const form = Vue.reactive({ name: "", region: "", province: "", countryCode: "KR", currency: "KRW", timeZone: "Asia/Seoul" });
    const fields = Vue.ref({});
    const busy = Vue.ref(false);
    async function create() {
      busy.value = true;
      fields.value = {};
      try {
        const farm = await request("POST", "/api/v1/farms", {
          name: form.name,
          location: { region: form.region, countryCode: form.countryCode.toUpperCase(), province: form.province || null },
          currency: form.currency.toUpperCase(),
          timeZone: form.timeZone,
        });
        router.push(`/farms/${farm.id}`);
      } catch (e) {
        fields.value = fieldMessages(e);
      } finally {
        busy.value = false;
      }
    }
    return { farms, invitations, accept, error, welcome, adding, form, fields, busy, create, provinceCodes };
  },
  template: `
    <h1>{{ $t('farms.title') }}</h1>
    <p v-if="welcome" class="card" role="status" data-testid="welcome">{{ $t('account.welcome', { email: welcome }) }}</p>
    <section v-if="invitations.length" class="card" data-testid="my-invitations">
      <h2>{{ $t('invitation.pending') }}</h2>
      <p v-for="i in invitations" :key="i.id" :data-invitation="i.farmName">
        {{ $t('invitation.to', { farm: i.farmName, role: $t('role.' + i.role) }) }}
        <button class="primary" type="button" @click="accept(i)" data-testid="accept-invitation">{{ $t('invitation.accept') }}</button>
      </p>
    </section>
    <p v-if="error" class="error">{{ $t('common.error', { m: error }) }}</p>
    <p v-else-if="!farms">{{ $t('common.loading') }}</p>
    <p v-else-if="farms.length === 0">{{ $t('farms.none') }}</p>
    <table v-else data-testid="farms">
      <tbody>
        <tr v-for="farm in farms" :key="farm.id">
          <td><router-link :to="'/farms/' + farm.id">{{ farm.name }}</router-link></td>
          <td class="muted">{{ farm.location?.region }}</td>
          <td>{{ $t('farms.role') }}: {{ farm.role ? $t('role.' + farm.role) : '–' }}</td>
        </tr>
      </tbody>
    </table>
    <p v-if="farms && !adding"><button type="button" @click="adding = true" data-testid="add-farm">{{ $t('farms.add') }}</button></p>
    <form v-if="adding" class="card grid-form" @submit.prevent="create" data-testid="new-farm">
      <h2>{{ $t('farms.add') }}</h2>
      <label>{{ $t('farms.name') }} <input v-model="form.name" name="name" required maxlength="200"></label>
      <FieldError :fields="fields" name="name" />
      <label>{{ $t('farms.region') }} <input v-model="form.region" name="region" required maxlength="200"></label>
      <FieldError :fields="fields" name="location.region" />
      <label>{{ $t('province.label') }} <select v-model="form.province" name="province">
        <option value="">{{ $t('province.none') }}</option>
        <option v-for="code in provinceCodes" :key="code" :value="code">{{ $t('province.names.' + code.replace('-', '')) }}</option>
      </select></label>
      <FieldError :fields="fields" name="location.province" />
      <label>{{ $t('farms.country') }} <input v-model="form.countryCode" name="countryCode" required maxlength="2" size="3"></label>
      <FieldError :fields="fields" name="location.countryCode" />
      <label>{{ $t('farms.currency') }} <input v-model="form.currency" name="currency" required maxlength="3" size="4"></label>
      <FieldError :fields="fields" name="currency" />
      <label>{{ $t('farms.timeZone') }} <input v-model="form.timeZone" name="timeZone" required></label>
      <FieldError :fields="fields" name="timeZone" />
      <FieldError :fields="fields" name="" />
      <div><button class="primary" type="submit" :disabled="busy">{{ $t('farms.create') }}</button>
        <button type="button" @click="adding = false">{{ $t('farms.cancel') }}</button></div>
    </form>`,
};
