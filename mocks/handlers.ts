import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { WireSession } from './fixtures';
import { createScenarios, type LogOutBehaviour, type Scenario, type ScenarioName } from './scenarios';

/** Options of `createHandlers`. */
export type MockOptions = {
  /** Where the contract is served; must match the client's `baseUrl`. @default '/api' */
  baseUrl?: string;
  /** A scenario name, or a scenario of your own. @default 'typical' */
  scenario?: ScenarioName | Scenario;
};

/** The in-memory server state behind the handlers, for tests that inspect it. */
export type MockSessionStore = {
  /** The sessions currently listed. */
  readonly sessions: WireSession[];
  /** Every request the handlers answered, e.g. "DELETE /sessions/sess_1?remove_trusted_device=false". */
  readonly requests: string[];
  /** B14: the reason each ended session was logged out with (`unrecognized`), by id, as a server may record it. */
  readonly reasons: Map<string, string>;
};

function forever(): Promise<never> {
  return new Promise(() => {});
}

/** MSW handlers for the REST contract over an in-memory store, in the state of a named scenario. */
export function createHandlers(options: MockOptions = {}): HttpHandler[] & { store: MockSessionStore } {
  const baseUrl = (options.baseUrl ?? '/api').replace(/\/+$/, '');
  const scenario: Scenario = typeof options.scenario === 'object' ? options.scenario : createScenarios()[options.scenario ?? 'typical'];
  let sessions = structuredClone(scenario.sessions);
  // Sessions whose logout was accepted but that stay listed for one more list call (B9).
  const lingering = new Map<string, number>();
  const requests: string[] = [];
  let needsReauthentication = scenario.reauthentication !== undefined;

  /** B16: 403 reauthentication_required while the scenario asks for a recent sign-in. */
  function reauthenticationRequired() {
    if (!needsReauthentication) return undefined;
    if (scenario.reauthentication === 'once') needsReauthentication = false;
    return HttpResponse.json({ error: { code: 'reauthentication_required' } }, { status: 403 });
  }
  const reasons = new Map<string, string>();

  async function answerAfterDelay(request: Request) {
    const url = new URL(request.url);
    requests.push(`${request.method} ${url.pathname.slice(url.pathname.indexOf('/sessions'))}${url.search}`);
    if (scenario.delayMs) await delay(scenario.delayMs);
  }

  const handlers = [
    http.get(`${baseUrl}/sessions`, async ({ request }) => {
      await answerAfterDelay(request);
      switch (scenario.list ?? 'ok') {
        case 'sso':
          return HttpResponse.json({ error: { code: 'sso_account' } }, { status: 403 });
        case 'not_supported':
          return HttpResponse.json({ error: { code: 'not_supported' } }, { status: 403 });
        case 'error':
          return HttpResponse.json({ error: { code: 'internal' } }, { status: 500 });
        case 'unauthorized':
          return HttpResponse.json({ error: { code: 'unauthorized' } }, { status: 401 });
        case 'not-json':
          return new HttpResponse('<html>Bad gateway</html>', { status: 200, headers: { 'content-type': 'text/html' } });
        case 'hang':
          return forever();
        case 'ok':
          break;
      }
      const listed = [...sessions];
      for (const [id, remaining] of lingering) {
        if (remaining > 1) {
          lingering.set(id, remaining - 1);
        } else {
          lingering.delete(id);
          sessions = sessions.filter((s) => s.id !== id);
        }
      }
      return HttpResponse.json({ sessions: listed });
    }),

    http.delete(`${baseUrl}/sessions/:id`, async ({ request, params }) => {
      await answerAfterDelay(request);
      const query = new URL(request.url).searchParams;
      const removeTrusted = query.get('remove_trusted_device');
      // B14: `reason=unrecognized` is the one reason the contract knows; the session ends exactly as without it.
      const reason = query.get('reason');
      if ((removeTrusted !== 'true' && removeTrusted !== 'false') || (reason !== null && reason !== 'unrecognized')) {
        return HttpResponse.json({ error: { code: 'invalid_request' } }, { status: 400 });
      }
      const refused = reauthenticationRequired();
      if (refused) return refused;
      const id = String(params.id);
      const session = sessions.find((s) => s.id === id);
      if (!session || lingering.has(id)) return HttpResponse.json({ error: { code: 'not_found' } }, { status: 404 });
      if (session.is_current) return HttpResponse.json({ error: { code: 'current_session' } }, { status: 409 });
      const behaviour: LogOutBehaviour = scenario.logOutById?.[id] ?? scenario.logOut ?? 'remove';
      switch (behaviour) {
        case 'fail':
          return HttpResponse.json({ error: { code: 'internal' } }, { status: 500 });
        case 'refuse':
          return HttpResponse.json({ error: { code: 'current_session' } }, { status: 409 });
        case 'gone':
          return HttpResponse.json({ error: { code: 'not_found' } }, { status: 404 });
        case 'hang':
          return forever();
        case 'linger':
          lingering.set(id, 1);
          if (reason) reasons.set(id, reason);
          return new HttpResponse(null, { status: 204 });
        case 'remove':
          sessions = sessions.filter((s) => s.id !== id);
          if (reason) reasons.set(id, reason);
          return new HttpResponse(null, { status: 204 });
        default:
          return behaviour satisfies never;
      }
    }),

    http.post(`${baseUrl}/sessions/logout_all`, async ({ request }) => {
      await answerAfterDelay(request);
      const refused = reauthenticationRequired();
      if (refused) return refused;
      switch (scenario.logOutAll ?? 'ok') {
        case 'fail':
          return HttpResponse.json({ error: { code: 'unavailable' } }, { status: 503, headers: { 'Retry-After': '30' } });
        case 'hang':
          return forever();
        case 'ok':
          sessions = [];
          return HttpResponse.json({ completes_by: new Date(Date.now() + 30 * 60_000).toISOString() }, { status: 202 });
      }
    }),
  ];

  const store: MockSessionStore = {
    get sessions() {
      return sessions;
    },
    requests,
    reasons,
  };
  return Object.assign(handlers, { store });
}
