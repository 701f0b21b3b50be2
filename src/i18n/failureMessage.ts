import type { SessionsClientError } from '../client/errors';
import type { MessageKey, Translator } from './translator';

const FAILURES = new Set(['timeout', 'server', 'malformed', 'unauthorized', 'refused', 'reauthentication_required', 'csrf', 'blocked']);

/** The localized reason of a failed call; a network failure (or anything unknown) reads as "check your connection". */
export function failureMessage(error: SessionsClientError | null | undefined, { t }: Translator): string {
  const code = error && FAILURES.has(error.code) ? error.code : 'network';
  return t(`failure.${code}` as MessageKey);
}
