// The demo page: a plain settings page of a host product. Signed out, it shows a sign-in form;
// signed in, the Active sessions section against the reference server's /api. It imports the package
// the way a host does (vite.config.ts resolves it to dist/).
import { StrictMode, useEffect, useRef, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { ActiveSessionsSection, createFetchSessionsClient } from '@firstparty/active-sessions';
import '@firstparty/active-sessions/styles.css';
import './demo.css';

function readCookie(name: string): string | undefined {
  const pair = document.cookie.split('; ').find((part) => part.startsWith(`${name}=`));
  return pair ? decodeURIComponent(pair.slice(name.length + 1)) : undefined;
}

/** The page's CSRF token (the csrf_token cookie), echoed on every state-changing call. */
function csrfHeaders(): Record<string, string> {
  const token = readCookie('csrf_token');
  return token ? { 'X-CSRF-Token': token } : {};
}

const client = createFetchSessionsClient({ baseUrl: '/api', headers: csrfHeaders });

const APPS = [
  ['chatgpt', 'ChatGPT'],
  ['codex', 'Codex'],
  ['api_platform', 'API Platform'],
] as const;

function minutes(seconds: number) {
  const count = Math.max(1, Math.ceil(seconds / 60));
  return `${count} minute${count === 1 ? '' : 's'}`;
}

function SignInForm({ notice, onSignedIn }: { notice?: string; onSignedIn: () => void }) {
  const [error, setError] = useState<string>();
  const [isPending, setPending] = useState(false);

  async function signIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    try {
      const response = await fetch('/auth/sign-in', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          email: form.get('email'),
          password: form.get('password'),
          app: form.get('app'),
          trust_device: form.get('trust_device') === 'on',
        }),
      });
      if (response.status === 204) return onSignedIn();
      if (response.status === 401) setError('Wrong email or password.');
      else if (response.status === 429) {
        const retryAfter = Number(response.headers.get('Retry-After'));
        setError(
          `Too many failed attempts. Try again in ${Number.isFinite(retryAfter) && retryAfter > 0 ? minutes(retryAfter) : 'a few minutes'}.`,
        );
      } else setError(`Sign-in failed (the server answered ${response.status}). Try again.`);
    } catch {
      setError('Could not reach the server. Check that it is running, then try again.');
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="demo-card demo-form" onSubmit={(event) => void signIn(event)} aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">Sign in</h2>
      {notice && (
        <p className="demo-notice" role="status">
          {notice}
        </p>
      )}
      <label htmlFor="email">Email</label>
      <input id="email" name="email" type="email" autoComplete="username" required defaultValue="ada@example.com" />
      <label htmlFor="password">Password</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required />
      <label htmlFor="app">App</label>
      <select id="app" name="app" defaultValue="chatgpt">
        {APPS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <label className="demo-check">
        <input name="trust_device" type="checkbox" /> Trust this device
      </label>
      {error && (
        <p className="demo-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="demo-button" disabled={isPending}>
        Sign in
      </button>
      <p className="demo-hint">
        Seeded accounts: ada@example.com, bob@example.com, sso@example.com — password “correct horse battery staple”.
      </p>
    </form>
  );
}

/**
 * B16: the page's own answer to `onReauthenticate` — a password prompt that refreshes this session's
 * password check (POST /auth/reauthenticate). Confirmed: `true`; Cancel or Esc: `false`.
 */
function ReauthenticatePrompt({ onDone }: { onDone: (isConfirmed: boolean) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string>();
  const [isPending, setPending] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    try {
      const response = await fetch('/auth/reauthenticate', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...csrfHeaders() },
        body: JSON.stringify({ password: form.get('password') }),
      });
      if (response.status === 204) return onDone(true);
      if (response.status === 401) setError('Wrong password.');
      else if (response.status === 429) {
        const retryAfter = Number(response.headers.get('Retry-After'));
        setError(
          `Too many failed attempts. Try again in ${Number.isFinite(retryAfter) && retryAfter > 0 ? minutes(retryAfter) : 'a few minutes'}.`,
        );
      } else setError(`Checking your password failed (the server answered ${response.status}). Try again.`);
    } catch {
      setError('Could not reach the server. Check that it is running, then try again.');
    } finally {
      setPending(false);
    }
  }

  return (
    <dialog
      ref={ref}
      className="demo-card demo-dialog"
      aria-labelledby="reauthenticate-title"
      onCancel={(event) => {
        event.preventDefault();
        onDone(false);
      }}
    >
      <form className="demo-form" onSubmit={(event) => void confirm(event)}>
        <h2 id="reauthenticate-title">Confirm it’s you</h2>
        <p>Enter your password to continue.</p>
        <label htmlFor="reauthenticate-password">Password</label>
        {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the dialog opens to ask for the password: its only field takes focus */}
        <input id="reauthenticate-password" name="password" type="password" autoComplete="current-password" required autoFocus />
        {error && (
          <p className="demo-error" role="alert">
            {error}
          </p>
        )}
        <div className="demo-dialog__actions">
          <button type="button" className="demo-button demo-button--quiet" onClick={() => onDone(false)}>
            Cancel
          </button>
          <button type="submit" className="demo-button" disabled={isPending}>
            Confirm
          </button>
        </div>
      </form>
    </dialog>
  );
}

