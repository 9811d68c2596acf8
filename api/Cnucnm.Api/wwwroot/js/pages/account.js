// Account pages reached without signing in: register (the account is made by the registration e-mail's link,
// #/confirm-registration?token=…), ask for a password-reset e-mail, set a new password from that e-mail's link
// (#/reset-password?token=…) and confirm an address from the verification e-mail's link (#/verify-email?token=…).
// Signed in: accept a farm invitation from its e-mail's link (#/invitation?token=…).
import { request, session, signIn } from "../api.js";
import { FieldError, fieldMessages } from "../fields.js";
import { i18n } from "../i18n.js";
import { applyUserLanguage } from "../language.js";

/** A form's submit: the action may return field messages found before calling the API. */
function useSubmit(action) {
  const busy = Vue.ref(false);
  const fields = Vue.ref({});
  const message = Vue.ref("");
  async function submit() {
    busy.value = true;
    fields.value = {};
    message.value = "";
    try {
      fields.value = (await action()) ?? {};
    } catch (error) {
      fields.value = fieldMessages(error);
      message.value = fields.value[""] ?? "";
    } finally {
      busy.value = false;
    }
  }
  return { busy, fields, message, submit };
}

export const RegisterPage = {
  components: { FieldError },
  setup() {
    const router = VueRouter.useRouter();
    const form = Vue.reactive({ displayName: "", email: "", password: "" });
    const sent = Vue.ref(false);
    const state = useSubmit(async () => {
      // The same answer whether or not the address has an account; where the installation sends e-mail the link
      // in it makes the account.
      const accepted = await request("POST", "/api/v1/auth/register", { ...form, language: i18n.global.locale.value });
      if (accepted?.confirmByEmail) {
        sent.value = true;
        return;
      }
      await signIn(form.email, form.password);
      await applyUserLanguage();
      router.push({ path: "/", query: { welcome: form.email } });
    });
    return { form, sent, ...state };
  },
  template: `
    <div v-if="sent" class="signin" data-testid="register-sent">
      <h1>{{ $t('account.registerTitle') }}</h1>
      <p role="status">{{ $t('account.registerSent', { email: form.email }) }}</p>
      <router-link to="/signin">{{ $t('account.backToSignIn') }}</router-link>
    </div>
    <form v-else class="signin" @submit.prevent="submit" data-testid="register">
      <h1>{{ $t('account.registerTitle') }}</h1>
      <label>{{ $t('account.displayName') }}<br><input v-model="form.displayName" name="displayName" autocomplete="name" required maxlength="100"></label>
      <FieldError :fields="fields" name="displayName" />
      <label>{{ $t('signIn.email') }}<br><input v-model="form.email" type="email" name="email" autocomplete="username" required></label>
      <FieldError :fields="fields" name="email" />
      <label>{{ $t('signIn.password') }}<br><input v-model="form.password" type="password" name="password" autocomplete="new-password" required></label>
      <span class="muted">{{ $t('account.passwordRule') }}</span>
      <FieldError :fields="fields" name="password" />
      <p v-if="message" class="error" role="alert">{{ message }}</p>
      <button class="primary" type="submit" :disabled="busy">{{ $t('account.register') }}</button>
      <router-link to="/signin">{{ $t('account.haveAccount') }}</router-link>
    </form>`,
};

export const ForgotPasswordPage = {
  components: { FieldError },
  setup() {
    const email = Vue.ref("");
    const sent = Vue.ref(false);
    const state = useSubmit(async () => {
      await request("POST", "/api/v1/auth/password-reset", { email: email.value });
      sent.value = true;
    });
    return { email, sent, ...state };
  },
  template: `
    <form class="signin" @submit.prevent="submit" data-testid="forgot-password">
      <h1>{{ $t('account.forgotTitle') }}</h1>
      <template v-if="sent">
        <p role="status" data-testid="reset-sent">{{ $t('account.resetSent', { email }) }}</p>
        <router-link to="/signin">{{ $t('account.backToSignIn') }}</router-link>
      </template>
      <template v-else>
        <p class="muted">{{ $t('account.forgotText') }}</p>
        <label>{{ $t('signIn.email') }}<br><input v-model="email" type="email" name="email" autocomplete="username" required></label>
        <FieldError :fields="fields" name="email" />
        <p v-if="message" class="error" role="alert">{{ message }}</p>
        <button class="primary" type="submit" :disabled="busy">{{ $t('account.sendReset') }}</button>
      </template>
    </form>`,
};

