import { http, HttpResponse } from 'msw';
import type { WireSession } from '../kit/src/contract';
import { BASE_URL, server } from './server';

/** Answers one request in place of the API's normal behaviour. */
export type Fault = (request: Request) => Response | Promise<Response>;

/**
 * An in-memory sessions API whose every endpoint can be broken and healed during a test: set
 * `api.list`, `api.logOut` or `api.logOutAll` to a fault, and back to `undefined` to heal it.
 */
export type FaultyApi = {
  /** The sessions the server holds, in its order. */
  sessions: WireSession[];
  /** Every request received, e.g. "GET /sessions", "DELETE /sessions/sess_windows?remove_trusted_device=false". */
  requests: string[];
  /** How many more list calls still hold a session whose logout was accepted (B9). */
  lingering: Map<string, number>;
  /** When above 0, an accepted logout leaves the row listed for this many more list calls. @default 0 */
  lingerFor: number;
  list?: Fault;
  logOut?: Fault;
  logOutAll?: Fault;
  /** How many requests started with `prefix`, e.g. "GET" or "DELETE /sessions/sess_windows". */
  count(prefix: string): number;
};

export function createFaultyApi(sessions: WireSession[]): FaultyApi {
  const api: FaultyApi = {
    sessions: structuredClone(sessions),
    requests: [],
    lingering: new Map(),
    lingerFor: 0,
    count: (prefix) => api.requests.filter((request) => request.startsWith(prefix)).length,
  };
  const log = (request: Request) => {
    const url = new URL(request.url);
    api.requests.push(`${request.method} ${url.pathname.replace(/^\/api/, '')}${url.search}`);
  };

  server.use(
    http.get(`${BASE_URL}/sessions`, async ({ request }) => {
      log(request);
      if (api.list) return api.list(request);
      const listed = [...api.sessions];
      for (const [id, remaining] of api.lingering) {
        if (remaining > 1) api.lingering.set(id, remaining - 1);
        else {
          api.lingering.delete(id);
          api.sessions = api.sessions.filter((s) => s.id !== id);
        }
      }
      return HttpResponse.json({ sessions: listed });
    }),
    http.delete(`${BASE_URL}/sessions/:id`, async ({ request, params }) => {
      log(request);
      if (api.logOut) return api.logOut(request);
      const id = String(params.id);
      const session = api.sessions.find((s) => s.id === id);
      if (!session || api.lingering.has(id)) return new HttpResponse(null, { status: 404 });
      if (session.is_current) return HttpResponse.json({ error: { code: 'current_session' } }, { status: 409 });
      if (api.lingerFor > 0) api.lingering.set(id, api.lingerFor);
      else api.sessions = api.sessions.filter((s) => s.id !== id);
      return new HttpResponse(null, { status: 204 });
    }),
    http.post(`${BASE_URL}/sessions/logout_all`, async ({ request }) => {
      log(request);
      if (api.logOutAll) return api.logOutAll(request);
      api.sessions = [];
      api.lingering.clear();
      return HttpResponse.json({ completes_by: new Date(Date.now() + 30 * 60_000).toISOString() }, { status: 202 });
    }),
  );
  return api;
}

/** Waits real time, for tests that prove something does not happen (no request loop). */
export function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
