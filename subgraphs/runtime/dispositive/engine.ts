import type { ListKey } from '../../../adapters/crm/client';
import type { CreatedRequest, Profile } from '../../../adapters/domain';
import { badUserInput, forbidden, isGraphError, legacyRejected, notFound, type GraphError } from '../../../adapters/errors';
import { currentRequestScope } from '../../../observability/request-scope';
import { profilesAllowed } from '../policy/directives';
import { profilesOn } from '../records';
import type { SubgraphContext } from '../server';
import { checkIdempotencyKey } from '../validators/idempotency-key';
import { checkConfirmationRef, confirmationRefusal } from './confirmation';
import type { DispositiveDeclaration } from './declaration';
import { fingerprint } from './fingerprint';
import { signedTerms } from './summary-terms';
import type { TargetKind } from './targets';

/**
 * The one way a change reaches the systems of record. For every declaration, in this order:
 * 1. validate the input (BAD_USER_INPUT naming the input path; nothing read or written);
 * 2. load the target and authorise: the mutation's @allow decided on the profiles held on *this* record (a foreign
 *    record answers exactly like an unknown one);
 * 3. check the business rules (LEGACY_REJECTED, our message), then, for a declaration with a `summary`, that the
 *    request's `confirmationRef` confirms this record with its current terms (BAD_USER_INPUT, confirmation.ts);
 * 4. create the pratica (and the ordine) in CRM, with the change CRM applies in the same transaction, under the
 *    client's idempotency key scoped to the user and the request's fingerprint, and the fact's business key when the
 *    declaration records a fact once (`oncePer`: a second request for it is answered the pratica that records it);
 * 5. apply the change in another system, if any, idempotent under the pratica id;
 * 6. answer one outcome: the pratica, the ordine if any, the record as it now is.
 *
 * Retries: a refused rule is also what a retry meets once the first attempt changed the record (a blocked SIM cannot
 * be blocked again). So before refusing, the engine asks CRM for the key's first outcome: found, it is the answer
 * (and step 5 runs again, completing what a crash may have cut short); not found, the refusal stands.
 */
export interface DispositiveOutcome<Target> { created: CreatedRequest; record: Target }

/** One item of a list operation: its outcome, or why it was refused (the other items go on). */
export interface ItemResult<Target> {
  targetId: string;
  outcome: DispositiveOutcome<Target> | null;
  refusal: { code: string; message: string; field: string | null } | null;
}

/** CM8 profiles (seed 002 §5, §8, §9): a request only they may make comes from the CM8 portal. */
const CM8_PROFILES: ReadonlySet<Profile> = new Set(['ROA', 'REF_EBILL', 'TRAFFIC_MANAGER', 'REF_MESSAGING', 'EU']);
/** CRM takes at most 100 ids per call: a list operation is one batched load of its targets. */
export const MAX_ITEMS = 100;

type Raw = Record<string, unknown>;

/** Runs a single-target operation; its input is `{ ...fields, idempotencyKey }`. */
export async function runDispositive<I, T>(declaration: DispositiveDeclaration<I, T>, raw: Raw, context: SubgraphContext): Promise<DispositiveOutcome<T>> {
  const key = checkIdempotencyKey(raw.idempotencyKey, 'input.idempotencyKey');
  const { input, at } = validatedRequest(declaration, raw);
  const confirmation = confirmationOf(declaration, raw);
  return execute(declaration, input, at, `${context.identity.userId}:${key}`, confirmation, context);
}

/** A single-target request's input, checked (step 1), with the path each of its fields was sent at. */
export function validatedRequest<I, T>(declaration: DispositiveDeclaration<I, T>, raw: Raw): { input: I; at: (field: string) => string } {
  const at = (field: string) => `input.${field}`;
  return { input: declaration.validate(raw, at), at };
}

/** The reference of the summary a declaration with one requires, its shape checked with the input; null for the others. */
function confirmationOf(declaration: DispositiveDeclaration<unknown, unknown>, raw: Raw): string | null {
  return declaration.summary ? checkConfirmationRef(raw.confirmationRef, CONFIRMATION_FIELD) : null;
}
/** Where a request carries its confirmation: beside the list in a list operation. */
const CONFIRMATION_FIELD = 'input.confirmationRef';

/**
 * Runs a list operation; its input is `{ [listField]: [...items], idempotencyKey }`. The whole list is validated
 * before anything is read; each item then runs on its own, under a key derived from the client's key and the item's
 * target, so that a retry of the list repeats no item that went through and completes those that did not.
 */
export async function runDispositiveList<I, T>(
  declaration: DispositiveDeclaration<I, T>, raw: Raw, listField: string, context: SubgraphContext,
): Promise<ItemResult<T>[]> {
  const key = checkIdempotencyKey(raw.idempotencyKey, 'input.idempotencyKey');
  const { items, paths } = validatedItems(declaration, raw, listField);
  const confirmation = confirmationOf(declaration, raw);
  const scoped = `${context.identity.userId}:${key}`;
  // The key names this list, whatever its order: CRM refuses it for another list (an item added, dropped or changed),
  // whose new items would otherwise run under new derived keys (issue 19).
  const listKey = { key: scoped, fingerprint: fingerprint(declaration.field, listField, [...items].sort(byTarget(declaration))) };
  const results = await Promise.all(items.map(async (item, i): Promise<ItemResult<T>> => {
    const targetId = declaration.targetId(item);
    try {
      return { targetId, outcome: await execute(declaration, item, paths[i], `${scoped}:${targetId}`, confirmation, context, listKey), refusal: null };
    } catch (err) {
      if (!isGraphError(err)) throw err;
      const field = err.extensions.field;
      return { targetId, outcome: null, refusal: { code: String(err.extensions.code), message: err.message, field: typeof field === 'string' ? field : null } };
    }
  }));
  // The key reused for another list is refused for every item alike: one error on the key, as for a single change.
  if (results.every((r) => r.refusal?.code === 'BAD_USER_INPUT' && r.refusal.field === KEY_FIELD)) {
    throw badUserInput(KEY_FIELD, 'was already used for another list: send the same list to retry it, or a new key');
  }
  return results;
}

