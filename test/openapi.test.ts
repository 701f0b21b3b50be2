import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { createFetchSessionsClient, SessionsClientError, type Session } from '../src';
import { canLogOut } from '../src/core/sessions';
import { createFixtures, createScenarios, type LogOutBehaviour, type Scenario } from '../mocks';
import { BASE_URL, useScenario } from './server';
import { loadSpec, SPEC_PATH } from './openapi';

// openapi.yaml is the one source of truth: the MSW mocks may serve only what it allows, the fetch
// client may send only what it defines, and a payload it forbids is rejected by the client — or
// read under one of the leniencies listed below, each with its reason. Nothing in between.
// Reproduce a property failure with FC_SEED=<seed> npx vitest run --project unit test/openapi.test.ts

const contract = loadSpec();
const SEED = Number(process.env.FC_SEED ?? 20_250_611);
// The property tests and the walk through every scenario are work, not timing: about 1 s each here,
// many times that on a shared, loaded machine.
const PROPERTY_TIMEOUT = 60_000;
const f = createFixtures();
type Wire = Record<string, unknown>;

describe('openapi.yaml', () => {
  it('should describe the three calls of the REST contract, named as the client names them', () => {
    expect(contract.spec.openapi).toMatch(/^3\.1\./);
    expect(contract.spec.servers[0]!.url).toBe('/api');
    expect(contract.operation('GET', '/sessions').operationId).toBe('listSessions');
    expect(contract.operation('DELETE', '/sessions/{id}').operationId).toBe('logOutSession');
    expect(contract.operation('POST', '/sessions/logout_all').operationId).toBe('logOutAllSessions');
    expect(Object.keys(contract.spec.paths).sort()).toEqual(['/sessions', '/sessions/logout_all', '/sessions/{id}']);
  });

  it('should be self-contained: every $ref points into its own components', () => {
    const refs: string[] = [];
    (function walk(node: unknown) {
      if (Array.isArray(node)) node.forEach(walk);
      else if (typeof node === 'object' && node !== null) {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref') refs.push(String(value));
          else walk(value);
        }
      }
    })(contract.spec);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/(schemas|parameters|responses)\/\w+$/);
      expect(() => contract.resolve({ $ref: ref })).not.toThrow();
    }
  });

  it.each([
    ['GET', '/sessions', 401, 'unauthorized'],
    ['GET', '/sessions', 403, 'sso_account'],
    ['GET', '/sessions', 403, 'not_supported'],
    ['DELETE', '/sessions/{id}', 400, 'invalid_request'],
    ['DELETE', '/sessions/{id}', 401, 'unauthorized'],
    ['DELETE', '/sessions/{id}', 403, 'csrf'],
    ['DELETE', '/sessions/{id}', 404, 'not_found'],
    ['DELETE', '/sessions/{id}', 409, 'current_session'],
    ['DELETE', '/sessions/{id}', 503, 'unavailable'],
    ['POST', '/sessions/logout_all', 403, 'csrf'],
    ['POST', '/sessions/logout_all', 500, 'internal'],
  ])('should define %s %s → %i {"error":{"code":"%s"}}, and no other code there', (method, template, status, code) => {
    const answer = (body: unknown) => ({ method, template, status, contentType: 'application/json', body: JSON.stringify(body) });
    expect(contract.responseProblems(answer({ error: { code } }))).toEqual([]);
    expect(contract.responseProblems(answer({ error: { code, message: 'for logs' } }))).toEqual([]);
    expect(contract.responseProblems(answer({ error: { code: 'something_else' } }))).not.toEqual([]);
    expect(contract.responseProblems(answer({ code }))).not.toEqual([]);
  });

  it('should require X-CSRF-Token on the two state-changing calls only', () => {
    const csrf = (method: string, template: string) =>
      (contract.operation(method, template).parameters ?? []).map((p) => contract.resolve(p)).filter((p) => p.name === 'X-CSRF-Token');
    expect(csrf('GET', '/sessions')).toEqual([]);
    for (const [method, template] of [
      ['DELETE', '/sessions/{id}'],
      ['POST', '/sessions/logout_all'],
    ] as const) {
      expect(csrf(method, template)).toEqual([expect.objectContaining({ in: 'header', required: true })]);
    }
  });

  it('should hold only examples that its own schemas accept', () => {
    let examples = 0;
    for (const [template, item] of Object.entries(contract.spec.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const response of Object.values(operation.responses).map((r) => contract.resolve(r))) {
          for (const media of Object.values(response.content ?? {})) {
            for (const [name, example] of Object.entries(media.examples ?? {})) {
              examples += 1;
              expect(contract.schemaErrors(media.schema, example.value), `${method} ${template} example ${name}`).toEqual([]);
            }
          }
        }
      }
    }
    expect(examples).toBeGreaterThanOrEqual(10);
  });
});

