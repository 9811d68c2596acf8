// Herd overview: every group of the farm with today's intake (live from the farm's events), cost,
// worst nutrient balance and the open alerts.
import { get } from "../api.js";
import { useFarm, useFarmEvents, worstBalance } from "../farm.js";
import { number, money, dateTime } from "../i18n.js";
import { GroupForm } from "../groupform.js";
import { NotFoundPage } from "./notfound.js";

export const HerdPage = {
  components: { NotFoundPage, GroupForm },
  props: { farmId: String },
  setup(props) {
    const router = VueRouter.useRouter();
    const { farm, notFound, error, loaded, can } = useFarm(props.farmId);
    const adding = Vue.ref(false);
    const added = (group) => router.push(`/farms/${props.farmId}/groups/${group.id}`);
    const groups = Vue.ref([]);
    const rations = Vue.reactive({});
    const alerts = Vue.ref([]);
    const base = `/api/v1/farms/${props.farmId}`;

    const loadRation = async (groupId) => { rations[groupId] = await get(`${base}/groups/${groupId}/ration`); };
    const loadAlerts = async () => { alerts.value = await get(`${base}/alerts?open=true`); };
    async function loadGroups() {
      // The groups and every group's ration in force in two calls side by side (not one ration call per group).
      const [list, current] = await Promise.all([get(`${base}/groups`), get(`${base}/rations/current`)]);
      for (const c of current) rations[c.groupId] = { current: c.current };
      groups.value = list;
    }
    async function reloadGroup(groupId) {
      // Where the row is, looked up after each wait: the list may have been reloaded meanwhile.
      const indexOf = () => groups.value.findIndex((g) => g.id === groupId);
      try {
        const fresh = await get(`${base}/groups/${groupId}`);
        const index = indexOf();
        if (index >= 0) groups.value[index] = fresh; else groups.value.push(fresh);
        await loadRation(groupId);
      } catch (e) {
        if (e.status !== 404) throw e;
        const index = indexOf();
        if (index >= 0) groups.value.splice(index, 1); // the group was removed
      }
    }

    loaded.then((f) => f && Promise.all([loadGroups(), loadAlerts()])).catch((e) => { error.value = e.message; });
    const live = useFarmEvents(props.farmId, {
      intakeRecorded: (e) => {
        const group = groups.value.find((g) => g.id === e.groupId);
        if (!group) return;
        group.intake.todayDryMatterKgPerHead = e.values.todayDryMatterKgPerHead;
        group.intake.predictedDryMatterKgPerHead = e.values.predictedDryMatterKgPerHead || group.intake.predictedDryMatterKgPerHead;
        group.intake.formulatedDryMatterKgPerHead = e.values.formulatedDryMatterKgPerHead || group.intake.formulatedDryMatterKgPerHead;
      },
      groupChanged: (e) => e.groupId && reloadGroup(e.groupId).catch((err) => { error.value = err.message; }),
      rationChanged: (e) => e.groupId && loadRation(e.groupId),
      alertRaised: loadAlerts,
      alertAcknowledged: loadAlerts,
      reset: () => Promise.all([loadGroups(), loadAlerts()]),
    });

    const severityRank = { critical: 0, warning: 1, info: 2 };
    const topAlerts = Vue.computed(() => alerts.value.slice()
      .sort((a, b) => (severityRank[a.severity] ?? 3) - (severityRank[b.severity] ?? 3)).slice(0, 10));
    const groupAlerts = (groupId) => alerts.value.filter((a) => a.groupId === groupId).length;
    const worst = (groupId) => worstBalance(rations[groupId]?.current);
    return { adding, added, can, live, farm, notFound, error, groups, rations, alerts, topAlerts, groupAlerts, worst, number, money, dateTime };
  },
  template: `
    <NotFoundPage v-if="notFound" />
    <template v-else>
      <p v-if="error" class="error">{{ $t('common.error', { m: error }) }}</p>
      <h1 v-if="farm" data-testid="farm-name">{{ farm.name }} · {{ $t('herd.title') }}</h1>
      <div class="toolbar" v-if="farm">
        <span class="tag" :data-live="live ? 'ready' : 'connecting'">{{ live ? $t('herd.live') : '…' }}</span>
          <router-link class="button" :to="'/farms/' + farmId + '/alerts'" data-testid="alerts-link">{{ $t('nav.alerts') }} ({{ alerts.length }})</router-link>
          <router-link class="button" :to="'/farms/' + farmId + '/kpis'" data-testid="kpis-link">{{ $t('kpis.link') }}</router-link>
          <router-link class="button" :to="'/farms/' + farmId + '/growth'" data-testid="growth-link">{{ $t('growth.title') }}</router-link>
          <router-link class="button" :to="'/farms/' + farmId + '/feeds'" data-testid="feeds-link">{{ $t('feeds.title') }}</router-link>
          <router-link class="button" :to="'/farms/' + farmId + '/settings'" data-testid="settings-link">{{ $t('settings.title') }}</router-link>
      </div>
      <section class="card" v-if="adding">
        <h2>{{ $t('herd.addGroup') }}</h2>
        <GroupForm :farm-id="farmId" @saved="added" @cancel="adding = false" />
      </section>
      <section class="card">
        <p v-if="farm && !adding && can('editGroups')"><button type="button" @click="adding = true" data-testid="add-group">{{ $t('herd.addGroup') }}</button></p>
        <p v-if="farm && groups.length === 0">{{ $t('herd.noGroups') }}</p>
        <table v-else data-testid="groups">
          <thead><tr>
            <th>{{ $t('herd.group') }}</th><th class="n">{{ $t('herd.head') }}</th><th>{{ $t('herd.state') }}</th>
            <th class="n">{{ $t('herd.actual') }}</th><th class="n">{{ $t('herd.predicted') }}</th><th class="n">{{ $t('herd.formulated') }}</th>
            <th class="n">{{ $t('herd.costHead') }}</th><th class="n">{{ $t('herd.costPen') }}</th><th>{{ $t('herd.worst') }}</th>
            <th class="n">{{ $t('herd.openAlerts') }}</th>
          </tr></thead>
          <tbody>
            <tr v-for="g in groups" :key="g.id" :data-group="g.id">
              <td><router-link :to="'/farms/' + farmId + '/groups/' + g.id">{{ g.name }}</router-link></td>
              <td class="n">{{ number(g.inputs.headCount, 0) }}</td>
              <td>{{ $t('state.' + g.inputs.state) }}</td>
              <td class="n" data-testid="actual-dmi">{{ number(g.intake.todayDryMatterKgPerHead, 2) }}</td>
              <td class="n" data-testid="predicted-dmi">{{ number(g.intake.predictedDryMatterKgPerHead, 2) }}</td>
              <td class="n" data-testid="formulated-dmi">{{ number(g.intake.formulatedDryMatterKgPerHead, 2) }}</td>
              <td class="n" data-testid="cost-head">{{ money(rations[g.id]?.current?.costPerHeadPerDay, farm?.currency) }}</td>
              <td class="n">{{ money(rations[g.id]?.current?.costPerPenPerDay, farm?.currency) }}</td>
              <td data-testid="worst-balance">
                <template v-if="worst(g.id)">{{ worst(g.id).nutrient }} {{ number(worst(g.id).percentOfRequirement, 0) }} %</template>
                <template v-else>–</template>
              </td>
              <td class="n">{{ groupAlerts(g.id) }}</td>
            </tr>
          </tbody>
        </table>
      </section>
      <section class="card" v-if="alerts.length">
        <h2>{{ $t('herd.openAlerts') }}</h2>
        <ul data-testid="open-alerts">
          <li v-for="a in topAlerts" :key="a.id"><span class="tag" :class="a.severity">{{ $t('severity.' + a.severity) }}</span> {{ a.title }} <span class="muted">{{ dateTime(a.raisedAt) }}</span></li>
        </ul>
      </section>
    </template>`,
};
