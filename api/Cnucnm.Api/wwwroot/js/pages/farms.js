import { get } from "../api.js";

export const FarmsPage = {
  setup() {
    const farms = Vue.ref(null);
    const error = Vue.ref(null);
    get("/api/v1/farms").then((list) => { farms.value = list; }).catch((e) => { error.value = e.message; });
    return { farms, error };
  },
  template: `
    <h1>{{ $t('farms.title') }}</h1>
    <p v-if="error" class="error">{{ $t('common.error', { m: error }) }}</p>
    <p v-else-if="!farms">{{ $t('common.loading') }}</p>
    <p v-else-if="farms.length === 0">{{ $t('farms.none') }}</p>
    <table v-else data-testid="farms">
      <tbody>
        <tr v-for="farm in farms" :key="farm.id">
          <td><router-link :to="'/farms/' + farm.id">{{ farm.name }}</router-link></td>
          <td class="muted">{{ farm.location?.region }}</td>
          <td>{{ $t('farms.role') }}: {{ farm.role }}</td>
        </tr>
      </tbody>
    </table>`,
};
