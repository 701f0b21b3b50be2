import { expect } from 'vitest';
import { SessionsClientError } from '../src';

/** The SessionsClientError a call rejects with; fails the test when it resolves or rejects with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<SessionsClientError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SessionsClientError);
  return error as SessionsClientError;
}