// ————— 1. The MSW mocks serve only what the spec allows —————

type Served = {
  call: string;
  method: string;
  template: string;
  status: number;
  contentType: string | null;
  body: string;
  afterLogOutAll: boolean;
};

/** Every call a scenario can answer, as a client would make them: list, each row's logout, the edge cases, log out all, list. */
async function everyAnswerOf(scenario: Scenario): Promise<{ served: Served[]; neverAnswered: string[] }> {
  // The delay changes when an answer comes, not what it is.
  const store = useScenario({ ...scenario, delayMs: 0 });
  const served: Served[] = [];
  const neverAnswered: string[] = [];
  let afterLogOutAll = false;
  async function call(method: string, path: string) {
    const response = await fetch(`${BASE_URL}${path}`, { method, headers: { 'X-CSRF-Token': 'token' } });
    const template = path.startsWith('/sessions/logout_all')
      ? '/sessions/logout_all'
      : path.startsWith('/sessions/')
        ? '/sessions/{id}'
        : '/sessions';
    served.push({
      call: `${method} ${path}`,
      method,
      template,
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: await response.text(),
      afterLogOutAll,
    });
  }
  const listHangs = scenario.list === 'hang';
  const list = () => (listHangs ? neverAnswered.push('GET /sessions') : call('GET', '/sessions'));
  const behaviour = (id: string): LogOutBehaviour => scenario.logOutById?.[id] ?? scenario.logOut ?? 'remove';

  await list();
  for (const session of store.sessions) {
    const id = String(session.id);
    const path = `/sessions/${encodeURIComponent(id)}?remove_trusted_device=${session.is_trusted === true}`;
    // The mock refuses the current session before its behaviour applies, so only other rows can hang.
    if (!session.is_current && behaviour(id) === 'hang') neverAnswered.push(`DELETE ${path}`);
    else await call('DELETE', path);
  }
  await list(); // rows whose logout lingers (B9) are still listed once
  await call('DELETE', '/sessions/sess_no_such_session?remove_trusted_device=false');
  await call('DELETE', '/sessions/sess_windows'); // no remove_trusted_device: 400
  if (scenario.logOutAll === 'hang') neverAnswered.push('POST /sessions/logout_all');
  else {
    await call('POST', '/sessions/logout_all');
    afterLogOutAll = scenario.logOutAll !== 'fail';
  }
  await list();
  return { served, neverAnswered };
}

// The two scenarios that break the contract on purpose: their lists must NOT validate, else this test could not fail.
const BROKEN_ON_PURPOSE: Record<string, { isBroken: (answer: Served) => boolean; problems: RegExp[] }> = {
  malformedRows: {
    isBroken: (answer) => answer.call === 'GET /sessions' && !answer.afterLogOutAll,
    problems: [/\/sessions\/\d+\/id must be string/, /\/sessions\/\d+\/is_current must be boolean/],
  },
};
const NOT_JSON = {
  isBroken: (answer: Served) => answer.call === 'GET /sessions',
  problems: [/content type "text\/html" is not one of application\/json/],
};

// Not a named scenario: every LogOutBehaviour at once, so each delete outcome the mocks have is served.
const everyLogOutOutcome: Scenario = {
  sessions: [f.current, f.other, f.trusted, f.severalProducts, f.unknownProduct, f.tablet, f.incomplete],
  logOutById: {
    [f.other.id]: 'remove',
    [f.trusted.id]: 'linger',
    [f.severalProducts.id]: 'fail',
    [f.unknownProduct.id]: 'refuse',
    [f.tablet.id]: 'gone',
    [f.incomplete.id]: 'hang',
  } satisfies Record<string, LogOutBehaviour>,
};

const scenarios: [string, Scenario][] = [
  ...Object.entries(createScenarios() as Record<string, Scenario>),
  ['everyLogOutOutcome', everyLogOutOutcome],
];

