import type { Contract } from '../../../adapters/domain';
import { badUserInput } from '../../../adapters/errors';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { CONTRACT } from '../../runtime/dispositive/targets';
import { checkFreeText } from '../../runtime/validators/text';
import { checkContractNumber } from '../../runtime/validators/contract-number';
import { checkContact, checkOneOf, contactParameters, notAssistable, type Contact } from './fields';

/**
 * Seed 002 §7.6.7–§7.6.8 (Appendix rows 27, 28): assistance on SMAS (Net Profiler, the platform that manages the RIF
 * of the contract's lines) and its own credentials (assignment, or a reset once locked out). Appendix 1 files both as
 * "Servizio RIF" without an ordine. The target is the contract: SMAS manages the contract's network, not one line, and
 * the ROA asks for the contract the portal's header shows. CRM keeps the contact and the reason for the back office
 * (no change in CRM: the pratica stays open).
 */
interface SmasRequest { contractNumber: string; contact: Contact; reason: string }
const SMAS_PRATICA = 'Servizio RIF';
const CREDENTIAL_REQUESTS = ['ASSIGN', 'RESET'] as const;

const checkSmasRequest = (raw: Record<string, unknown>, at: (field: string) => string): SmasRequest => ({
  contractNumber: checkContractNumber(raw.contractNumber, at('contractNumber')),
  contact: checkContact(raw.contact, at),
  reason: checkFreeText(raw.reason, at('reason'), { min: 3, max: 300 }),
});

const smasRequest = <I extends SmasRequest>(field: string, row: number, validate: DispositiveDeclaration<I, Contract>['validate'],
  parameters: (input: I) => Record<string, string>): DispositiveDeclaration<I, Contract> => ({
  field,
  appendixRows: [row],
  capabilities: [],
  pratica: SMAS_PRATICA,
  ordine: false,
  target: CONTRACT,
  validate,
  targetId: (input) => input.contractNumber,
  refusal: notAssistable,
  crm: (_contract, input) => ({ reason: input.reason, parameters: { ...parameters(input), ...contactParameters(input.contact), motivo: input.reason } }),
});

/** Both take one input type: `credentials` says which credentials request it is, and only that mutation takes it. */
export const REQUEST_SMAS_ASSISTANCE = smasRequest<SmasRequest>('requestSmasAssistance', 27, (raw, at) => {
  if (raw.credentials !== undefined && raw.credentials !== null) throw badUserInput(at('credentials'), 'is for requestSmasCredentials: leave it out');
  return checkSmasRequest(raw, at);
}, () => ({ servizio: 'SMAS_ASSISTENZA' }));

export const REQUEST_SMAS_CREDENTIALS = smasRequest<SmasRequest & { credentials: (typeof CREDENTIAL_REQUESTS)[number] }>('requestSmasCredentials', 28,
  (raw, at) => ({ ...checkSmasRequest(raw, at), credentials: checkOneOf(raw.credentials, at('credentials'), CREDENTIAL_REQUESTS) }),
  (input) => ({ servizio: input.credentials === 'ASSIGN' ? 'SMAS_CREDENZIALI_ASSEGNAZIONE' : 'SMAS_CREDENZIALI_RESET' }));
