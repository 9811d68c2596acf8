// Calls to the CNUCNM API with the signed-in person's bearer token; a stale access token is renewed
// once with the refresh token. Errors carry the ProblemDetails body the API answered with.
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
  const headers = { Accept: accept ?? "application/json" };
  if (session.accessToken) headers.Authorization = `Bearer ${session.accessToken}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  return fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** The raw response (renewing the access token once on 401). */
export async function raw(method, url, body, accept) {
  let response = await send(method, url, body, accept);
  const refreshToken = session.read()?.refreshToken;
  if (response.status === 401 && refreshToken) {
    try {
      await token({ grantType: "refresh_token", refreshToken });
      response = await send(method, url, body, accept);
    } catch {
      session.clear();
    }
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

/** Opens an HTML report (fetched with the token) in a new tab, ready to print. */
export async function openHtml(url) {
  const response = await raw("GET", url, undefined, "text/html");
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  window.open(URL.createObjectURL(await response.blob()), "_blank");
}

/**
 * The farm's server-sent events: handlers by event type (intakeRecorded, alertRaised …). EventSource
 * cannot send headers, so the token goes in the query; the browser reconnects by itself and resumes with
 * Last-Event-ID. When the server refuses the stream (an expired access token) the token is renewed and the
 * stream opened again after the last event seen. Returns a function that closes the stream.
 */
export function farmEvents(farmId, handlers) {
  let source = null;
  let closed = false;
  let lastEventId = "";
  function open() {
    const query = new URLSearchParams({ access_token: session.accessToken ?? "" });
    if (lastEventId) query.set("lastEventId", lastEventId);
    source = new EventSource(`/api/v1/farms/${farmId}/events?${query}`);
    for (const [type, handler] of Object.entries(handlers)) {
      source.addEventListener(type, (event) => {
        if (event.lastEventId) lastEventId = event.lastEventId;
        handler(JSON.parse(event.data));
      });
    }
    source.onerror = async () => {
      if (closed || source.readyState !== EventSource.CLOSED) return;
      await raw("GET", "/api/v1/me").catch(() => {});
      setTimeout(() => { if (!closed) open(); }, 1000);
    };
  }
  open();
  return () => { closed = true; source?.close(); };
}
