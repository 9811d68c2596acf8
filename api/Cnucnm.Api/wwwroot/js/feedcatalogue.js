// The server's names for feed-library categories and NASEM feed columns, in the UI language (issue 19, "Korean everywhere"): the API
// names each clean category group (categoryCode → categoryName) and each column (Fd_CP → "Crude protein (CP)" / "조단백질 (CP)", with
// its unit) from its message catalogue by the Accept-Language the UI sends; fetched again when the language changes.
import { get } from "./api.js";
import { i18n } from "./i18n.js";

const columns = Vue.ref({});
let loadedFor = null;

async function loadColumns() {
  const locale = i18n.global.locale.value;
  if (loadedFor === locale) return;
  loadedFor = locale;
  const list = await get("/api/v1/feed-library/columns");
  columns.value = Object.fromEntries(list.map((c) => [c.column, c]));
}

/** The feed columns by code, loaded on first use and again when the language changes. */
export function useFeedColumns() {
  loadColumns().catch(() => { loadedFor = null; });
  Vue.watch(i18n.global.locale, () => loadColumns().catch(() => { loadedFor = null; }));
  /** A column as people read it ("Crude protein (CP)"); the code only until the names arrive. */
  const columnName = (column) => columns.value[column]?.name ?? column;
  const columnUnit = (column, fallback) => columns.value[column]?.unitName ?? fallback ?? "";
  return { columns, columnName, columnUnit };
}

/** The libraries' categories merged by clean group (counts added), named by the server, sorted by name. */
export async function libraryCategories() {
  const merged = new Map();
  for (const c of await get("/api/v1/feed-library/categories")) {
    const entry = merged.get(c.categoryCode) ?? { key: c.categoryCode, label: c.categoryName, feeds: 0 };
    entry.feeds += c.feeds;
    merged.set(c.categoryCode, entry);
  }
  return [...merged.values()].sort((a, b) => a.label.localeCompare(b.label));
}
