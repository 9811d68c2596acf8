// The CNUCNM web front: Vue 3 with templates compiled in the browser, hash routes, no bundler.
import { get, isOperator, openOrleansDashboard, session, signOut } from "./api.js";
import { i18n, rememberLanguage, storedLanguage } from "./i18n.js";
import { applyUserLanguage, chooseLanguage } from "./language.js";
import { SignInPage } from "./pages/signin.js";
import { ConfirmRegistrationPage, ForgotPasswordPage, InvitationPage, RegisterPage, ResetPasswordPage, VerifyEmailPage } from "./pages/account.js";
import { FarmsPage } from "./pages/farms.js";
import { HerdPage } from "./pages/herd.js";
import { GroupPage } from "./pages/group.js";
import { AlertsPage } from "./pages/alerts.js";
import { WorkbenchPage } from "./pages/workbench.js";
import { GrowthPage } from "./pages/growth.js";
import { FarmSettingsPage } from "./pages/settings.js";
import { FeedsPage } from "./pages/feeds.js";
import { MixerPage } from "./pages/mixer.js";
import { KpisPage } from "./pages/kpis.js";
import { NotFoundPage } from "./pages/notfound.js";

const routes = [
  { path: "/signin", component: SignInPage, meta: { public: true } },
  { path: "/register", component: RegisterPage, meta: { public: true } },
  { path: "/forgot-password", component: ForgotPasswordPage, meta: { public: true } },
  { path: "/reset-password", component: ResetPasswordPage, meta: { public: true } },
  { path: "/verify-email", component: VerifyEmailPage, meta: { public: true } },
  { path: "/confirm-registration", component: ConfirmRegistrationPage, meta: { public: true } },
  { path: "/invitation", component: InvitationPage },
  { path: "/", component: FarmsPage },
  { path: "/farms/:farmId", component: HerdPage, props: true },
  { path: "/farms/:farmId/alerts", component: AlertsPage, props: true },
  { path: "/farms/:farmId/groups/:groupId", component: GroupPage, props: true },
  { path: "/farms/:farmId/groups/:groupId/workbench", component: WorkbenchPage, props: true },
  { path: "/farms/:farmId/growth", component: GrowthPage, props: true },
  { path: "/farms/:farmId/settings", component: FarmSettingsPage, props: true },
  { path: "/farms/:farmId/feeds", component: FeedsPage, props: true },
  { path: "/farms/:farmId/groups/:groupId/mixer", component: MixerPage, props: true },
  { path: "/farms/:farmId/kpis", component: KpisPage, props: true },
  { path: "/:pathMatch(.*)*", component: NotFoundPage },
];

const router = VueRouter.createRouter({ history: VueRouter.createWebHashHistory(), routes });
router.beforeEach((to) => (to.meta.public || session.signedIn ? true : { path: "/signin", query: { next: to.fullPath } }));

const Shell = {
  setup() {
    const route = VueRouter.useRoute();
    const language = Vue.computed({
      get: () => i18n.global.locale.value,
      set: chooseLanguage,
    });
    // Global roles reach the UI through GET /api/v1/me; the link is for operators (and administrators) only,
    // and the API refuses everyone else anyway.
    const operator = Vue.ref(false);
    const dashboardError = Vue.ref("");
    let rolesOf = null;
    async function loadRoles() {
      const token = session.accessToken;
      if (!token) { operator.value = false; rolesOf = null; return; }
      if (rolesOf === token) return;
      rolesOf = token;
      try { operator.value = isOperator(await get("/api/v1/me")); } catch { operator.value = false; }
    }
    Vue.watch(() => route.path, loadRoles, { immediate: true });
    async function openDashboard() {
      dashboardError.value = "";
      try { await openOrleansDashboard(); } catch { dashboardError.value = "nav.dashboardFailed"; }
    }
    async function leave() {
      await signOut();
      operator.value = false;
      rolesOf = null;
      router.push("/signin");
    }
    return { dashboardError, language, leave, openDashboard, operator, route, session };
  },
  template: `
    <header class="bar">
      <router-link to="/" class="brand">CNUCNM</router-link>
      <router-link v-if="session.signedIn" to="/">{{ $t('nav.farms') }}</router-link>
      <a v-if="operator && session.signedIn && route.path !== '/signin'" href="/dashboard/" @click.prevent="openDashboard" data-testid="orleans-dashboard">{{ $t('nav.orleansDashboard') }}</a>
      <span v-if="dashboardError" class="error" role="alert">{{ $t(dashboardError) }}</span>
      <span class="spacer"></span>
      <label>{{ $t('app.language') }}
        <select v-model="language" data-testid="language">
          <option value="en">English</option>
          <option value="ko">한국어</option>
        </select>
      </label>
      <button v-if="session.signedIn && route.path !== '/signin'" type="button" @click="leave" data-testid="sign-out">{{ $t('app.signOut') }}</button>
    </header>
    <main><router-view :key="route.fullPath"></router-view></main>`,
};

rememberLanguage(storedLanguage());
if (session.signedIn) applyUserLanguage().catch(() => {});
Vue.createApp(Shell).use(router).use(i18n).mount("#app");
