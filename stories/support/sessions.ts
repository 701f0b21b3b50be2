import { createFixtures } from '../../mocks';
import { createFetchSessionsClient, type Session } from '../../src';

/** The moment the row stories are seen from, so their dates and "2 days ago" hints never drift. */
export const NOW = Date.parse('2026-03-02T10:00:00Z');

export type FixtureName = keyof ReturnType<typeof createFixtures>;

/**
 * The fixtures of mocks/ as `Session`s, read by the real client from an in-memory response (no
 * network), so a row story shows exactly what the section shows for the same fixture.
 */
export async function fixtureSessions(now = NOW): Promise<Record<FixtureName, Session>> {
  const fixtures = createFixtures(now);
  const client = createFetchSessionsClient({
    baseUrl: 'https://fixtures.invalid',
    fetch: async () => Response.json({ sessions: Object.values(fixtures) }),
  });
  const result = await client.listSessions({ signal: new AbortController().signal });
  if (result.availability !== 'available') throw new Error('fixtureSessions: the fixtures did not parse as a list.');
  const byId = new Map(result.sessions.map((session) => [session.id, session]));
  return Object.fromEntries(
    Object.entries(fixtures).map(([name, wire]) => {
      const session = byId.get(wire.id);
      if (!session) throw new Error(`fixtureSessions: fixture "${name}" was rejected by the client.`);
      return [name, session];
    }),
  ) as Record<FixtureName, Session>;
}