describe('given the MSW mocks', { timeout: PROPERTY_TIMEOUT }, () => {
  describe.each(scenarios)('when scenario %s answers every call', (name, scenario) => {
    it('should serve only responses the spec defines for their status (except what is broken on purpose)', async () => {
      const { served, neverAnswered } = await everyAnswerOf(scenario);
      expect(served.length).toBeGreaterThanOrEqual(3);
      const broken = scenario.list === 'not-json' ? NOT_JSON : BROKEN_ON_PURPOSE[name];
      for (const answer of served) {
        const problems = contract.responseProblems(answer);
        if (broken?.isBroken(answer)) {
          // Shown NOT to validate, with the problems the scenario is about.
          for (const pattern of broken.problems) expect(problems.join('\n'), answer.call).toMatch(pattern);
        } else {
          expect(problems, answer.call).toEqual([]);
        }
      }
      // Only calls the scenario makes hang (loading forever) go unanswered, with nothing to validate.
      if (!JSON.stringify(scenario).includes('"hang"')) expect(neverAnswered).toEqual([]);
    });
  });

  it('should have answered every status the mocks can give, so none went unchecked', async () => {
    const seen = new Set<string>();
    for (const [, scenario] of scenarios) {
      for (const answer of (await everyAnswerOf(scenario)).served) seen.add(`${answer.method} ${answer.template} ${answer.status}`);
    }
    expect([...seen].sort()).toEqual(
      [
        'GET /sessions 200',
        'GET /sessions 401',
        'GET /sessions 403',
        'GET /sessions 500',
        'DELETE /sessions/{id} 204',
        'DELETE /sessions/{id} 400',
        'DELETE /sessions/{id} 403',
        'DELETE /sessions/{id} 404',
        'DELETE /sessions/{id} 409',
        'DELETE /sessions/{id} 500',
        'POST /sessions/logout_all 202',
        'POST /sessions/logout_all 403',
        'POST /sessions/logout_all 503',
      ].sort(),
    );
  });

  it('should flag the mocks once the spec narrows what they serve (the check can fail)', async () => {
    const stricter = loadSpec(readFileSync(SPEC_PATH, 'utf8').replace('enum: [active, unavailable]', 'enum: [active]'));
    const { served } = await everyAnswerOf(createScenarios().everyRowState);
    const problems = served.flatMap((answer) => stricter.responseProblems(answer));
    expect(problems.join('\n')).toMatch(/GET \/sessions → 200: \/sessions\/3\/status must be equal to one of the allowed values/);
  });
});

// ————— 2. The fetch client sends only requests the spec defines —————

type Sent = { method: string; url: string; headers: Headers; body: unknown };

/** A client over an injected fetch that records each request and answers it as the spec's success would. */
function recordingClient(csrfToken?: string) {
  const sent: Sent[] = [];
  const client = createFetchSessionsClient({
    baseUrl: 'https://sessions.example/api',
    ...(csrfToken === undefined ? {} : { headers: () => ({ 'X-CSRF-Token': csrfToken }) }),
    fetch: async (input, init) => {
      const method = init?.method ?? 'GET';
      sent.push({
        method,
        url: input instanceof Request ? input.url : input.toString(),
        headers: new Headers(init?.headers),
        body: init?.body,
      });
      if (method === 'DELETE') return new Response(null, { status: 204 });
      if (method === 'POST') return Response.json({ completes_by: '2025-06-11T10:30:00Z' }, { status: 202 });
      return Response.json({ sessions: [f.current] });
    },
  });
  return { client, sent };
}

async function everyCall(client: ReturnType<typeof createFetchSessionsClient>, id: string, removeTrustedDevice: boolean) {
  await client.listSessions({ signal: new AbortController().signal });
  await client.logOutSession(id, { removeTrustedDevice });
  await client.logOutAllSessions();
}

// Ids the spec allows, generated from the spec's own pattern.
const specIds = fc
  .stringMatching(new RegExp(String(contract.spec.components.schemas.SessionId!.pattern)))
  .filter((id) => id !== '.' && id !== '..');
const csrfTokens = fc.stringMatching(/^[A-Za-z0-9+/=_-]{1,64}$/);

