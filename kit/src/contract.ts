// The contract's types, named: every one is taken from the types generated from openapi.yaml
// (openapi.generated.ts), so the client, the mocks, the reference server and the tests share one declaration.
import type { components, operations, paths } from './openapi.generated.js';

type Schemas = components['schemas'];

export type { components, operations, paths };
/** One row of `GET /sessions`, snake_case as sent on the wire. */
export type WireSession = Schemas['WireSession'];
/** The body of `GET /sessions`' 200. */
export type WireSessionList = Schemas['SessionList'];
/** The device part of a row (or `null`). */
export type WireDevice = Schemas['Device'];
/** The approximate place of a row (or `null`). */
export type WireLocation = Schemas['Location'];
/** The body of `POST /sessions/logout_all`'s 202. */
export type WireLogOutAllAccepted = Schemas['LogOutAllAccepted'];
/** Every error body the contract documents: `{"error":{"code":…}}`. */
export type WireError =
  | Schemas['UnauthorizedError']
  | Schemas['NotAvailableError']
  | Schemas['ForbiddenError']
  | Schemas['InvalidRequestError']
  | Schemas['NotFoundError']
  | Schemas['CurrentSessionError']
  | Schemas['ServerError'];
/** Every error code a server of the contract may send. */
export type WireErrorCode = WireError['error']['code'];
