import { createFixtures, manySessions, type WireSession } from './fixtures';

/** What the mock server does when a session is logged out. */
export type LogOutBehaviour =
  | 'remove' // 204, gone from the next list
  | 'linger' // 204, but listed for one more list call (B9)
  | 'fail' // 500
  | 'refuse' // 409 current_session
  | 'gone' // 404: already gone
  | 'hang'; // never answers (logging out, forever)

/** One state of the API, shared by stories and tests. */
export type Scenario = {
  /** The sessions listed, in the server's order. */
  sessions: WireSession[];
  /** How GET /sessions answers. @default 'ok' */
  list?: 'ok' | 'sso' | 'not_supported' | 'error' | 'unauthorized' | 'not-json' | 'hang';
  /** Milliseconds before any answer. @default 0 */
  delayMs?: number;
  /** What logging out a session does; `logOutById` overrides it per row. @default 'remove' */
  logOut?: LogOutBehaviour;
  logOutById?: Record<string, LogOutBehaviour>;
  /** How POST /sessions/logout_all answers. @default 'ok' */
  logOutAll?: 'ok' | 'fail' | 'hang';
  /**
   * B16: logouts (DELETE and logout_all) answer 403 `reauthentication_required`: `always`, or `once` (the
   * first is refused, later ones go through, as after the reader re-authenticated). @default never
   */
  reauthentication?: 'once' | 'always';
};

/** The scenario names, as stories and tests pick them. */
export type ScenarioName = keyof ReturnType<typeof createScenarios>;

/** Every named scenario, with sign-in times relative to `now`. */
export function createScenarios(now = Date.now()) {
  const f = createFixtures(now);
  return {
    /** A current session and a few others, one of them trusted. */
    typical: { sessions: [f.current, f.other, f.trusted, f.severalProducts] },
    /** B12–B14: a new sign-in from an unfamiliar place among the usual devices, each last active at another time. */
    newSignIn: { sessions: [f.current, f.other, f.newSignIn, f.trusted] },
    /** Only the session the reader is using. */
    onlyCurrent: { sessions: [f.current] },
    /** Every row state the server can send at once, and per-row logout outcomes. */
    everyRowState: {
      sessions: [f.other, f.currentTrusted, f.trusted, f.unavailable, f.severalProducts, f.unknownProduct, f.incomplete, f.tablet],
      logOutById: { [f.severalProducts.id]: 'fail', [f.unknownProduct.id]: 'linger', [f.tablet.id]: 'hang' },
    },
    /** Accounts linked to an organization's SSO (B7). */
    sso: { sessions: [], list: 'sso' },
    /** The feature is not offered for this account. */
    notSupported: { sessions: [], list: 'not_supported' },
    /** The list cannot load (B8). */
    serverError: { sessions: [f.current, f.other], list: 'error' },
    /** The host's sign-in expired. */
    unauthorized: { sessions: [], list: 'unauthorized' },
    /** Every answer takes two seconds. */
    slow: { sessions: [f.current, f.other, f.trusted], delayMs: 2000 },
    /** The list never answers (loading, forever). */
    loading: { sessions: [], list: 'hang' },
    /** Every single logout fails. */
    logoutFails: { sessions: [f.current, f.other, f.trusted], logOut: 'fail' },
    /** Logouts are accepted but the rows stay listed once more (B9). */
    logoutLingers: { sessions: [f.current, f.other, f.trusted], logOut: 'linger' },
    /** Logouts never answer. */
    logoutHangs: { sessions: [f.current, f.other, f.trusted], logOut: 'hang' },
    /** Log out of all sessions fails. */
    logOutAllFails: { sessions: [f.current, f.other, f.trusted], logOutAll: 'fail' },
    /** Log out of all sessions never answers. */
    logOutAllHangs: { sessions: [f.current, f.other, f.trusted], logOutAll: 'hang' },
    /** B16: the first logout asks for a recent sign-in; the repeat after re-authentication goes through. */
    reauthOnce: { sessions: [f.current, f.other, f.trusted], reauthentication: 'once' },
    /** B16: every logout asks for a recent sign-in, the repeat too (refused again). */
    reauthAlways: { sessions: [f.current, f.other, f.trusted], reauthentication: 'always' },
    /** 200 sessions besides the current one. */
    many: { sessions: [f.current, ...manySessions(200, now)] },
    /** Some rows break the contract; the valid ones beside them still render. */
    malformedRows: {
      sessions: [
        f.current,
        f.other,
        { ...f.trusted, id: 42 } as unknown as WireSession,
        { ...f.severalProducts, is_current: 'yes' } as unknown as WireSession,
      ],
    },
  } satisfies Record<string, Scenario>;
}