describe('given the fetch client', () => {
  describe('when the host supplies a CSRF header function', () => {
    it(
      'should send each call as the spec defines it: method, path, query values, required headers, no body',
      async () => {
        await fc.assert(
          fc.asyncProperty(specIds, fc.boolean(), csrfTokens, async (id, removeTrustedDevice, token) => {
            const { client, sent } = recordingClient(token);
            await everyCall(client, id, removeTrustedDevice);
            expect(sent.map((request) => contract.requestProblems(request))).toEqual([
              { template: '/sessions', operationId: 'listSessions', problems: [] },
              { template: '/sessions/{id}', operationId: 'logOutSession', problems: [] },
              { template: '/sessions/logout_all', operationId: 'logOutAllSessions', problems: [] },
            ]);
            const [list, logOut, logOutAll] = sent;
            const url = new URL(logOut!.url);
            expect(decodeURIComponent(url.pathname.split('/').at(-1)!)).toBe(id);
            expect(url.searchParams.get('remove_trusted_device')).toBe(String(removeTrustedDevice));
            expect(logOut!.headers.get('X-CSRF-Token')).toBe(token);
            expect(logOutAll!.headers.get('X-CSRF-Token')).toBe(token);
            for (const request of [list, logOut, logOutAll]) expect(request!.body ?? undefined).toBeUndefined();
          }),
          { seed: SEED, numRuns: 300 },
        );
      },
      PROPERTY_TIMEOUT,
    );
  });

  describe('when the host supplies no CSRF header', () => {
    it('should be caught by the spec check on both state-changing calls (the check can fail; the host must supply it)', async () => {
      const { client, sent } = recordingClient();
      await everyCall(client, 'sess_windows', false);
      const problems = sent.map((request) => contract.requestProblems(request).problems);
      expect(problems[0]).toEqual([]);
      expect(problems[1]).toEqual([expect.stringMatching(/header parameter X-CSRF-Token is required but missing/)]);
      expect(problems[2]).toEqual([expect.stringMatching(/header parameter X-CSRF-Token is required but missing/)]);
    });
  });

  describe('when an id is outside the alphabet the spec allows (forward compatibility)', () => {
    it(
      'should still address one path segment of /sessions/{id} that decodes to the id, never another path',
      async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.string({ minLength: 1, maxLength: 24 }).filter((id) => id.trim() !== '' && id !== '.' && id !== '..'),
            async (id) => {
              const { client, sent } = recordingClient('token');
              await client.logOutSession(id, { removeTrustedDevice: false });
              const { template, operationId } = contract.requestProblems(sent[0]!);
              expect({ template, operationId }).toEqual({ template: '/sessions/{id}', operationId: 'logOutSession' });
              expect(decodeURIComponent(new URL(sent[0]!.url).pathname.split('/').at(-1)!)).toBe(id);
            },
          ),
          { seed: SEED, numRuns: 200 },
        );
      },
      PROPERTY_TIMEOUT,
    );

    it.each(['.', '..'])('should refuse to send the id "%s", which the spec forbids and a URL parser would resolve away', async (id) => {
      const { client, sent } = recordingClient('token');
      await expect(client.logOutSession(id, { removeTrustedDevice: false })).rejects.toMatchObject({ code: 'refused' });
      expect(sent).toEqual([]);
    });
  });
});

// ————— 3. A payload the spec forbids is rejected by the client —————

type Reading = { kind: 'listed'; sessions: Session[]; skipped: number } | { kind: 'malformed' };

/** What the real client makes of a `GET /sessions` body, sent as JSON text. */
async function clientReads(body: unknown): Promise<Reading> {
  const text = JSON.stringify(body) ?? '';
  const client = createFetchSessionsClient({
    baseUrl: 'https://sessions.example/api',
    fetch: async () => new Response(text, { status: 200, headers: { 'content-type': 'application/json' } }),
  });
  try {
    const result = await client.listSessions({ signal: new AbortController().signal });
    if (result.availability !== 'available') throw new Error(`unexpected ${JSON.stringify(result)}`);
    return { kind: 'listed', sessions: result.sessions, skipped: result.skipped ?? 0 };
  } catch (error) {
    if (error instanceof SessionsClientError && error.code === 'malformed') return { kind: 'malformed' };
    throw error;
  }
}

const listErrors = (body: unknown) => contract.schemaErrors(contract.schema('SessionList'), body);

// The row under test sits beside a valid one, so "rejected" means left out and counted, the other row still read.
const anchor: Wire = { ...f.other };
const baseRow = (): Wire => structuredClone(f.trusted);

function withChange(path: string, change: { remove: true } | { value: unknown }): Wire {
  const row = baseRow();
  const keys = path.split('.');
  let parent: unknown = row;
  for (const key of keys.slice(0, -1)) parent = (parent as Wire)[key];
  const last = keys.at(-1)!;
  if ('remove' in change) delete (parent as Wire)[last];
  else (parent as Wire)[last] = change.value;
  return row;
}

