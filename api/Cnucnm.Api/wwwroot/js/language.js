import { get, request, session } from "./api.js";
import { i18n, rememberLanguage } from "./i18n.js";

/** After sign-in (or a reload while signed in), the language stored for the person wins. */
export async function applyUserLanguage() {
  const me = await get("/api/v1/me");
  if (me.language === "en" || me.language === "ko") {
    i18n.global.locale.value = me.language;
    rememberLanguage(me.language);
  }
  return me;
}

/** Switches the UI language and stores it for the person (PUT /api/v1/me/language). */
export function chooseLanguage(language) {
  i18n.global.locale.value = language;
  rememberLanguage(language);
  if (session.signedIn) request("PUT", "/api/v1/me/language", { language }).catch(() => {});
}
