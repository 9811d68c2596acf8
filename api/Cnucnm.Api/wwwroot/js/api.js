// Calls to the CNUCNM API with the signed-in person's bearer token; a stale access token is renewed
// once with the refresh token. Errors carry the ProblemDetails body the API answered with. Every call names the UI language
// (Accept-Language), so the texts the server writes (alerts, reasons, field and solver messages) come in it.
import { storedLanguage } from "./i18n.js";
const storageKey = "cnucnm.session";

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export const session = {
  read() {
    try { return JSON.parse(localStorage.getItem(storageKey)); } catch { return null; }
  },
  save(pair) { localStorage.setItem(storageKey, JSON.stringify({ accessToken: pair.accessToken, refreshToken: pair.refreshToken })); },
  clear() { localStorage.removeItem(storageKey); },
  get signedIn() { return !!this.read()?.accessToken; },
  get accessToken() { return this.read()?.accessToken ?? null; },
};

async function token(body) {
  const response = await fetch("/api/v1/auth/token", {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  const pair = await response.json();
  session.save(pair);
  return pair;
}

export const signIn = (email, password) => token({ email, password });

export async function signOut() {
  const refreshToken = session.read()?.refreshToken;
  if (refreshToken) {
    await request("POST", "/api/v1/auth/logout", { refreshToken }).catch(() => {});
  }
  session.clear();
}

async function problemOf(response) {
  const type = response.headers.get("content-type") ?? "";
  return type.includes("json") ? response.json().catch(() => null) : null;
}

async function send(method, url, body, accept) {
  const headers = { Accept: accept ?? "application/json", "Accept-Language": storedLanguage() };
  if (session.accessToken) headers.Authorization = `Bearer ${session.accessToken}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  return fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

// A refresh token is single-use, and using a spent one revokes the whole session (theft detection), so
// requests that meet a 401 together share one renewal.
let renewal = null;

function renew(refreshToken) {
  renewal ??= token({ grantType: "refresh_token", refreshToken }).finally(() => { renewal = null; });
  return renewal;
}

/** The session cannot be renewed: forget it and go to sign-in, coming back here afterwards. */
function sessionEnded() {
  session.clear();
  const here = location.hash.replace(/^#/, "");
  if (!here.startsWith("/signin")) location.hash = `#/signin?next=${encodeURIComponent(here || "/")}`;
}

/** The raw response (renewing the access token once on 401). */
export async function raw(method, url, body, accept) {
  const sentWith = session.accessToken;
  let response = await send(method, url, body, accept);
  const stored = session.read();
  if (response.status !== 401 || !stored?.refreshToken) {
    return response;
  }
  try {
    // Another request may have renewed the token while this one was under way.
    if (stored.accessToken === sentWith) await renew(stored.refreshToken);
    response = await send(method, url, body, accept);
  } catch {
    sessionEnded();
  }
  return response;
}

/** The JSON body (null when there is none, as for 202 and 204), or an ApiError for any non-2xx answer (422 keeps its body in problem). */
export async function request(method, url, body) {
  const response = await raw(method, url, body);
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const get = (url) => request("GET", url);

/** Fetches a file with the bearer token and hands it to the browser as a download. */
export async function download(url, fallbackName) {
  const response = await raw("GET", url, undefined, "*/*");
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  const disposition = response.headers.get("content-disposition") ?? "";
  const name = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallbackName;
  saveBlob(await response.blob(), decodeURIComponent(name));
}

export function saveBlob(blob, name) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

/** Whether the signed-in person runs the platform (global role operator or admin), from GET /api/v1/me. */
export const isOperator = (me) => (me?.globalRoles ?? []).some((role) => role === "operator" || role === "admin");

/** Opens the Orleans dashboard in a new tab. The API sets a short-lived HttpOnly cookie scoped to /dashboard
 * (POST /api/v1/auth/dashboard-session, with the bearer header); the tab then loads the dashboard with that cookie.
 * No token goes into the address. The tab opens at once, in the click, so that popup blockers let it through. */
export async function openOrleansDashboard() {
  const tab = window.open("", "_blank");
  try {
    const issued = await request("POST", "/api/v1/auth/dashboard-session");
    if (tab) tab.location.href = issued.url; else window.open(issued.url, "_blank");
  } catch (e) {
    tab?.close();
    throw e;
  }
}

/** Opens an HTML report (fetched with the token) in a new tab, ready to print. The tab opens at once, in the
 * click, so that popup blockers let it through; the report arrives in it when fetched. */
export async function openHtml(url) {
  const tab = window.open("", "_blank");
  try {
    const response = await raw("GET", url, undefined, "text/html");
    if (!response.ok) {
      throw new ApiError(response.status, await problemOf(response));
    }
    const address = URL.createObjectURL(await response.blob());
    if (tab) tab.location.href = address; else window.open(address, "_blank");
    setTimeout(() => URL.revokeObjectURL(address), 60_000);
  } catch (e) {
    tab?.close();
    throw e;
  }
}

/**
 * The farm's server-sent events: handlers by event type (intakeRecorded, alertRaised …), plus `ready` when the
 * stream is open and `dropped` when it is lost. EventSource cannot send headers, so the token goes in the query;
 * the browser reconnects by itself and resumes with Last-Event-ID. When the server refuses the stream (an expired
 * access token) the token is renewed and the stream opened again after the last event seen, waiting longer after
 * each failure (1 s doubling to 30 s); a session that has ended stops it. Returns a function that closes the stream.
 */
export function farmEvents(farmId, handlers) {
  let source = null;
  let closed = false;
  let lastEventId = "";
  let retryDelay = 1000;
  function open() {
    const query = new URLSearchParams({ access_token: session.accessToken ?? "" });
    if (lastEventId) query.set("lastEventId", lastEventId);
    source = new EventSource(`/api/v1/farms/${farmId}/events?${query}`);
    for (const [type, handler] of Object.entries(handlers)) {
      if (type === "dropped") continue;
      source.addEventListener(type, (event) => {
        if (event.lastEventId) lastEventId = event.lastEventId;
        if (type === "ready") retryDelay = 1000;
        handler(JSON.parse(event.data));
      });
    }
    source.onerror = async () => {
      handlers.dropped?.();
      if (closed || source.readyState !== EventSource.CLOSED) return;
      await raw("GET", "/api/v1/me").catch(() => {});
      if (!session.signedIn) return;
      setTimeout(() => { if (!closed) open(); }, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 30_000);
    };
  }
  open();
  return () => { closed = true; source?.close(); };
}