const WRONG_TYPES: [string, unknown[]][] = [
  ['id', [42, null, true, [], {}, '', '   ']],
  ['is_current', ['yes', 1, null, [], {}]],
  ['is_trusted', ['true', 0, null, {}]],
  ['status', [1, null, true, [], {}]],
  ['apps', ['chatgpt', 1, true, {}, [1], ['chatgpt', null]]],
  ['device', ['Chrome on macOS', 1, true, []]],
  ['device.browser', [1, true, [], {}]],
  ['device.os', [1, false, ['iOS']]],
  ['device.type', [1, true, {}, ['mobile']]],
  ['location', ['Berlin, DE', 1, true, []]],
  ['location.city', [1, [], {}]],
  ['location.region', [2, true]],
  ['location.country', [49, ['DE']]],
  ['signed_in_at', [1_749_635_280_000, true, {}, []]],
];
const REQUIRED = ['id', 'is_current', 'is_trusted', 'status'];

const forbiddenRows: [string, Wire][] = [
  ...WRONG_TYPES.flatMap(([path, values]) =>
    values.map((value): [string, Wire] => [`${path} = ${JSON.stringify(value)}`, withChange(path, { value })]),
  ),
  ...REQUIRED.map((path): [string, Wire] => [`${path} missing`, withChange(path, { remove: true })]),
  ['not an object', 'sess_iphone' as unknown as Wire],
];

/** Where the spec and the client part ways on purpose: read, not rejected, for forward compatibility. */
type Leniency = {
  name: string;
  reason: string;
  /** Whether an Ajv error (its path relative to the row) is this leniency. */
  covers: (error: ErrorObject, path: string, row: Wire) => boolean;
  /** Whether the client read the row the way the leniency says. */
  reads: (session: Session, row: Wire) => boolean;
  example: Wire;
};

const trimmed = (value: unknown) => String(value).trim();
const DETAILS = ['/device/browser', '/device/os', '/location/city', '/location/region', '/location/country'];
const detailOf = (session: Session, path: string) => {
  const [, group, key] = path.split('/');
  return (session[group as 'device' | 'location'] as Record<string, unknown> | undefined)?.[key!];
};

const LENIENCIES: Leniency[] = [
  {
    name: 'a status the spec does not list reads as unavailable (no Log out); an ended one is not listed',
    reason:
      'a newer server may add statuses; offering Log out for a state this version does not know could fail or mislead (B5), and a signed-out session must never show (B11)',
    covers: (error, path) => path === '/status' && error.keyword === 'enum',
    reads: (session) => session.status === 'unavailable',
    example: withChange('status', { value: 'paused' }),
  },
  {
    name: 'a device type the spec does not list is left out of the row',
    reason: 'a newer server may name new kinds of device; the rest of the row is still worth showing',
    covers: (error, path) => path === '/device/type' && error.keyword === 'enum',
    reads: (session, row) => session.device?.type === undefined || session.device.type === trimmed((row.device as Wire).type),
    example: withChange('device.type', { value: 'watch' }),
  },
  {
    name: 'a blank detail (device or place) reads as missing',
    reason: 'B2: blank is the same as unknown, and is never shown as an empty badge',
    covers: (error, path) => DETAILS.includes(path) && error.keyword === 'pattern',
    reads: (session) => DETAILS.every((path) => detailOf(session, path) === undefined || trimmed(detailOf(session, path)) !== ''),
    example: withChange('location.city', { value: '   ' }),
  },
  {
    name: 'a place that looks like an IP address or coordinates is shown as sent',
    reason: 'the client cannot tell every place name from leaked data; the rule binds the server, and the contract check catches it there',
    covers: (error, path) => path.startsWith('/location/') && error.keyword === 'not',
    reads: (session, row) => Object.entries(session.location ?? {}).every(([key, value]) => value === trimmed((row.location as Wire)[key])),
    example: withChange('location.city', { value: '203.0.113.7' }),
  },
  {
    name: 'a signed_in_at that is not an RFC 3339 date-time is shown if Date can read it, else left out',
    reason: 'B2: a date the browser can read is still the sign-in time; one it cannot is missing, never "Invalid Date"',
    covers: (error, path) => path === '/signed_in_at' && (error.keyword === 'format' || error.keyword === 'pattern'),
    reads: (session) => session.signedInAt === undefined || !Number.isNaN(Date.parse(session.signedInAt)),
    example: withChange('signed_in_at', { value: 'yesterday' }),
  },
  {
    name: 'missing or null apps read as no apps',
    reason: 'a row without app context is still a session the reader must be able to see and end',
    covers: (error, path, row) =>
      (path === '' && error.keyword === 'required' && error.params.missingProperty === 'apps') ||
      (path === '/apps' && error.keyword === 'type' && row.apps === null),
    reads: (session) => session.apps.length === 0,
    example: withChange('apps', { remove: true }),
  },
  {
    name: 'blank and repeated app ids are dropped',
    reason: 'B2: an app listed twice or as blank adds nothing the reader can use',
    covers: (error, path) =>
      (/^\/apps\/\d+$/.test(path) && error.keyword === 'pattern') || (path === '/apps' && error.keyword === 'uniqueItems'),
    reads: (session, row) =>
      JSON.stringify(session.apps) === JSON.stringify([...new Set((row.apps as string[]).map(trimmed).filter(Boolean))]),
    example: withChange('apps', { value: ['chatgpt', 'chatgpt', ' '] }),
  },
  {
    name: 'an id outside the URL-safe alphabet is listed as sent; "." and ".." are refused at Log out',
    reason:
      'ids are opaque: the client percent-encodes any other id into one path segment, and refuses the two a URL parser would resolve away',
    covers: (error, path) => path === '/id' && (error.keyword === 'pattern' || error.keyword === 'not'),
    reads: (session, row) => session.id === row.id,
    example: withChange('id', { value: 'sess 1/a' }),
  },
];