function App() {
  const [isSignedIn, setSignedIn] = useState(() => readCookie('csrf_token') !== undefined);
  const [notice, setNotice] = useState<string>();
  const [signOutError, setSignOutError] = useState<string>();
  // The answer the section waits for while the password prompt is open.
  const [reauthentication, setReauthentication] = useState<((isConfirmed: boolean) => void) | null>(null);

  /** Back to the form; the server clears the session cookies (with no live session it needs no CSRF token). */
  async function showSignIn(message: string) {
    await fetch('/auth/sign-out', { method: 'POST', headers: csrfHeaders() }).catch(() => undefined);
    setNotice(message);
    setSignOutError(undefined);
    setSignedIn(false);
  }

  async function signOut() {
    try {
      const response = await fetch('/auth/sign-out', { method: 'POST', headers: csrfHeaders() });
      if (!response.ok) throw new Error(String(response.status));
      setNotice('You signed out.');
      setSignOutError(undefined);
      setSignedIn(false);
    } catch {
      setSignOutError('Signing out failed. Try again.');
    }
  }

  return (
    <>
      <header className="demo-header">
        <p className="demo-product">Acme</p>
        {isSignedIn && (
          <button type="button" className="demo-button demo-button--quiet" onClick={() => void signOut()}>
            Sign out
          </button>
        )}
      </header>
      <main className="demo-main">
        <h1>Settings</h1>
        {isSignedIn ? (
          <>
            <nav aria-label="Settings" className="demo-tabs">
              <span aria-current="page">Security</span>
            </nav>
            {signOutError && (
              <p className="demo-error" role="alert">
                {signOutError}
              </p>
            )}
            <ActiveSessionsSection
              client={client}
              headingLevel={2}
              // B10: a host passes its own pages; the demo has none, so they point back at this page.
              links={{ changePassword: '/#change-password', signInMethods: '/#sign-in-methods', support: '/#support' }}
              onUnauthorized={() => void showSignIn('Your session has ended. Sign in again.')}
              onSignedOut={() => void showSignIn('You were logged out of all sessions.')}
              onReauthenticate={() => new Promise<boolean>((resolve) => setReauthentication(() => resolve))}
              // B15: a real host forwards these to its audit log (docs/events-and-unrecognized.md); the demo logs them.
              onEvent={(event) => console.info('[audit]', event)}
            />
            {reauthentication && (
              <ReauthenticatePrompt
                onDone={(isConfirmed) => {
                  setReauthentication(null);
                  reauthentication(isConfirmed);
                }}
              />
            )}
          </>
        ) : (
          <SignInForm
            notice={notice}
            onSignedIn={() => {
              setNotice(undefined);
              setSignedIn(true);
            }}
          />
        )}
      </main>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
