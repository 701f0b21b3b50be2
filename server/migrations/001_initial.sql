-- 001: accounts, the devices they sign in from, and their sessions (the schema the server first
-- shipped as schema.sql; `if not exists`, so a database made from that file adopts it unchanged).
-- No secret is stored as given: passwords as scrypt hashes, every token (session, CSRF, device
-- cookie) as its SHA-256. No IP address is stored at all.

create table if not exists accounts (
  id            uuid primary key default gen_random_uuid(),
  email         text not null unique check (email = lower(email)),
  -- scrypt$N$r$p$salt$hash (base64); see server/auth.ts
  password_hash text not null,
  -- Set for accounts linked to an organization's SSO: the sessions API answers 403 sso_account (B7).
  sso_provider  text check (sso_provider in ('saml', 'oidc')),
  created_at    timestamptz not null default now()
);

-- One row per browser or app install an account signs in from: the rows of the Active sessions list.
create table if not exists devices (
  -- The row id the API shows: 128 random bits, base64url. Never derived from the device cookie.
  id          text primary key check (id ~ '^[A-Za-z0-9_-]{16,64}$'),
  account_id  uuid not null references accounts (id) on delete cascade,
  -- SHA-256 of the device_id cookie: the same browser is the same device, per account.
  key_hash    bytea not null,
  -- Trusted until the account removes it (DELETE …?remove_trusted_device=true).
  is_trusted  boolean not null default false,
  created_at  timestamptz not null default now(),
  unique (account_id, key_hash),
  unique (id, account_id)
);

-- One row per sign-in: a device signed in to several apps has one session per app.
create table if not exists sessions (
  id            uuid primary key default gen_random_uuid(),
  account_id    uuid not null references accounts (id) on delete cascade,
  device_id     text not null,
  -- SHA-256 of the sid cookie and of the CSRF token: a copy of this table signs no one in.
  token_hash    bytea not null unique,
  csrf_hash     bytea not null,
  app           text not null,
  -- 'unavailable': the session's state cannot be confirmed; the section offers only Log out of all (B5).
  status        text not null default 'active' check (status in ('active', 'unavailable')),
  -- Device text from the User-Agent and the approximate place from the CDN, as known at sign-in.
  browser       text,
  os            text,
  device_type   text check (device_type in ('desktop', 'mobile', 'tablet', 'app')),
  city          text,
  region        text,
  country       text,
  signed_in_at  timestamptz not null,
  expires_at    timestamptz not null,
  -- Set when the session is logged out: from then on its token is refused.
  ended_at      timestamptz,
  -- B9: an ended session may stay listed until then (PROPAGATION_MS); null: never listed again.
  listed_until  timestamptz,
  -- A session and its device always belong to the same account.
  foreign key (device_id, account_id) references devices (id, account_id) on delete cascade
);

create index if not exists sessions_by_account on sessions (account_id, device_id);