export const ResetPasswordPage = {
  components: { FieldError },
  setup() {
    const route = VueRouter.useRoute();
    const token = typeof route.query.token === "string" ? route.query.token : "";
    const password = Vue.ref("");
    const repeat = Vue.ref("");
    const done = Vue.ref(false);
    const state = useSubmit(async () => {
      if (password.value !== repeat.value) return { repeat: i18n.global.t("account.mismatch") };
      await request("POST", "/api/v1/auth/password-reset/confirm", { token, newPassword: password.value });
      done.value = true;
      return null;
    });
    return { token, password, repeat, done, ...state };
  },
  template: `
    <form class="signin" @submit.prevent="submit" data-testid="reset-password">
      <h1>{{ $t('account.resetTitle') }}</h1>
      <template v-if="done">
        <p role="status" data-testid="reset-done">{{ $t('account.resetDone') }}</p>
        <router-link to="/signin" data-testid="to-sign-in">{{ $t('signIn.submit') }}</router-link>
      </template>
      <template v-else>
        <label>{{ $t('account.newPassword') }}<br><input v-model="password" type="password" name="newPassword" autocomplete="new-password" required></label>
        <span class="muted">{{ $t('account.passwordRule') }}</span>
        <FieldError :fields="fields" name="newPassword" />
        <label>{{ $t('account.repeatPassword') }}<br><input v-model="repeat" type="password" name="repeat" autocomplete="new-password" required></label>
        <FieldError :fields="fields" name="repeat" />
        <p v-if="fields.token || !token" class="error" role="alert" data-testid="error-token">
          {{ $t('account.linkInvalid') }} <router-link to="/forgot-password">{{ $t('account.sendReset') }}</router-link>
        </p>
        <p v-if="message" class="error" role="alert">{{ message }}</p>
        <button class="primary" type="submit" :disabled="busy || !token">{{ $t('account.setPassword') }}</button>
      </template>
    </form>`,
};

export const VerifyEmailPage = {
  setup() {
    const route = VueRouter.useRoute();
    const status = Vue.ref("checking");
    const token = typeof route.query.token === "string" ? route.query.token : "";
    request("POST", "/api/v1/auth/email-verification/confirm", { token })
      .then(() => { status.value = "confirmed"; })
      .catch(() => { status.value = "failed"; });
    function resend() {
      request("POST", "/api/v1/me/email-verification")
        .then(() => { status.value = "resent"; })
        .catch(() => { status.value = "failed"; });
    }
    return { status, resend, signedIn: session.signedIn };
  },
  template: `
    <div class="signin" data-testid="verify-email" :data-status="status">
      <h1>{{ $t('account.verifyTitle') }}</h1>
      <p v-if="status === 'checking'">{{ $t('common.loading') }}</p>
      <p v-else-if="status === 'confirmed'" role="status">{{ $t('account.verified') }}</p>
      <p v-else-if="status === 'resent'" role="status">{{ $t('account.verifyResent') }}</p>
      <template v-else>
        <p class="error" role="alert">{{ $t('account.verifyFailed') }}</p>
        <button v-if="signedIn" type="button" @click="resend">{{ $t('account.verifyResend') }}</button>
      </template>
      <router-link to="/">{{ $t('notFound.back') }}</router-link>
    </div>`,
};

/** The registration e-mail's link: makes the account, signs it in and opens the farms. */
export const ConfirmRegistrationPage = {
  setup() {
    const route = VueRouter.useRoute();
    const router = VueRouter.useRouter();
    const failed = Vue.ref(false);
    const token = typeof route.query.token === "string" ? route.query.token : "";
    request("POST", "/api/v1/auth/register/confirm", { token })
      .then(async (pair) => {
        session.save(pair);
        await applyUserLanguage();
        router.push("/");
      })
      .catch(() => { failed.value = true; });
    return { failed };
  },
  template: `
    <div class="signin" data-testid="confirm-registration">
      <h1>{{ $t('account.registerTitle') }}</h1>
      <p v-if="!failed">{{ $t('common.loading') }}</p>
      <template v-else>
        <p class="error" role="alert">{{ $t('account.registerLinkInvalid') }}</p>
        <router-link to="/register">{{ $t('account.register') }}</router-link>
      </template>
    </div>`,
};

/** A farm invitation's link, opened signed in (the router sends others to sign in first and back here). */
export const InvitationPage = {
  setup() {
    const route = VueRouter.useRoute();
    const router = VueRouter.useRouter();
    const token = typeof route.query.token === "string" ? route.query.token : "";
    const state = useSubmit(async () => {
      const membership = await request("POST", "/api/v1/me/invitations/accept", { token });
      router.push(`/farms/${membership.farmId}`);
    });
    return { token, ...state };
  },
  template: `
    <form class="signin" @submit.prevent="submit" data-testid="invitation">
      <h1>{{ $t('invitation.title') }}</h1>
      <p class="muted">{{ $t('invitation.text') }}</p>
      <p v-if="fields.token" class="error" role="alert">{{ $t('invitation.linkInvalid') }}</p>
      <p v-if="message" class="error" role="alert">{{ message }}</p>
      <button class="primary" type="submit" :disabled="busy || !token">{{ $t('invitation.accept') }}</button>
    </form>`,
};
