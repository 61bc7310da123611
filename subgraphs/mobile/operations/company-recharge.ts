import type { MobileLine } from '../../../adapters/domain';
import { badUserInput } from '../../../adapters/errors';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { MOBILE_LINE } from '../../runtime/dispositive/targets';
import { checkCompanyOneShotTopUp, checkThresholdTopUp, checkTimedTopUp } from '../../runtime/validators/money';
import { checkMobileNumber } from '../../runtime/validators/phone';

/**
 * Seed 002 §7.3.4 (Appendix row 7), MOB-16: a company recharge of a prepaid line, charged on the entity's invoice.
 * - ONE_SHOT: recorded in CRM (the pratica, open) and credited by eBill, which holds the residual credit: two
 *   systems. eBill's write is keyed by the pratica id, so a retry (which replays the pratica) credits at most once.
 * - TIMED / THRESHOLD: CRM sets the recharge on the line in the pratica's transaction. One already active changes
 *   or ceases only through customer service (seed: "è necessario contattare il Servizio Clienti"): refused, with the
 *   CM8 customer service's number (seed 002 §2, §7.3.12), and nothing is written.
 */
export type CompanyRechargeKind = 'ONE_SHOT' | 'TIMED' | 'THRESHOLD';
interface CompanyRechargeInput { number: string; kind: CompanyRechargeKind; cents: number; everyDays?: number; thresholdCents?: number }

export const CUSTOMER_SERVICE_FOR_ACTIVE_RECHARGE = 'A timed or threshold recharge is already active on this line: to change or cease it, '
  + 'call the CM8 customer service on 800.680.068 (free; Monday to Friday 9:00-18:00, Saturday 9:00-14:00).';

const CRM_KINDS: Record<CompanyRechargeKind, string> = { ONE_SHOT: 'UNA_TANTUM', TIMED: 'TEMPO', THRESHOLD: 'SOGLIA' };

function onlyFor(raw: Record<string, unknown>, at: (field: string) => string, field: string, kind: CompanyRechargeKind): void {
  if (raw[field] !== undefined && raw[field] !== null) throw badUserInput(at(field), `is only for a ${kind} recharge`);
}

export const REQUEST_COMPANY_RECHARGE: DispositiveDeclaration<CompanyRechargeInput, MobileLine> = {
  field: 'requestCompanyRecharge',
  appendixRows: [7],
  // "Il download dei documenti è obbligatorio per confermare la richiesta" (schema/appendix-1.yaml `summary`).
  summary: {},
  capabilities: ['MOB-16'],
  pratica: 'Richiesta ricarica aziendale',
  ordine: true,
  target: MOBILE_LINE,
  validate(raw, at) {
    const number = checkMobileNumber(raw.number, at('number'));
    switch (raw.kind) {
      case 'ONE_SHOT':
        onlyFor(raw, at, 'everyDays', 'TIMED');
        onlyFor(raw, at, 'threshold', 'THRESHOLD');
        return { number, kind: raw.kind, cents: checkCompanyOneShotTopUp(raw.amount, at('amount')) };
      case 'TIMED': {
        onlyFor(raw, at, 'threshold', 'THRESHOLD');
        const { cents, everyDays } = checkTimedTopUp(raw.amount, raw.everyDays, { amount: at('amount'), everyDays: at('everyDays') });
        return { number, kind: raw.kind, cents, everyDays };
      }
      case 'THRESHOLD': {
        onlyFor(raw, at, 'everyDays', 'TIMED');
        const { cents, thresholdCents } = checkThresholdTopUp(raw.amount, raw.threshold, { amount: at('amount'), threshold: at('threshold') });
        return { number, kind: raw.kind, cents, thresholdCents };
      }
      default:
        throw badUserInput(at('kind'), 'must be ONE_SHOT, TIMED or THRESHOLD');
    }
  },
  targetId: (input) => input.number,
  refusal(line, input) {
    if (line.kind !== 'PREPAID') return 'Only a prepaid line can be recharged.';
    if (line.status !== 'ACTIVE' && line.status !== 'FROZEN') return `Only an active line can be recharged: the line is ${line.status.toLowerCase()}.`;
    if (input.kind !== 'ONE_SHOT' && line.companyRecharge) return CUSTOMER_SERVICE_FOR_ACTIVE_RECHARGE;
    return null;
  },
  crm: (_line, input) => ({
    parameters: {
      tipo: CRM_KINDS[input.kind],
      importoCent: String(input.cents),
      ...(input.everyDays !== undefined && { giorni: String(input.everyDays) }),
      ...(input.thresholdCents !== undefined && { sogliaCent: String(input.thresholdCents) }),
    },
  }),
  async applyElsewhere({ created, input }, { legacy }) {
    if (input.kind !== 'ONE_SHOT') return;
    await legacy.ebill.topUpCredit({ lineNumber: input.number, cents: input.cents, operationId: created.request.id });
  },
};
