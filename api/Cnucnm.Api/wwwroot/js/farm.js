// The farm a page belongs to, loaded once per page: a farm the person cannot see answers 404.
import { get, farmEvents } from "./api.js";
import { farmTimeZone } from "./i18n.js";

export function useFarm(farmId) {
  const farm = Vue.ref(null);
  const notFound = Vue.ref(false);
  const error = Vue.ref(null);
  const loaded = get(`/api/v1/farms/${farmId}`)
    .then((f) => { farm.value = f; farmTimeZone.value = f.timeZone || "Asia/Seoul"; return f; })
    .catch((e) => {
      if (e.status === 404 || e.status === 403) notFound.value = true;
      else error.value = e.message;
      return null;
    });
  const can = (permission) => farm.value?.permissions?.includes(permission) ?? false;
  return { farm, notFound, error, loaded, can };
}

/** Subscribes to the farm's events while the page is open; live is true while the stream is connected. */
export function useFarmEvents(farmId, handlers) {
  const live = Vue.ref(false);
  let close = null;
  Vue.onMounted(() => {
    close = farmEvents(farmId, { ...handlers, ready: () => { live.value = true; }, dropped: () => { live.value = false; } });
  });
  Vue.onBeforeUnmount(() => close?.());
  return live;
}

/** The formulation's tolerance, % of a requirement (animal.check[].tolerancePercent): a ration is confirmed within it. */
export const TOLERANCE_PERCENT = 0.2;

/**
 * One rule for "met" everywhere (as the formulation answer's check): met at ≥ 100 % of the requirement; within the
 * tolerance from 99.8 %; short below. Returns "met", "within-tolerance" or "short".
 */
export function balanceState(b) {
  if (b.percentOfRequirement >= 100) return "met";
  return b.percentOfRequirement >= 100 - TOLERANCE_PERCENT ? "within-tolerance" : "short";
}

/** The lowest balance as % of requirement in a ration version (the worst-supplied nutrient). */
export function worstBalance(ration) {
  const balances = ration?.balances ?? [];
  return balances.length === 0 ? null : balances.reduce((a, b) => (b.percentOfRequirement < a.percentOfRequirement ? b : a));
}
