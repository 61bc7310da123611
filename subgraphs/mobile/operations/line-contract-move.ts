import type { MobileLine } from '../../../adapters/domain';
import { badUserInput } from '../../../adapters/errors';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { authorisedTarget, refuse, runDispositive, validatedRequest } from '../../runtime/dispositive/engine';
import { outcomeFields } from '../../runtime/dispositive/outcome';
import { CONTRACT, MOBILE_LINE } from '../../runtime/dispositive/targets';
import type { SubgraphContext } from '../../runtime/server';
import { checkContractNumber } from '../../runtime/validators/contract-number';
import { checkMobileNumber } from '../../runtime/validators/phone';

/**
 * MOB-17, seed 003: "spostare una delle linee aziendali su un altro contratto senza variare il profilo tariffario".
 * The line passes to another active mobile contract of its company, keeping its tariff plan; CRM records the
 * pratica "Spostamento linea" and moves the line in the same transaction (legacy/crm/line-contract-move.ts).
 */
interface Move { number: string; contractNumber: string }

const FIELD = 'moveMobileLineToContract';

export const MOVE_MOBILE_LINE_TO_CONTRACT: DispositiveDeclaration<Move, MobileLine> = {
  field: FIELD,
  appendixRows: [],
  capabilities: ['MOB-17'],
  pratica: 'Spostamento linea',
  ordine: false,
  target: MOBILE_LINE,
  validate: (raw, at) => ({
    number: checkMobileNumber(raw.number, at('number')),
    contractNumber: checkContractNumber(raw.contractNumber, at('contractNumber')),
  }),
  targetId: (input) => input.number,
  refusal(line, input) {
    if (line.status !== 'ACTIVE' && line.status !== 'FROZEN') return `Only an active or frozen line can move to another contract: the line is ${line.status.toLowerCase()}.`;
    if (line.cessationScheduledOn) return `The line's cessation is scheduled for ${line.cessationScheduledOn}: revoke it first.`;
    if (line.contractNumber === input.contractNumber) return 'The line is already on this contract.';
    return null;
  },
  crm: (_line, input) => ({ parameters: { contrattoDestinazione: input.contractNumber } }),
};

/**
 * The mutation: the engine's, after the destination contract is checked the way the engine checks the line. The
 * engine authorises one record, the line; the destination is a second record of the request, so it is loaded and
 * authorised here (a contract the viewer may not see is NOT_FOUND like an unknown one), and must be a mobile contract
 * of the line's company. Nothing is read before the input is valid.
 */
export async function moveMobileLineToContract(_root: unknown, { input }: { input: Record<string, unknown> }, context: SubgraphContext) {
  const { input: move } = validatedRequest(MOVE_MOBILE_LINE_TO_CONTRACT, input);
  // The line first, as the engine would: a profile that may not move it is FORBIDDEN on it, whatever the destination.
  const { target: line } = await authorisedTarget(MOBILE_LINE, move.number, FIELD, context);
  const { target: destination } = await authorisedTarget(CONTRACT, move.contractNumber, FIELD, context);
  if (destination.type !== 'MOBILE') throw badUserInput('input.contractNumber', 'must be a mobile contract: a line moves between mobile contracts');
  if (line.companyId !== destination.companyId) refuse('A line moves only to another contract of its own company.');
  if (destination.status !== 'ACTIVE') refuse(`The contract is ${destination.status.toLowerCase()}: a line moves only to an active contract.`);
  return outcomeFields(await runDispositive(MOVE_MOBILE_LINE_TO_CONTRACT, input, context), MOBILE_LINE.outcomeField);
}
