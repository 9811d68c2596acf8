// The farm's alerts, newest first, with acknowledge.
import { get, request } from "../api.js";
import { useFarm, useFarmEvents } from "../farm.js";
import { dateTime, i18n } from "../i18n.js";
import { NotFoundPage } from "./notfound.js";

export const AlertsPage = {
  components: { NotFoundPage },
  props: { farmId: String },
  setup(props) {
    const { farm, notFound, error, loaded, can } = useFarm(props.farmId);
    const alerts = Vue.ref(null);
    const openOnly = Vue.ref(true);
    const base = `/api/v1/farms/${props.farmId}/alerts`;
    const load = () => get(openOnly.value ? `${base}?open=true` : base)
      .then((list) => { alerts.value = list; error.value = null; })
      .catch((e) => { error.value = e.message; });
    loaded.then((f) => f && load());
    Vue.watch(openOnly, load);
    // The server writes the alerts' texts in the UI language: fetch them again when it changes.
    Vue.watch(i18n.global.locale, load);
    useFarmEvents(props.farmId, { alertRaised: load, alertAcknowledged: load, reset: load });
    async function acknowledge(alert) {
      try {
        await request("POST", `${base}/${alert.id}/acknowledge`);
        await load();
      } catch (e) {
        error.value = e.message;
      }
    }
    return { farm, notFound, error, can, alerts, openOnly, acknowledge, dateTime };
  },
  template: `
    <NotFoundPage v-if="notFound" />
    <template v-else>
      <h1 v-if="farm"><router-link :to="'/farms/' + farmId">{{ farm.name }}</router-link> · {{ $t('alerts.title') }}</h1>
      <p v-if="error" class="error">{{ $t('common.error', { m: error }) }}</p>
      <label class="toolbar"><input type="checkbox" v-model="openOnly" data-testid="open-only"> {{ $t('alerts.openOnly') }}</label>
      <section class="card">
        <p v-if="alerts === null">{{ error ? '' : $t('common.loading') }}</p>
        <p v-else-if="alerts.length === 0">{{ $t('alerts.none') }}</p>
        <table v-else data-testid="alerts">
          <thead><tr><th>{{ $t('alerts.raised') }}</th><th>{{ $t('alerts.severity') }}</th><th>{{ $t('alerts.alert') }}</th><th></th></tr></thead>
          <tbody>
            <tr v-for="a in alerts" :key="a.id" :data-alert="a.id">
              <td>{{ dateTime(a.raisedAt) }}</td>
              <td><span class="tag" :class="a.severity">{{ $t('severity.' + a.severity) }}</span></td>
              <td><strong>{{ a.title }}</strong><br><span class="muted">{{ a.detail }}</span></td>
              <td>
                <span v-if="a.acknowledgedAt" class="muted">{{ $t('alerts.acknowledged') }} {{ dateTime(a.acknowledgedAt) }}</span>
                <button v-else-if="can('acknowledgeAlerts')" type="button" @click="acknowledge(a)" data-testid="acknowledge">{{ $t('alerts.acknowledge') }}</button>
              </td>
            </tr>
          </tbody>
        </table>
      </section>
    </template>`,
};
