import type { MobileLine, Profile } from '../../adapters/domain';
import { badUserInput, forbidden, notFound } from '../../adapters/errors';
import { linePlace } from '../runtime/lines';
import { profilesAllowed } from '../runtime/policy/directives';
import { profilesOn } from '../runtime/records';
import type { SubgraphContext } from '../runtime/server';
import { checkSimInput, type SimInput } from './sim-input';

/**
 * MOB-03: block a SIM after theft or loss, unblock it when found. Each is one CRM request (pratica) created with the
 * client's idempotency key, so a retry returns the first outcome and writes nothing.
 *
 * State rules (block an ACTIVE or FROZEN line, unblock a SUSPENDED one, never a CEASED one) are CRM's, not checked
 * here: a blocked line is exactly what a successful first attempt leaves behind, and only CRM knows whether this key
 * is that attempt's retry (it answers the first outcome) or a new request (it refuses, SBL-BRL-00110, which the
 * adapter turns into LEGACY_REJECTED "The line's current status does not allow this operation.").
 */

const CM8_PROFILES: ReadonlySet<Profile> = new Set(['ROA', 'REF_EBILL', 'TRAFFIC_MANAGER', 'REF_MESSAGING', 'EU']);

interface SimOperation { field: 'blockSim' | 'unblockSim'; description: 'Furto/Smarrimento SIM' | 'Ritrovamento SIM' }
export type SimBlockReason = 'THEFT' | 'LOSS';
/** CRM `motivo` is free text for the back office, in its language. */
const CRM_REASONS: Record<SimBlockReason, string> = { THEFT: 'Furto', LOSS: 'Smarrimento' };
export const BLOCK: SimOperation = { field: 'blockSim', description: 'Furto/Smarrimento SIM' };
export const UNBLOCK: SimOperation = { field: 'unblockSim', description: 'Ritrovamento SIM' };

interface DispositiveOutcome { request: { id: string }; order: { id: string } | null; line: MobileLine }

export async function runSimOperation(
  operation: SimOperation, sent: SimInput & { reason?: SimBlockReason }, { identity, loaders, legacy, policy }: SubgraphContext,
): Promise<DispositiveOutcome> {
  const input = checkSimInput(sent);
  const line = await loaders.crm.mobileLines.load(input.number);
  const profiles = line ? profilesOn(identity, 'MobileLine', linePlace(line)) : new Set<Profile>();
  // Unknown and foreign lines get the same error, without the number, so that nothing tells them apart.
  if (!line || profiles.size === 0) throw notFound('This mobile line');
  // The mutation's @allow (schema/mobile.graphql) decided on the profiles held anywhere; here it is decided on the
  // profiles held on *this* line: AL sees lines only through his LINE grant, so his profile on a line proves it is his.
  const allowed = profilesAllowed(policy, 'Mutation', operation.field);
  const operators = [...profiles].filter((p) => allowed.has(p));
  if (operators.length === 0) throw forbidden('blocking or unblocking the SIM of this line');

  const created = await legacy.crm.createRequest({
    description: operation.description,
    lineNumber: input.number,
    reason: input.reason && CRM_REASONS[input.reason],
    // The CRM origin tells which front end the request came from: CM8 when only a CM8 profile allows it.
    channel: operators.every((p) => CM8_PROFILES.has(p)) ? 'CONSIP8' : 'AREA CLIENTI',
    // Scoped to the user: another user's key can neither collide with his nor fetch his outcome.
    idempotencyKey: `${identity.userId}:${input.idempotencyKey}`,
  });
  // CRM answers a known key with the first outcome whatever else was sent: a key reused for another operation or
  // line is the client's mistake, and must not pass for this operation's success.
  if (created.request.description !== operation.description || created.request.lineNumber !== input.number) {
    throw badUserInput('input.idempotencyKey', 'was already used for another operation: use a new key for each operation');
  }
  return { request: { id: created.request.id }, order: created.order && { id: created.order.id }, line: await freshLine(input.number, { loaders, legacy }) };
}

/** The line as CRM has it now (the loader holds it as it was before the request); the loader is updated too. */
async function freshLine(number: string, { loaders, legacy }: Pick<SubgraphContext, 'loaders' | 'legacy'>): Promise<MobileLine> {
  const [line] = await legacy.crm.getMobileLines([number]);
  if (!line) throw new Error(`mobile line ${number} vanished from CRM right after a SIM request`);
  loaders.crm.mobileLines.clear(number).prime(number, line);
  return line;
}
