// A farm's people and sensors: members with their roles (owners and managers invite people by e-mail, change
// roles and remove members; pending invitations are listed and revocable) and device API keys for bunk scales
// and mixer wagons (created, shown once, revoked).
import { get, request } from "../api.js";
import { useFarm } from "../farm.js";
import { fieldMessages } from "../fields.js";
import { dateTime, i18n } from "../i18n.js";
import { NotFoundPage } from "./notfound.js";

const roles = ["owner", "manager", "nutritionist", "veterinarian", "viewer"];

/** The API's refusal as one line: field messages, else the problem's title. */
const messageOf = (e) => Object.values(fieldMessages(e)).join(" ");

export const FarmSettingsPage = {
  components: { NotFoundPage },
  props: { farmId: String },
  setup(props) {
    const { farm, notFound, error, loaded, can } = useFarm(props.farmId);
    const base = `/api/v1/farms/${props.farmId}`;
    const members = Vue.ref([]);
    const keys = Vue.ref([]);
    const invitations = Vue.ref([]);
    const newMember = Vue.reactive({ email: "", role: "viewer" });
    const invited = Vue.ref("");
    const newKeyName = Vue.ref("");
    const createdKey = Vue.ref(null);
    const memberError = Vue.ref("");
    const keyError = Vue.ref("");

    const loadMembers = async () => { members.value = await get(`${base}/members`); };
    const loadInvitations = async () => { invitations.value = await get(`${base}/invitations`); };
    const loadKeys = async () => { keys.value = await get(`${base}/device-keys`); };
    loaded.then((f) => f && Promise.all([loadMembers(), can("manageMembers") ? loadInvitations() : null, can("manageDevices") ? loadKeys() : null]))
      .catch((e) => { error.value = e.message; });

    async function attempt(target, action) {
      target.value = "";
      try {
        await action();
      } catch (e) {
        target.value = messageOf(e);
      }
    }
    const putMember = (email, role) => attempt(memberError, async () => {
      await request("PUT", `${base}/members`, { email, role });
      await loadMembers();
    });
    // The same answer for any address: the invitation e-mail tells the person; they accept signed in with it.
    const invite = () => attempt(memberError, async () => {
      invited.value = "";
      const invitation = await request("POST", `${base}/invitations`,
        { email: newMember.email, role: newMember.role, language: i18n.global.locale.value });
      invited.value = invitation.email;
      newMember.email = "";
      await loadInvitations();
    });
    const revokeInvitation = (invitation) => attempt(memberError, async () => {
      await request("DELETE", `${base}/invitations/${invitation.id}`);
      await loadInvitations();
    });
    const removeMember = (member) => attempt(memberError, async () => {
      await request("DELETE", `${base}/members/${member.userId}`);
      await loadMembers();
    });
    const createKey = () => attempt(keyError, async () => {
      createdKey.value = await request("POST", `${base}/device-keys`, { name: newKeyName.value });
      newKeyName.value = "";
      await loadKeys();
    });
    const revokeKey = (key) => attempt(keyError, async () => {
      await request("DELETE", `${base}/device-keys/${key.id}`);
      await loadKeys();
    });
    return { farm, notFound, error, can, roles, members, invitations, keys, newMember, invited, newKeyName, createdKey, memberError, keyError,
      putMember, invite, revokeInvitation, removeMember, createKey, revokeKey, dateTime };
  },
  template: `
    <NotFoundPage v-if="notFound" />
    <template v-else>
      <p v-if="error" class="error">{{ $t('common.error', { m: error }) }}</p>
      <template v-if="farm">
        <h1><router-link :to="'/farms/' + farmId">{{ farm.name }}</router-link> · {{ $t('settings.title') }}</h1>
        <section class="card">
          <h2>{{ $t('settings.members') }}</h2>
          <table data-testid="members">
            <thead><tr><th>{{ $t('settings.name') }}</th><th>{{ $t('signIn.email') }}</th><th>{{ $t('farms.role') }}</th><th>{{ $t('settings.since') }}</th><th></th></tr></thead>
            <tbody>
              <tr v-for="m in members" :key="m.userId" :data-member="m.email">
                <td>{{ m.displayName }}</td><td>{{ m.email }}</td>
                <td>
                  <select v-if="can('manageMembers')" :value="m.role" @change="putMember(m.email, $event.target.value)" name="role">
                    <option v-for="r in roles" :key="r" :value="r">{{ $t('role.' + r) }}</option>
                  </select>
                  <template v-else>{{ $t('role.' + m.role) }}</template>
                </td>
                <td>{{ dateTime(m.addedAt) }}</td>
                <td><button v-if="can('manageMembers')" type="button" @click="removeMember(m)" data-testid="remove-member">{{ $t('settings.remove') }}</button></td>
              </tr>
            </tbody>
          </table>
          <template v-if="can('manageMembers')">
            <h3>{{ $t('settings.invitations') }}</h3>
            <table data-testid="invitations">
              <thead><tr><th>{{ $t('signIn.email') }}</th><th>{{ $t('farms.role') }}</th><th>{{ $t('settings.invitedAt') }}</th><th>{{ $t('settings.expires') }}</th><th></th></tr></thead>
              <tbody>
                <tr v-for="i in invitations" :key="i.id" :data-invitation="i.email">
                  <td>{{ i.email }}</td><td>{{ $t('role.' + i.role) }}</td><td>{{ dateTime(i.invitedAt) }}</td><td>{{ dateTime(i.expiresAt) }}</td>
                  <td><button type="button" @click="revokeInvitation(i)" data-testid="revoke-invitation">{{ $t('settings.revoke') }}</button></td>
                </tr>
              </tbody>
            </table>
            <form class="toolbar" @submit.prevent="invite" data-testid="add-member">
              <label>{{ $t('signIn.email') }} <input v-model="newMember.email" type="email" name="email" required></label>
              <label>{{ $t('farms.role') }} <select v-model="newMember.role" name="newRole"><option v-for="r in roles" :key="r" :value="r">{{ $t('role.' + r) }}</option></select></label>
              <button class="primary" type="submit">{{ $t('settings.invite') }}</button>
            </form>
            <p v-if="invited" role="status" data-testid="invitation-sent">{{ $t('settings.invitationSent', { email: invited }) }}</p>
          </template>
          <p v-if="memberError" class="error" role="alert" data-testid="member-error">{{ memberError }}</p>
        </section>
        <section class="card" v-if="can('manageDevices')">
          <h2>{{ $t('settings.devices') }}</h2>
          <p class="muted">{{ $t('settings.devicesText') }}</p>
          <div v-if="createdKey" class="card" role="status" data-testid="created-key">
            <strong>{{ $t('settings.keyOnce', { name: createdKey.name }) }}</strong>
            <pre data-testid="key-secret">{{ createdKey.key }}</pre>
          </div>
          <table data-testid="device-keys">
            <thead><tr><th>{{ $t('settings.keyName') }}</th><th>{{ $t('settings.prefix') }}</th><th>{{ $t('settings.created') }}</th><th>{{ $t('settings.lastUsed') }}</th><th></th></tr></thead>
            <tbody>
              <tr v-for="k in keys" :key="k.id" :data-key="k.name">
                <td>{{ k.name }}</td><td><code>{{ k.prefix }}</code></td><td>{{ dateTime(k.createdAt) }}</td><td>{{ dateTime(k.lastUsedAt) }}</td>
                <td>
                  <span v-if="k.revokedAt" class="muted">{{ $t('settings.revoked', { at: dateTime(k.revokedAt) }) }}</span>
                  <button v-else type="button" @click="revokeKey(k)" data-testid="revoke-key">{{ $t('settings.revoke') }}</button>
                </td>
              </tr>
            </tbody>
          </table>
          <form class="toolbar" @submit.prevent="createKey" data-testid="add-key">
            <label>{{ $t('settings.keyName') }} <input v-model="newKeyName" name="keyName" required maxlength="100"></label>
            <button class="primary" type="submit">{{ $t('settings.createKey') }}</button>
          </form>
          <p v-if="keyError" class="error" role="alert">{{ keyError }}</p>
        </section>
      </template>
    </template>`,
};