describe('given a payload the spec forbids', () => {
  describe.each(forbiddenRows)('when a row has %s', (_, row) => {
    it('should be forbidden by the spec, and left out and counted by the client while the valid row beside it is read', async () => {
      expect(listErrors({ sessions: [anchor, row] })).not.toEqual([]);
      expect(await clientReads({ sessions: [anchor, row] })).toEqual({
        kind: 'listed',
        sessions: [expect.objectContaining({ id: anchor.id })],
        skipped: 1,
      });
    });

    it('should make a list of that row alone malformed', async () => {
      expect(await clientReads({ sessions: [row] })).toEqual({ kind: 'malformed' });
    });
  });

  it('should reject a repeated id, which the spec forbids in prose (a JSON Schema cannot): the first row is kept, the copy counted', async () => {
    expect(await clientReads({ sessions: [anchor, { ...f.trusted, id: anchor.id }] })).toEqual({
      kind: 'listed',
      sessions: [expect.objectContaining({ id: anchor.id, isTrusted: false })],
      skipped: 1,
    });
  });

  it(
    'should reject any top-level shape other than {"sessions": [...]} as malformed',
    async () => {
      const wrongShape = fc.jsonValue({ maxDepth: 3 }).filter((body) => {
        const value = body as Wire | null;
        return typeof value !== 'object' || value === null || Array.isArray(value) || !Array.isArray(value.sessions);
      });
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.constantFrom(null, [], {}, 'sessions', { sessions: {} }, { sessions: null }, { session: [] }, [f.current]),
            wrongShape,
          ),
          async (body) => {
            expect(listErrors(body)).not.toEqual([]);
            expect(await clientReads(body)).toEqual({ kind: 'malformed' });
          },
        ),
        { seed: SEED, numRuns: 200 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  describe.each(LENIENCIES)('when the client is more lenient than the spec: $name', ({ reason, covers, reads, example }) => {
    it(`should be listed as a leniency with its reason (${reason})`, async () => {
      const errors = listErrors({ sessions: [anchor, example] }).map((error) => ({
        error,
        path: error.instancePath.replace('/sessions/1', ''),
      }));
      expect(errors.length).toBeGreaterThan(0);
      for (const { error, path } of errors) expect(covers(error, path, example), `${path} ${error.message}`).toBe(true);
      const reading = await clientReads({ sessions: [anchor, example] });
      expect(reading).toMatchObject({ kind: 'listed', skipped: 0 });
      const session = (reading as { sessions: Session[] }).sessions[1]!;
      expect(reads(session, example)).toBe(true);
    });
  });

  it('should never list a session whose status says it has ended (signed_out, revoked, expired), though the spec has no such status', async () => {
    for (const status of ['signed_out', 'revoked', 'expired']) {
      expect(listErrors({ sessions: [anchor, { ...f.trusted, status }] })).not.toEqual([]);
      expect(await clientReads({ sessions: [anchor, { ...f.trusted, status }] })).toEqual({
        kind: 'listed',
        sessions: [expect.objectContaining({ id: anchor.id })],
        skipped: 0,
      });
    }
  });

  it('should read two rows marked current as both current, with Log out on neither (leniency: B3 errs on the safe side)', async () => {
    const body = { sessions: [f.current, f.currentTrusted] };
    expect(listErrors(body).map((e) => e.keyword)).toEqual(['contains']);
    const reading = await clientReads(body);
    expect(reading).toMatchObject({ kind: 'listed', skipped: 0 });
    for (const session of (reading as { sessions: Session[] }).sessions) {
      expect(session.isCurrent).toBe(true);
      expect(canLogOut(session, 'idle')).toBe(false);
    }
  });

  it(
    'should either reject a changed row, or read it under a listed leniency, and read every row the spec allows: no silent gaps',
    async () => {
      const counts: Record<string, number> = {};
      const count = (name: string) => (counts[name] = (counts[name] ?? 0) + 1);
      // Any JSON, and more often the values where the spec and the client could part ways.
      const value = fc.oneof(
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
        {
          weight: 3,
          arbitrary: fc.constantFrom<unknown>(
            null,
            true,
            0,
            -1.5,
            '',
            '   ',
            [],
            {},
            'active',
            'unavailable',
            'signed_out',
            'revoked',
            'paused',
            ' active',
            'desktop',
            ' tablet ',
            'watch',
            'Chrome',
            ' Berlin ',
            '203.0.113.7',
            '2001:db8::1',
            '52.52, 13.40',
            '.',
            '..',
            'a b',
            'sess_ok',
            'sess~1.x_y-z',
            '2025-06-11T09:48:00Z',
            '2025-06-11',
            'yesterday',
            ['chatgpt'],
            ['chatgpt', 'chatgpt'],
            [' '],
            ['', 'codex'],
            [' codex', 'codex'],
            ['chatgpt', 5],
            ['sora'],
            { browser: 'Chrome' },
            { city: '  ' },
            { type: 'app' },
          ),
        },
      );
      const paths = [
        'id',
        'is_current',
        'is_trusted',
        'status',
        'apps',
        'apps.0',
        'device',
        'device.browser',
        'device.os',
        'device.type',
        'location',
        'location.city',
        'location.region',
        'location.country',
        'signed_in_at',
        'extra',
        'device.extra',
        'location.extra',
      ];
      const change = fc.record({
        path: fc.constantFrom(...paths),
        change: fc.oneof(
          fc.constant({ remove: true as const }),
          value.map((v) => ({ value: v })),
        ),
      });

      await fc.assert(
        fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 2 }), async (changes) => {
          let row = baseRow();
          for (const { path, change: what } of changes) {
            const parent = path.includes('.') ? row[path.split('.')[0]!] : row;
            if (typeof parent !== 'object' || parent === null) continue; // an earlier change replaced the object
            const key = path.split('.').at(-1)!;
            if ('remove' in what) delete (parent as Wire)[key];
            else (parent as Wire)[key] = what.value;
          }
          row = JSON.parse(JSON.stringify(row)) as Wire; // what goes over the wire
          const body = { sessions: [anchor, row] };
          const errors = listErrors(body);
          const reading = await clientReads(body);
          expect(reading.kind).toBe('listed'); // the valid row beside it is always read
          const { sessions, skipped } = reading as Extract<Reading, { kind: 'listed' }>;
          const listed = sessions[1];

          if (row.id === anchor.id) return void count('repeated id: rejected');
          if (errors.length === 0) {
            // Everything the spec allows, the client reads — and reads right.
            expect(skipped).toBe(0);
            expect(listed).toMatchObject({ id: row.id, isCurrent: row.is_current, isTrusted: row.is_trusted, status: row.status });
            return void count('allowed: read');
          }
          if (!listed) {
            if (skipped === 1) return void count('forbidden: rejected and counted');
            expect(['signed_out', 'revoked', 'expired']).toContain(row.status);
            return void count('forbidden: ended status, not listed');
          }
          for (const error of errors) {
            const path = error.instancePath.replace('/sessions/1', '');
            const leniency = LENIENCIES.find((l) => l.covers(error, path, row));
            if (!leniency)
              throw new Error(
                `silent gap: the spec forbids ${path || 'the row'} (${error.message}) in ${JSON.stringify(row)}, but the client read it and no leniency says why`,
              );
            expect(leniency.reads(listed, row), `${leniency.name}: ${JSON.stringify(listed)}`).toBe(true);
            count(leniency.name);
          }
        }),
        { seed: SEED, numRuns: 2000 },
      );
      console.log(
        `[openapi] seed ${SEED}: ${Object.entries(counts)
          .map(([name, n]) => `${n} × ${name}`)
          .join('; ')}`,
      );
      // Each outcome, and each leniency, was actually reached: the table has no dead entries.
      for (const name of ['allowed: read', 'forbidden: rejected and counted', ...LENIENCIES.map((l) => l.name)]) {
        expect(counts[name] ?? 0, name).toBeGreaterThan(0);
      }
    },
    PROPERTY_TIMEOUT,
  );
});

