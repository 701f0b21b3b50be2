// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFetchSessionsClient } from '../src';
import { rejection } from './rejection';

// The fetch client where there is no web page to compare origins with: on a server (prefetching for
// server rendering), and on a page whose origin is opaque ("null": a file: page, a sandboxed frame).
// A failed request there is a network failure, asked once: the cross-origin probe is for pages only.
function unreachable() {
  const calls: string[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push(`${init?.method} ${input instanceof Request ? input.url : input.toString()} ${init?.mode ?? 'cors'}`);
    throw new TypeError('fetch failed');
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

afterEach(() => vi.unstubAllGlobals());

describe('createFetchSessionsClient, with no page', () => {
  it('should reject a request that cannot reach the server as network, with one request', async () => {
    const { fetch, calls } = unreachable();
    const client = createFetchSessionsClient({ baseUrl: 'https://api.example.com/v1', fetch });
    expect(await rejection(client.listSessions({ signal: new AbortController().signal }))).toMatchObject({ code: 'network' });
    expect(calls).toEqual(['GET https://api.example.com/v1/sessions cors']);
  });
});

describe('createFetchSessionsClient, on a page whose origin is opaque', () => {
  it('should reject as network, and not probe for a cross-origin block', async () => {
    vi.stubGlobal('location', { origin: 'null', href: 'https://app.example.com/settings' });
    const { fetch, calls } = unreachable();
    const client = createFetchSessionsClient({ baseUrl: 'https://api.example.com/v1', fetch });
    expect(await rejection(client.logOutAllSessions())).toMatchObject({ code: 'network' });
    expect(calls).toEqual(['POST https://api.example.com/v1/sessions/logout_all cors']);
  });
});
