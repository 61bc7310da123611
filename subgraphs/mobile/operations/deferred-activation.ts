import type { Contract } from '../../../adapters/domain';
import { badUserInput } from '../../../adapters/errors';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { CONTRACT } from '../../runtime/dispositive/targets';
import { checkAttachmentId, LIST_TYPES } from '../../runtime/validators/attachment';
import { checkIccid } from '../../runtime/validators/iccid';
import { checkMobileNumber } from '../../runtime/validators/phone';
import { checkContractNumber } from '../../runtime/validators/contract-number';
import { notActiveMobile } from './contract-rules';

/**
 * Seed 002 §7.3.6 (Appendix row 9) and MOB-11: activate SIMs the customer already holds, on a contract: typed in as
 * (number, ICCID) pairs, or as an uploaded list (CSV or XLSX, POST /uploads) that CRM claims with the pratica. The
 * back office activates them: the pratica stays open, with the pairs or the list.
 */
export const MAX_SIMS_TYPED = 100;

interface DeferredActivation { contractNumber: string; sims?: { number: string; iccid: string }[]; simList?: string }

export const ACTIVATE_SIMS_LATER: DispositiveDeclaration<DeferredActivation, Contract> = {
  field: 'requestDeferredSimActivation',
  appendixRows: [9],
  // "Il download dei documenti è obbligatorio per confermare la richiesta" (schema/appendix-1.yaml `summary`).
  summary: {},
  capabilities: ['MOB-11'],
  pratica: 'Attivazione differita SIM',
  ordine: false,
  target: CONTRACT,
  validate(raw, at) {
    const contractNumber = checkContractNumber(raw.contractNumber, at('contractNumber'));
    const typed = raw.sims !== undefined && raw.sims !== null;
    const uploaded = raw.simList !== undefined && raw.simList !== null;
    if (typed === uploaded) throw badUserInput(at('sims'), 'give either the SIMs (sims) or the id of an uploaded list (simList), not both');
    if (uploaded) return { contractNumber, simList: checkAttachmentId(raw.simList, at('simList')) };
    const list = raw.sims;
    if (!Array.isArray(list) || list.length === 0 || list.length > MAX_SIMS_TYPED) throw badUserInput(at('sims'), `must hold 1 to ${MAX_SIMS_TYPED} SIMs`);
    const numbers = new Set<string>();
    const iccids = new Set<string>();
    const sims = list.map((item: Record<string, unknown>, i) => {
      const number = checkMobileNumber(item?.number, at(`sims[${i}].number`));
      const iccid = checkIccid(item?.iccid, at(`sims[${i}].iccid`));
      if (numbers.has(number)) throw badUserInput(at(`sims[${i}].number`), 'is already in the list');
      if (iccids.has(iccid)) throw badUserInput(at(`sims[${i}].iccid`), 'is already in the list');
      numbers.add(number);
      iccids.add(iccid);
      return { number, iccid };
    });
    return { contractNumber, sims };
  },
  targetId: (input) => input.contractNumber,
  refusal: (contract) => notActiveMobile(contract, 'SIMs are activated'),
  attachments: (input) => (input.simList ? [{ field: 'simList', id: input.simList, types: LIST_TYPES }] : []),
  crm: (_contract, input) => ({
    parameters: Object.fromEntries((input.sims ?? []).map((sim, i) => [`sim${i + 1}`, `${sim.number};${sim.iccid}`])),
  }),
};