const KEY_FIELD = 'input.idempotencyKey';
const byTarget = <I>(declaration: DispositiveDeclaration<I, unknown>) =>
  (a: I, b: I) => declaration.targetId(a).localeCompare(declaration.targetId(b));

/**
 * A list request's items, checked (step 1) before anything is read: 1 to MAX_ITEMS, each validated with the fields
 * shared by every item (declaration.sharedFields) merged in and named where they were sent, no record twice.
 */
export function validatedItems<I, T>(declaration: DispositiveDeclaration<I, T>, raw: Raw, listField: string): { items: I[]; paths: ((field: string) => string)[] } {
  const list = raw[listField];
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_ITEMS) {
    throw badUserInput(`input.${listField}`, `must hold 1 to ${MAX_ITEMS} items`);
  }
  const shared = Object.fromEntries((declaration.sharedFields ?? []).map((field) => [field, raw[field]]));
  const paths = list.map((_item, i) => (field: string) => (field in shared ? `input.${field}` : `input.${listField}[${i}].${field}`));
  const items = list.map((item: Raw, i) => declaration.validate({ ...item, ...shared }, paths[i]));
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const id = declaration.targetId(item);
    if (seen.has(id)) throw badUserInput(`input.${listField}[${i}]`, 'names a record already in the list');
    seen.add(id);
  });
  return { items, paths };
}

async function execute<I, T>(
  declaration: DispositiveDeclaration<I, T>, input: I, at: (field: string) => string, key: string, confirmation: string | null, context: SubgraphContext,
  list?: ListKey,
): Promise<DispositiveOutcome<T>> {
  const { target: kind } = declaration;
  const targetId = declaration.targetId(input);
  const { target, operators } = await authorisedTarget(kind, targetId, declaration.field, context);

  const print = fingerprint(declaration.field, targetId, input);
  const refusal = declaration.refusal?.(target, input, at, context.identity)
    ?? (confirmation === null ? null
      : confirmationRefusal(confirmation, context.identity, declaration.field, targetId, signedTerms(declaration, target, input), CONFIRMATION_FIELD));
  const attachments = declaration.attachments?.(input).map((a) => ({ id: a.id, field: at(a.field), types: a.types }));
  const created = refusal === null
    ? await context.legacy.crm.createRequest({
      description: declaration.pratica,
      withOrder: declaration.ordine,
      target: kind.crmTarget(target),
      ...declaration.crm?.(target, input),
      ...(attachments?.length && { attachments, uploader: context.identity.userId }),
      channel: operators.every((p) => CM8_PROFILES.has(p)) ? 'CONSIP8' : 'AREA CLIENTI',
      idempotencyKey: key,
      fingerprint: print,
      ...(declaration.oncePer && { naturalKey: declaration.oncePer(target, input) }),
      ...(list && { list }),
    })
    : await context.legacy.crm.findCreatedRequest(key, print, list) ?? refuse(refusal);
  await declaration.applyElsewhere?.({ created, target, input }, context);
  return { created, record: await kind.reload(target, context) };
}

/**
 * Step 2 on its own: the record loaded and the profiles the viewer holds on it that the Mutation `field`'s @allow
 * lets act. Unknown and foreign records are NOT_FOUND alike; a record seen under no allowed profile is FORBIDDEN.
 * Exported for a mutation that acts on a record without creating a pratica (e.g. starting a payment), and for the
 * summary of a change, which another subgraph than the mutation's serves (`policy`: the mutation's subgraph's).
 */
export async function authorisedTarget<T>(
  kind: TargetKind<T>, targetId: string, field: string, context: SubgraphContext, policy = context.policy,
): Promise<{ target: T; operators: Profile[] }> {
  const target = kind.plausible.test(targetId) ? await kind.load(targetId, context) : null;
  const held = target ? kind.heldProfiles?.(target) ?? profilesOn(context.identity, kind.recordKind, kind.place(target)) : new Set<Profile>();
  // Unknown and foreign records get the same error, without the id, so that nothing tells them apart.
  if (!target || held.size === 0) throw notFound(kind.label);
  const allowed = profilesAllowed(policy, 'Mutation', field);
  const operators = [...held].filter((p) => allowed.has(p));
  if (operators.length === 0) throw forbidden(`this operation on ${kind.label.replace(/^This /, 'this ')}`);
  return { target, operators };
}

/** A business rule's refusal as the client gets it: our message as LEGACY_REJECTED, or the rule's own GraphError. */
export function refuse(refusal: string | GraphError): never {
  if (typeof refusal !== 'string') throw refusal;
  throw legacyRejected('CRM', refusal, currentRequestScope()?.correlationId ?? '');
}
