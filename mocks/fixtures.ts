import type { WireSession } from '../kit/src/contract';

// The one declaration of a row on the wire: generated from kit/openapi.yaml. Fixtures that break the
// contract on purpose say so with a cast (scenarios.ts).
export type { WireSession };

const MINUTE = 60_000;

/** An ISO time `minutes` before `now`. */
export function minutesAgo(minutes: number, now = Date.now()): string {
  return new Date(now - minutes * MINUTE).toISOString();
}

/** Named sessions, each one row state of the design, with sign-in and last-active times relative to `now`. */
export function createFixtures(now = Date.now()) {
  return {
    current: {
      id: 'sess_current',
      is_current: true,
      is_trusted: false,
      status: 'active',
      apps: ['chatgpt'],
      device: { browser: 'Chrome', os: 'macOS', type: 'desktop' },
      location: { city: 'San Francisco', region: 'California', country: 'US' },
      signed_in_at: minutesAgo(12, now),
      last_active_at: minutesAgo(0, now),
    },
    currentTrusted: {
      id: 'sess_current_trusted',
      is_current: true,
      is_trusted: true,
      status: 'active',
      apps: ['chatgpt', 'codex'],
      device: { browser: 'Safari', os: 'macOS', type: 'desktop' },
      location: { city: 'Warsaw', country: 'PL' },
      signed_in_at: minutesAgo(40, now),
      last_active_at: minutesAgo(1, now),
    },
    other: {
      id: 'sess_windows',
      is_current: false,
      is_trusted: false,
      status: 'active',
      apps: ['chatgpt'],
      device: { browser: 'Edge', os: 'Windows', type: 'desktop' },
      location: { city: 'Austin', region: 'Texas', country: 'US' },
      signed_in_at: minutesAgo(2 * 24 * 60, now),
      last_active_at: minutesAgo(3 * 60, now),
    },
    trusted: {
      id: 'sess_iphone',
      is_current: false,
      is_trusted: true,
      status: 'active',
      apps: ['chatgpt'],
      device: { browser: 'ChatGPT app', os: 'iOS', type: 'mobile' },
      location: { city: 'Berlin', country: 'DE' },
      signed_in_at: minutesAgo(5 * 24 * 60, now),
      last_active_at: minutesAgo(2, now),
    },
    unavailable: {
      id: 'sess_unavailable',
      is_current: false,
      is_trusted: false,
      status: 'unavailable',
      apps: ['chatgpt'],
      device: { browser: 'Firefox', os: 'Linux', type: 'desktop' },
      location: { country: 'CA' },
      signed_in_at: minutesAgo(12 * 24 * 60, now),
      last_active_at: minutesAgo(9 * 24 * 60, now),
    },
    severalProducts: {
      id: 'sess_products',
      is_current: false,
      is_trusted: false,
      status: 'active',
      apps: ['chatgpt', 'codex', 'api_platform'],
      device: { browser: 'Chrome', os: 'Windows', type: 'desktop' },
      location: { city: 'Tokyo', country: 'JP' },
      signed_in_at: minutesAgo(3 * 60, now),
      last_active_at: minutesAgo(50, now),
    },
    unknownProduct: {
      id: 'sess_unknown_app',
      is_current: false,
      is_trusted: false,
      status: 'active',
      apps: ['sora_studio'],
      device: { browser: 'Sora app', os: 'Android', type: 'mobile' },
      location: { city: 'São Paulo', country: 'BR' },
      signed_in_at: minutesAgo(26 * 60, now),
      last_active_at: minutesAgo(25 * 60, now),
    },
    incomplete: {
      id: 'sess_incomplete',
      is_current: false,
      is_trusted: false,
      status: 'active',
      apps: [],
      device: null,
      location: {},
      signed_in_at: null,
    },
    tablet: {
      id: 'sess_ipad',
      is_current: false,
      is_trusted: false,
      status: 'active',
      apps: ['codex'],
      device: { os: 'iPadOS', type: 'tablet' },
      location: { region: 'Ontario', country: 'CA' },
      signed_in_at: minutesAgo(45 * 24 * 60, now),
      last_active_at: minutesAgo(30 * 24 * 60, now),
    },
    /** B13: signed in two hours ago from a place the reader has not used before. */
    newSignIn: {
      id: 'sess_new_linux',
      is_current: false,
      is_trusted: false,
      status: 'active',
      apps: ['chatgpt'],
      device: { browser: 'Firefox', os: 'Ubuntu', type: 'desktop' },
      location: { city: 'Lagos', country: 'NG' },
      signed_in_at: minutesAgo(2 * 60, now),
      last_active_at: minutesAgo(20, now),
    },
  } satisfies Record<string, WireSession>;
}

/** `count` plausible sessions besides the current one, for long lists. */
export function manySessions(count: number, now = Date.now()): WireSession[] {
  const browsers = ['Chrome', 'Safari', 'Firefox', 'Edge', 'ChatGPT app'];
  const systems = ['macOS', 'Windows', 'Linux', 'iOS', 'Android'];
  const cities = [
    ['Lisbon', 'PT'],
    ['Osaka', 'JP'],
    ['Cairo', 'EG'],
    ['Denver', 'US'],
    ['Kraków', 'PL'],
  ] as const;
  const apps = [['chatgpt'], ['codex'], ['chatgpt', 'api_platform']];
  return Array.from({ length: count }, (_, i): WireSession => {
    const [city, country] = cities[i % cities.length]!;
    return {
      id: `sess_many_${i}`,
      is_current: false,
      is_trusted: i % 7 === 0,
      status: i % 23 === 5 ? 'unavailable' : 'active',
      apps: apps[i % apps.length]!,
      device: { browser: browsers[i % browsers.length], os: systems[(i * 3) % systems.length], type: 'desktop' },
      location: { city, country },
      signed_in_at: minutesAgo(90 * (i + 1), now),
      last_active_at: minutesAgo(45 * (i + 1), now),
    };
  });
}
