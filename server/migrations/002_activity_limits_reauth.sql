-- 002: last seen (B12, idle timeout), the last password check (B16), why a session was ended (B14),
-- and the sign-in limits, kept here so that every instance counts the same failures.

-- Written at most once a minute per session (or a quarter of IDLE_TIMEOUT_MS when shorter).
alter table sessions add column last_seen_at timestamptz;
update sessions set last_seen_at = signed_in_at where last_seen_at is null;
alter table sessions alter column last_seen_at set not null;

-- Sign-in or POST /auth/reauthenticate; compared with REAUTH_MAX_AGE_MS before a logout.
alter table sessions add column password_checked_at timestamptz;
update sessions set password_checked_at = signed_in_at where password_checked_at is null;
alter table sessions alter column password_checked_at set not null;

-- 'unrecognized': the reader said they did not recognize the session (DELETE …&reason=unrecognized).
alter table sessions add column end_reason text check (end_reason in ('unrecognized'));

-- Old sessions are deleted 30 days after they ended or expired (see deleteOldSessions in store.ts).
create index sessions_by_end on sessions (ended_at);
create index sessions_by_expiry on sessions (expires_at);

-- Failed password checks per key, in a window that starts at the key's first failure. A key is the
-- SHA-256 (hex) of "account|client" or "client", so no email or IP address is kept as given.
create table sign_in_failures (
  key_hash        text primary key,
  failures        integer not null,
  window_ends_at  timestamptz not null
);
create index sign_in_failures_by_end on sign_in_failures (window_ends_at);
