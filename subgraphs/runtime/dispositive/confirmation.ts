import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { badUserInput, type GraphError } from '../../../adapters/errors';
import type { Identity } from '../identity';
import { readSubgraphSettings } from '../settings';

/**
 * Confirmations of a downloaded summary (seed 002 §10 Appendice 1's pages: "Il download dei documenti è obbligatorio
 * per confermare la richiesta"). The one summary query (summary.ts) hands the viewer the summary module of a change
 * and a `confirmationRef`: the mutation it summarises and, per record, the terms the declaration names (the change,
 * and the state it was asked on), signed for that viewer. The engine refuses the mutation of a declaration with a
 * `summary` unless it carries a reference whose terms are the current ones for that record: missing, altered, another
 * viewer's, for another request or for a record since changed, it is BAD_USER_INPUT on `input.confirmationRef` and
 * nothing is written. The reference is deterministic (no time in it), so a retry quotes the same one.
 *
 * The key is derived from the gateway identity secret, which every subgraph holds, so that the subgraph that serves
 * the summary and the one that runs the mutation agree.
 */
export type SignedTerms = Record<string, string | number | boolean | null>;

export interface ConfirmedRequest {
  /** The mutation field the summary is for. */
  operation: string;
  /** The terms of each record of the request, by record id. */
  records: Record<string, SignedTerms>;
}

let key: Buffer | undefined;
function signingKey(): Buffer {
  key ??= createHmac('sha256', readSubgraphSettings().identitySecret).update('onegraph-confirmations').digest();
  return key;
}

const sign = (payload: string) => createHmac('sha256', signingKey()).update(payload).digest('base64url');
/** A record's terms as the reference holds them: a digest, so that no term (an address, an amount) is readable in it. */
const digest = (terms: SignedTerms) => createHash('sha256')
  .update(JSON.stringify(Object.entries(terms).sort(([a], [b]) => a.localeCompare(b)))).digest('base64url').slice(0, 22);

/** The reference a summary carries, for this viewer and request. */
export function confirmationRef(viewer: Identity, request: ConfirmedRequest): string {
  const records = Object.fromEntries(Object.entries(request.records).sort(([a], [b]) => a.localeCompare(b)).map(([id, t]) => [id, digest(t)]));
  const payload = Buffer.from(JSON.stringify({ u: viewer.userId, o: request.operation, r: records })).toString('base64url');
  return `${payload}.${sign(payload)}`;
}

const REFUSED = 'must be the confirmationRef of the summary downloaded for this request (changeSummary), for the records as they are now';

/**
 * Checks that `ref` confirms, for this viewer, a request of `operation` on `record` with exactly `terms`: null when
 * it does, else the BAD_USER_INPUT to answer (one message for every way of failing: it tells nothing of the others).
 */
export function confirmationRefusal(ref: string, viewer: Identity, operation: string, record: string, terms: SignedTerms, field: string): GraphError | null {
  const refused = badUserInput(field, REFUSED);
  const [payload, signature = ''] = ref.split('.');
  const expected = Buffer.from(sign(payload ?? ''));
  const given = Buffer.from(signature);
  if (!payload || expected.length !== given.length || !timingSafeEqual(expected, given)) return refused;
  let signed: { u: string; o: string; r: Record<string, string> };
  try {
    signed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return refused;
  }
  const same = Object.hasOwn(signed.r, record) && signed.r[record] === digest(terms);
  return signed.u === viewer.userId && signed.o === operation && same ? null : refused;
}

/** A reference's shape, checked with the input, before anything is read (its content once the target is authorised). */
export function checkConfirmationRef(raw: unknown, field: string): string {
  if (typeof raw !== 'string' || !/^[A-Za-z0-9_-]{1,12000}\.[A-Za-z0-9_-]{43}$/.test(raw)) throw badUserInput(field, REFUSED);
  return raw;
}
