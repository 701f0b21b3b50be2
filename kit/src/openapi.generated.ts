// Generated from kit/openapi.yaml by kit/scripts/generate.ts (openapi-typescript). Do not edit:
// change openapi.yaml, then run `npm run kit:generate`.
export interface paths {
    "/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the account's active sessions
         * @description Every active session of the caller's account, one row per device, the caller's own row marked
         *     `is_current`. Signed-out sessions are never listed. Send `Cache-Control: no-store`: the list
         *     changes with every sign-in and logout.
         */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Log out one session (one device row)
         * @description Ends every session of the device row `id` of the caller's account. With
         *     `remove_trusted_device=true` the device is also removed from trusted devices, so its next
         *     sign-in is not trusted. Idempotent: repeating it never ends anything else.
         */
        delete: operations["logOutSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/logout_all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log out of all sessions, the current one included
         * @description Ends every session of the caller's account, on every device and app, the caller's own
         *     included. Send no request body. The host's own session ends too: the client tells it
         *     (`onSignedOut`).
         */
        post: operations["logOutAllSessions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The body of `GET /sessions`. Fields other than `sessions` are ignored. */
        SessionList: {
            /** @description Every active session of the account, one row per device; ids are unique in the list. At most one row (the caller's) has `is_current: true`. */
            sessions: components["schemas"]["WireSession"][];
        };
        /** @description One row: a signed-in browser or first-party app on one device, possibly across several apps. Only `id`, `is_current`, `is_trusted`, `status` and `apps` are required; each detail may be left out (or `null`) when the server does not know it. Fields not listed here are ignored. */
        WireSession: {
            id: components["schemas"]["SessionId"];
            /** @description Whether this row is the session making the request (at most one row). */
            is_current: boolean;
            /** @description Whether the device is a trusted device; its logout is offered as "Log out and remove" and sends `remove_trusted_device=true`. */
            is_trusted: boolean;
            /**
             * @description `active`: can be logged out alone. `unavailable`: the service cannot log this session out alone; the row has no Log out and points to log out of all sessions. A signed-out session is not listed at all, so there is no status for it.
             * @enum {string}
             */
            status: "active" | "unavailable";
            /** @description The first-party apps this device is signed in to, each once: `chatgpt`, `codex`, `api_platform`, or any other id (shown under a generic label). May be empty. */
            apps: string[];
            device?: components["schemas"]["Device"];
            location?: components["schemas"]["Location"];
            /**
             * Format: date-time
             * @description When this device signed in (RFC 3339 with a time zone, e.g. `2025-06-11T09:48:00Z`).
             */
            signed_in_at?: string | null;
            /**
             * Format: date-time
             * @description When the server last saw any session of this device in use (RFC 3339 with a time zone). It may be recorded coarsely (at most once a minute), is never before `signed_in_at` and never in the future. Leave it out (or `null`) when unknown; the row then shows only its sign-in.
             */
            last_active_at?: string | null;
        };
        /** @description Opaque and URL-safe (RFC 3986 unreserved characters), never `.` or `..`, unique in the list; never the session token or anything derived from it. */
        SessionId: string;
        /** @description The device or browser, as text for people (e.g. from the User-Agent); each part optional. */
        Device: {
            browser?: components["schemas"]["DetailText"];
            os?: components["schemas"]["DetailText"];
            /**
             * @description The kind of device; `app` is a first-party native app.
             * @enum {string|null}
             */
            type?: "desktop" | "mobile" | "tablet" | "app" | null;
        } | null;
        /** @description The approximate place, as names (e.g. from a CDN's geolocation headers); each part optional. Never an IP address, coordinates or a street address. */
        Location: {
            city?: components["schemas"]["PlaceText"];
            region?: components["schemas"]["PlaceText"];
            country?: components["schemas"]["PlaceText"];
        } | null;
        /** @description Text for people; leave it out (or `null`) rather than send it blank. */
        DetailText: string | null;
        /** @description A place name or ISO 3166 country code, for people; leave it out (or `null`) rather than send it blank. Never an IP address or coordinates. */
        PlaceText: string | null;
        /** @description The body of `POST /sessions/logout_all`'s `202`. */
        LogOutAllAccepted: {
            /**
             * Format: date-time
             * @description By when every session of the account is refused (at most 30 minutes from the request).
             */
            completes_by: string;
        };
        /** @description Optional text for logs. Never a stack trace, SQL, a token or another account's data. */
        ErrorMessage: string;
        /** @description 401: not signed in. */
        UnauthorizedError: {
            error: {
                /** @constant */
                code: "unauthorized";
                message?: components["schemas"]["ErrorMessage"];
            };
        };
        /** @description 403 of `GET /sessions`: the feature is not available to this account. */
        NotAvailableError: {
            error: {
                /** @enum {string} */
                code: "sso_account" | "not_supported";
                message?: components["schemas"]["ErrorMessage"];
            };
        };
        /** @description 403 of `DELETE` and `POST`: CSRF check failed, re-authentication required, or the feature is not available. */
        ForbiddenError: {
            error: {
                /** @enum {string} */
                code: "csrf" | "reauthentication_required" | "sso_account" | "not_supported";
                message?: components["schemas"]["ErrorMessage"];
            };
        };
        /** @description 400: the request does not follow the contract. */
        InvalidRequestError: {
            error: {
                /** @constant */
                code: "invalid_request";
                message?: components["schemas"]["ErrorMessage"];
            };
        };
        /** @description 404: no such session in the caller's account. */
        NotFoundError: {
            error: {
                /** @constant */
                code: "not_found";
                message?: components["schemas"]["ErrorMessage"];
            };
        };
        /** @description 409: the caller's own session. */
        CurrentSessionError: {
            error: {
                /** @constant */
                code: "current_session";
                message?: components["schemas"]["ErrorMessage"];
            };
        };
        /** @description 503: the service is down for a while. */
        UnavailableError: {
            error: {
                /** @constant */
                code: "unavailable";
                message?: components["schemas"]["ErrorMessage"];
            };
        };
        /** @description 5XX: the service failed or is down for a while. */
        ServerError: {
            error: {
                /** @enum {string} */
                code: "internal" | "unavailable";
                message?: components["schemas"]["ErrorMessage"];
            };
        };
    };
    responses: {
        /** @description Not signed in, or the session has ended. The client tells the host (`onUnauthorized`). */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["UnauthorizedError"];
            };
        };
        /** @description `csrf`: the `X-CSRF-Token` header is missing or wrong. `reauthentication_required`: the service wants a recent sign-in (password, passkey or SSO) before ending sessions; the client asks the host to re-authenticate the reader, then sends the same call once more. `sso_account` or `not_supported`: the feature is not available to this account (as for `GET /sessions`). Nothing was ended. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ForbiddenError"];
            };
        };
        /** @description The request does not follow this contract (for example `remove_trusted_device` is missing). */
        InvalidRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["InvalidRequestError"];
            };
        };
        /** @description The service failed (`internal`) or is down for a while (`unavailable`). The client says to try again later, whatever the body; a JSON error body is what a server of this contract sends. */
        ServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ServerError"];
            };
        };
        /** @description The service is down for a while (for example its database): `unavailable`, with `Retry-After` in seconds. Never a hang and never a `500`. The client says to try again later. */
        Unavailable: {
            headers: {
                /** @description Seconds to wait before trying again. */
                "Retry-After": number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["UnavailableError"];
            };
        };
    };
    parameters: {
        /** @description The anti-CSRF token of the caller's session, checked on every state-changing call (for example the value of a `csrf_token` cookie set at sign-in, or one bound to the session). Missing or wrong: `403 csrf`, nothing ended. The host supplies it to the client with `headers: () => ({ 'X-CSRF-Token': … })`. */
        CsrfToken: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The active sessions (any order; the client puts the current one first). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The feature is not available to this account: `sso_account` for an account linked to an organization's SSO (SAML or OIDC), `not_supported` when the service does not offer it to this account. The section explains it calmly instead of showing an error. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotAvailableError"];
                };
            };
            503: components["responses"]["Unavailable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    logOutSession: {
        parameters: {
            query: {
                /** @description `true` to also remove the device from trusted devices ("Log out and remove"), `false` otherwise. Exactly `true` or `false`; anything else, or missing, is `400 invalid_request`. */
                remove_trusted_device: boolean;
                /** @description `unrecognized` when the reader did not recognize the session ("Don't recognize it?"), for the service's security team. A server may record it, and must end the session exactly as without it. */
                reason?: "unrecognized";
            };
            header: {
                /** @description The anti-CSRF token of the caller's session, checked on every state-changing call (for example the value of a `csrf_token` cookie set at sign-in, or one bound to the session). Missing or wrong: `403 csrf`, nothing ended. The host supplies it to the client with `headers: () => ({ 'X-CSRF-Token': … })`. */
                "X-CSRF-Token": components["parameters"]["CsrfToken"];
            };
            path: {
                /** @description The `id` of a row of `GET /sessions`, percent-encoded as a path segment. */
                id: components["schemas"]["SessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Logged out: every session of the row is refused from now on (`401`), and the row leaves `GET /sessions` once the logout has propagated. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No active session with this id in the caller's account: already logged out, or another account's. Nothing was ended. The client reads it as success (the session is gone). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description `id` is the caller's own session. Nothing was ended: the reader signs out, or logs out of all sessions, instead. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CurrentSessionError"];
                };
            };
            503: components["responses"]["Unavailable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    logOutAllSessions: {
        parameters: {
            query?: never;
            header: {
                /** @description The anti-CSRF token of the caller's session, checked on every state-changing call (for example the value of a `csrf_token` cookie set at sign-in, or one bound to the session). Missing or wrong: `403 csrf`, nothing ended. The host supplies it to the client with `headers: () => ({ 'X-CSRF-Token': … })`. */
                "X-CSRF-Token": components["parameters"]["CsrfToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: every session of the account is refused by `completes_by` at the latest, and none is listed after it. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogOutAllAccepted"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["Unavailable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
}
