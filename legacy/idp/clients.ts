/**
 * The applications registered at the demo IdP, as at a real one: a token is issued to a client (the OAuth
 * `client_id` of the token request) and names it, as `client_id` (RFC 9068) and `azp` (OpenID Connect), so that the
 * gateway knows which application a user signed in through and applies that client's trusted documents whatever the
 * request's headers say (README "Typed documents and trusted documents"). Public clients (pages and scripts that keep
 * no secret), as a browser portal is: the binding is that a portal's users get their tokens through it.
 * A token request that names no client gets a token that names none: an unnamed client, which a production
 * gateway refuses (`TRUSTED_DOCUMENTS_UNNAMED_CLIENTS`).
 */
export const REGISTERED_CLIENTS: ReadonlySet<string> = new Set([
  // The TIM Business CM8 partner portal (trusted-documents/cm8-portal/).
  'cm8-portal',
  // The reference dashboard (examples/dashboard/).
  'onegraph-dashboard',
  // The recipe's portal in its own repository (docs/frontend.md "A portal in its own repository").
  'partner-portal',
]);

export type ClientCheck = { ok: true; client: string | undefined } | { ok: false };

/** The client a token request names: a registered one, none (`undefined`), or refused (an unknown one). */
export function clientOfTokenRequest(clientId: string | undefined): ClientCheck {
  if (clientId === undefined || clientId === '') return { ok: true, client: undefined };
  return REGISTERED_CLIENTS.has(clientId) ? { ok: true, client: clientId } : { ok: false };
}
