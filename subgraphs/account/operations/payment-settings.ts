import type { ContractType } from '../../../adapters/domain';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { CONTRACT_SETTINGS, type ContractWithSettings } from '../../runtime/dispositive/contract-settings-target';
import { checkItalianIban } from '../../runtime/validators/iban';
import { checkRequiredText } from '../../runtime/validators/text';
import { checkContractNumber } from '../../runtime/validators/contract-number';

/**
 * Seed 000 "Linee e Servizi", the mobile and the fixed contract (MOB-02, FIX-05; seed 001: the RL and the AF, never the
 * AL): NoCarta on and off, and the direct debit of the invoices with an Italian IBAN. CRM records each in the pratica's
 * transaction (legacy/crm/payment-settings.ts). A mobile contract's invoices are collected by eBill, which must know the
 * mandate: after the pratica, the two-system path sends it to eBill keyed by the pratica's id (a retry replays the
 * pratica and completes eBill's side once). A fixed contract's mandate is the back office's (the pratica stays open).
 * The invoice delivery address is changeInvoiceDeliveryAddress, on the same contracts.
 */
interface PaperlessChange { contractNumber: string }
interface DirectDebitRequest { contractNumber: string; iban: string; accountHolder: string }

const refusedOnCeased = (contract: ContractWithSettings) => (contract.status === 'CEASED' ? "A ceased contract's payment settings cannot be changed." : null);

function paperless(field: string, pratica: string, enabled: boolean): DispositiveDeclaration<PaperlessChange, ContractWithSettings> {
  return {
    field,
    appendixRows: [],
    capabilities: ['MOB-02', 'FIX-05'],
    pratica,
    ordine: false,
    target: CONTRACT_SETTINGS,
    validate: (raw, at) => ({ contractNumber: checkContractNumber(raw.contractNumber, at('contractNumber')) }),
    targetId: (input) => input.contractNumber,
    refusal: (contract) => refusedOnCeased(contract)
      ?? (contract.paymentSettings.paperless === enabled ? `NoCarta is already ${enabled ? 'active' : 'off'} on this contract.` : null),
  };
}

export const ENABLE_PAPERLESS_INVOICE = paperless('enablePaperlessInvoice', 'Attivazione NoCarta', true);
export const DISABLE_PAPERLESS_INVOICE = paperless('disablePaperlessInvoice', 'Cessazione NoCarta', false);

/** Whose billing system collects the direct debit: eBill for mobile contracts; a fixed one stays with the back office. */
const COLLECTED_BY_EBILL: ReadonlySet<ContractType> = new Set(['MOBILE']);

export const REQUEST_DIRECT_DEBIT: DispositiveDeclaration<DirectDebitRequest, ContractWithSettings> = {
  field: 'requestDirectDebit',
  appendixRows: [],
  capabilities: ['MOB-02', 'FIX-05'],
  pratica: 'Domiciliazione pagamento',
  ordine: false,
  target: CONTRACT_SETTINGS,
  validate: (raw, at) => ({
    contractNumber: checkContractNumber(raw.contractNumber, at('contractNumber')),
    iban: checkItalianIban(raw.iban, at('iban')),
    accountHolder: checkRequiredText(raw.accountHolder, at('accountHolder'), 80).toUpperCase(),
  }),
  targetId: (input) => input.contractNumber,
  refusal: (contract, input) => refusedOnCeased(contract)
    ?? (contract.paymentSettings.directDebit?.maskedIban.slice(-4) === input.iban.slice(-4)
      && contract.paymentSettings.directDebit.accountHolder === input.accountHolder
      ? 'This direct debit is already requested on this contract.' : null),
  crm: (_contract, input) => ({ parameters: { iban: input.iban, intestatario: input.accountHolder } }),
  async applyElsewhere({ created, target, input }, { legacy }) {
    if (!COLLECTED_BY_EBILL.has(target.type)) return;
    await legacy.ebill.setContractDirectDebit(created.request.id, { contractNumber: target.number, iban: input.iban, holder: input.accountHolder });
  },
};
