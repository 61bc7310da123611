import type { FixedLine } from '../../../adapters/domain';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { FIXED_LINE } from '../../runtime/dispositive/targets';
import { checkPostalCode, checkProvince } from '../../runtime/validators/postal-address';
import { checkRequiredText } from '../../runtime/validators/text';
import { checkFixedNumber } from './line-cessation';

/**
 * FIX-03, the trasloco of a fixed line to a new site (seed 000 "Linee fisso"; seed 003): the line is active at the new
 * site about ten days after the request (CRM says the day: FixedLine.pendingMove) and keeps working where it is until
 * then. Seed 003's rule, enforced by CRM in the pratica's transaction and said in the SDL: the direct debit of the
 * line's contract ends with the move and must be asked again (Contract.paymentSettings shows none).
 * The fixed invoices follow the line: EBPFA's billing address of the contract's billing customer code becomes the new
 * site, through the two-system path (after the pratica, keyed by its id: a retry replays the pratica and completes
 * EBPFA's side once, whatever crashed between the two).
 */
interface Move { number: string; site: { street: string; postalCode: string; city: string; province: string } }

const record = (raw: unknown): Record<string, unknown> => (raw !== null && typeof raw === 'object' ? raw as Record<string, unknown> : {});

export const MOVE_FIXED_LINE: DispositiveDeclaration<Move, FixedLine> = {
  field: 'moveFixedLine',
  appendixRows: [],
  capabilities: ['FIX-03'],
  pratica: 'Trasloco linea fissa',
  ordine: true,
  target: FIXED_LINE,
  validate(raw, at) {
    const site = record(raw.site);
    return {
      number: checkFixedNumber(raw.number, at('number')),
      site: {
        street: checkRequiredText(site.street, at('site.street'), 80).toUpperCase(),
        postalCode: checkPostalCode(site.postalCode, at('site.postalCode')),
        city: checkRequiredText(site.city, at('site.city'), 60).toUpperCase(),
        province: checkProvince(site.province, at('site.province')),
      },
    };
  },
  targetId: (input) => input.number,
  refusal(line) {
    if (line.status !== 'ACTIVE') return `Only an active line can be moved: the line is ${line.status.toLowerCase()}.`;
    if (line.cessationScheduledOn) return `The line's cessation is scheduled for ${line.cessationScheduledOn}: revoke it first.`;
    if (line.pendingMove) return `A move of this line is already under way: active at the new site by ${line.pendingMove.activeBy}.`;
    return null;
  },
  crm: (_line, { site }) => ({ parameters: { indirizzo: site.street, cap: site.postalCode, comune: site.city, provincia: site.province } }),
  async applyElsewhere({ created, target, input }, { loaders, legacy }) {
    const contract = await loaders.crm.contracts.load(target.contractNumber);
    if (!contract?.billingCustomerCode) return;
    await legacy.ebpfa.setBillingAddress(created.request.id, { customerCode: contract.billingCustomerCode, address: input.site });
  },
};
