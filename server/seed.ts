// The seeded accounts (README: ada and bob are ordinary, sso is linked to an organization's SSO) and,
// with SEED_DEMO=1, a few believable other sessions for ada so the demo looks like a real account:
// last active some time after each sign-in (B12), and one sign-in from today (B13).
import { hashPassword, hashToken, newToken, SESSION_TTL_MS } from './auth';
import { describeDevice } from './device';
import type { SignInDetails, Store } from './store';

export const SEEDED_PASSWORD = 'correct horse battery staple';

export const SEEDED_ACCOUNTS = [
  { email: 'ada@example.com', ssoProvider: null },
  { email: 'bob@example.com', ssoProvider: null },
  { email: 'sso@example.com', ssoProvider: 'saml' },
] as const;

/** Adds the seeded accounts that are missing (a persistent database keeps them across restarts). */
export async function seedAccounts(store: Store): Promise<void> {
  for (const { email, ssoProvider } of SEEDED_ACCOUNTS) {
    if (await store.findAccount(email)) continue;
    await store.addAccount({ email, passwordHash: await hashPassword(SEEDED_PASSWORD), ssoProvider });
  }
}

type DemoDevice = {
  /** Stable, so a restart on a persistent database tops the demo up instead of adding duplicates. */
  key: string;
  userAgent: string;
  place: Pick<SignInDetails, 'city' | 'region' | 'country'>;
  apps: string[];
  isTrusted?: boolean;
  status?: 'active' | 'unavailable';
  /** When it signed in. */
  daysAgo: number;
  /** When it was last seen (within the 7-day idle timeout, or it would be ended). */
  lastActiveHoursAgo: number;
};

const DEMO_DEVICES: DemoDevice[] = [
  {
    key: 'demo-iphone',
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    place: { city: 'Lisbon', country: 'PT' },
    apps: ['chatgpt'],
    isTrusted: true,
    daysAgo: 1.2,
    lastActiveHoursAgo: 0.02,
  },
  {
    key: 'demo-windows',
    userAgent:
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
    place: { city: 'Austin', region: 'Texas', country: 'US' },
    apps: ['chatgpt', 'codex', 'api_platform'],
    daysAgo: 3.5,
    lastActiveHoursAgo: 3,
  },
  {
    key: 'demo-linux',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
    place: { city: 'Berlin', country: 'DE' },
    apps: ['api_platform'],
    daysAgo: 9,
    lastActiveHoursAgo: 2 * 24 + 5,
  },
  {
    key: 'demo-android',
    userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
    place: { country: 'CA' },
    apps: ['chatgpt'],
    status: 'unavailable',
    daysAgo: 17,
    lastActiveHoursAgo: 6 * 24,
  },
  {
    // B13: a sign-in from today, from a place the others never were.
    key: 'demo-new-mac',
    userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
    place: { city: 'São Paulo', region: 'SP', country: 'BR' },
    apps: ['chatgpt'],
    daysAgo: 0.2,
    lastActiveHoursAgo: 1.5,
  },
];

/** Gives ada the demo's other devices (each only if it has no live session), signed in days or hours ago. */
export async function seedDemoSessions(store: Store, now = new Date()): Promise<void> {
  const ada = await store.findAccount('ada@example.com');
  if (!ada) throw new Error('seedDemoSessions: seed the accounts first.');
  for (const device of DEMO_DEVICES) {
    const deviceKeyHash = hashToken(device.key);
    if (await store.hasLiveSession(ada.id, deviceKeyHash, now)) continue;
    for (const [i, app] of device.apps.entries()) {
      const signedInAt = new Date(now.getTime() - (device.daysAgo * 24 - i) * 60 * 60 * 1000);
      const lastSeenAt = new Date(Math.max(signedInAt.getTime(), now.getTime() - device.lastActiveHoursAgo * 60 * 60 * 1000));
      // Real random tokens, hashed and then forgotten: no one can act as these sessions.
      await store.addSession({
        accountId: ada.id,
        newDeviceId: newToken(),
        deviceKeyHash,
        trustDevice: device.isTrusted ?? false,
        tokenHash: hashToken(newToken()),
        csrfHash: hashToken(newToken()),
        app,
        status: device.status ?? 'active',
        ...describeDevice(device.userAgent),
        ...device.place,
        signedInAt,
        lastSeenAt,
        expiresAt: new Date(signedInAt.getTime() + SESSION_TTL_MS),
      });
    }
  }
}