describe('given other answers the spec forbids', () => {
  const client = (status: number, body: string | null, contentType = 'application/json') =>
    createFetchSessionsClient({
      baseUrl: 'https://sessions.example/api',
      fetch: async () => new Response(body, { status, headers: { 'content-type': contentType } }),
    });

  it('should reject a 403 of GET /sessions whose code the spec does not list there', async () => {
    const body = JSON.stringify({ error: { code: 'csrf' } });
    expect(
      contract.responseProblems({ method: 'GET', template: '/sessions', status: 403, contentType: 'application/json', body }),
    ).not.toEqual([]);
    await expect(client(403, body).listSessions({ signal: new AbortController().signal })).rejects.toMatchObject({ code: 'server' });
  });

  it('should reject a 200 of GET /sessions that is not JSON', async () => {
    const body = '<html>Bad gateway</html>';
    expect(contract.responseProblems({ method: 'GET', template: '/sessions', status: 200, contentType: 'text/html', body })).not.toEqual(
      [],
    );
    await expect(client(200, body, 'text/html').listSessions({ signal: new AbortController().signal })).rejects.toMatchObject({
      code: 'malformed',
    });
  });

  // Leniencies on success statuses: the server did what was asked, so the client does not call it a failure.
  it.each([
    ['POST', '/sessions/logout_all', 202, '{}', 'a 202 without completes_by: the logout happened, only "by when" is unknown'],
    ['POST', '/sessions/logout_all', 202, '{"completes_by":"soon"}', 'an unreadable completes_by: left out, never "Invalid Date"'],
    [
      'POST',
      '/sessions/logout_all',
      200,
      '{"completes_by":"2025-06-11T10:30:00Z"}',
      'another 2xx than 202: every 2xx means the logout was accepted',
    ],
    ['DELETE', '/sessions/{id}', 200, '{}', 'another 2xx than 204: every 2xx means the logout was accepted'],
    ['DELETE', '/sessions/{id}', 404, '', 'a 404 without its error body: the status alone says the session is gone'],
  ])('should accept %s %s → %i %s (leniency: %s)', async (method, template, status, body) => {
    expect(contract.responseProblems({ method, template, status, contentType: 'application/json', body })).not.toEqual([]);
    const answering = client(status, status === 204 ? null : body);
    if (method === 'POST')
      await expect(answering.logOutAllSessions()).resolves.toEqual(body.includes('2025') ? { completesBy: '2025-06-11T10:30:00Z' } : {});
    else await expect(answering.logOutSession('sess_windows', { removeTrustedDevice: false })).resolves.toBeUndefined();
  });

  // Leniencies on error statuses: a proxy or gateway may replace the body, so the status decides.
  it.each([
    ['GET', '/sessions', 401, '<html>Sign in</html>', 'unauthorized'],
    ['GET', '/sessions', 502, '<html>Bad gateway</html>', 'server'],
    ['DELETE', '/sessions/{id}', 409, '{"error":{"code":"conflict"}}', 'refused'],
  ])(
    'should read %s %s → %i with a body the spec does not define by its status alone (%s)',
    async (method, template, status, body, code) => {
      const contentType = body.startsWith('<') ? 'text/html' : 'application/json';
      expect(contract.responseProblems({ method, template, status, contentType, body })).not.toEqual([]);
      const answering = client(status, body, contentType);
      const call =
        method === 'GET'
          ? answering.listSessions({ signal: new AbortController().signal })
          : answering.logOutSession('sess_windows', { removeTrustedDevice: false });
      await expect(call).rejects.toMatchObject({ code });
    },
  );
});
