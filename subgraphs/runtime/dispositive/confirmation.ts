import { createHmac, timingSafeEqual } from 'node:crypto';
import { badUserInput, type GraphError } from '../../../adapters/errors';
import type { Identity } from '../identity';
import { readSubgraphSettings } from '../settings';

/**
 * Confirmations of a downloaded summary (seed 002 §7.4.5–§7.5.4: "Il download dei documenti è obbligatorio per
 * confermare la richiesta"). The query that hands the viewer the summary module and the list of lines also hands a
 * `confirmationRef`: the request it summarises (operation, lines, change, and what it found on them), signed for
 * that viewer. The mutation must carry it: missing, altered, another viewer's or for another request, it is
 * BAD_USER_INPUT on `confirmationRef` and nothing is written. The reference is deterministic (no time in it), so a
 * retry of the request quotes the same one and keeps its fingerprint.
 *
 * The key is derived from the gateway identity secret, which every subgraph holds, so that any subgraph can check a
 * confirmation another one issued.
 */
export interface ConfirmedRequest {
  /** The mutation field the summary is for. */
  operation: string;
  /** The records of the request, sorted. */
  records: string[];
  /** The change asked and the state it was asked on (e.g. the threshold type the lines share), canonical. */
  terms: Record<string, string | number | null>;
}

let key: Buffer | undefined;
function signingKey(): Buffer {
  key ??= createHmac('sha256', readSubgraphSettings().identitySecret).update('onegraph-confirmations').digest();
  return key;
}

const sign = (payload: string) => createHmac('sha256', signingKey()).update(payload).digest('base64url');

function canonical(userId: string, request: ConfirmedRequest): string {
  const terms = Object.fromEntries(Object.entries(request.terms).sort(([a], [b]) => a.localeCompare(b)));
  return Buffer.from(JSON.stringify({ u: userId, o: request.operation, r: [...request.records].sort(), t: terms })).toString('base64url');
}

/** The reference a summary carries, for this viewer and request. */
export function confirmationRef(viewer: Identity, request: ConfirmedRequest): string {
  const payload = canonical(viewer.userId, request);
  return `${payload}.${sign(payload)}`;
}

/**
 * Checks that `ref` confirms, for this viewer, a request of `operation` on `record` with exactly `terms`: null when
 * it does, else the BAD_USER_INPUT to answer (one message for every way of failing: it tells nothing of the others).
 */
export function confirmationRefusal(ref: string, viewer: Identity, operation: string, record: string, terms: ConfirmedRequest['terms'], field: string): GraphError | null {
  const refused = badUserInput(field, 'must be the confirmationRef of the summary downloaded for this request');
  const [payload, signature = ''] = ref.split('.');
  const expected = Buffer.from(sign(payload ?? ''));
  const given = Buffer.from(signature);
  if (!payload || expected.length !== given.length || !timingSafeEqual(expected, given)) return refused;
  let signed: { u: string; o: string; r: string[]; t: Record<string, unknown> };
  try {
    signed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return refused;
  }
  const sameTerms = JSON.stringify(Object.entries(signed.t).sort()) === JSON.stringify(Object.entries(terms).sort());
  return signed.u === viewer.userId && signed.o === operation && signed.r.includes(record) && sameTerms ? null : refused;
}

/** A reference's shape, checked before anything is read (its signature is checked once the target is authorised). */
export function checkConfirmationRef(raw: unknown, field: string): string {
  if (typeof raw !== 'string' || !/^[A-Za-z0-9_-]{1,4000}\.[A-Za-z0-9_-]{43}$/.test(raw)) {
    throw badUserInput(field, 'must be the confirmationRef of the summary downloaded for this request');
  }
  return raw;
}
