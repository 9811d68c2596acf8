import { signIn } from "../api.js";
import { applyUserLanguage } from "../language.js";

export const SignInPage = {
  setup() {
    const router = VueRouter.useRouter();
    const route = VueRouter.useRoute();
    const email = Vue.ref("");
    const password = Vue.ref("");
    // Which message: failed (wrong e-mail or password), throttled (wait) or locked.
    const failed = Vue.ref(null);
    const retryAfter = Vue.ref(0);
    const busy = Vue.ref(false);
    async function submit() {
      busy.value = true;
      failed.value = null;
      try {
        await signIn(email.value, password.value);
        await applyUserLanguage();
        router.push(typeof route.query.next === "string" ? route.query.next : "/");
      } catch (error) {
        retryAfter.value = error?.problem?.retryAfterSeconds ?? 0;
        failed.value = error?.status === 429 ? "throttled" : error?.status === 423 ? "locked" : "failed";
      } finally {
        busy.value = false;
      }
    }
    return { email, password, failed, retryAfter, busy, submit };
  },
  template: `
    <form class="signin" @submit.prevent="submit">
      <h1>{{ $t('signIn.title') }}</h1>
      <label>{{ $t('signIn.email') }}<br><input v-model="email" type="email" name="email" autocomplete="username" required></label>
      <label>{{ $t('signIn.password') }}<br><input v-model="password" type="password" name="password" autocomplete="current-password" required></label>
      <p v-if="failed" class="error" role="alert">{{ $t('signIn.' + failed, { seconds: retryAfter }) }}</p>
      <button class="primary" type="submit" :disabled="busy">{{ $t('signIn.submit') }}</button>
      <router-link to="/forgot-password" data-testid="forgot-link">{{ $t('account.forgotTitle') }}</router-link>
      <router-link to="/register" data-testid="register-link">{{ $t('account.registerTitle') }}</router-link>
    </form>`,
};
