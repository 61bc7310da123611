import { record, records, text, type EbillRecord } from './protocol';

/**
 * Issue 21 (MOB-02): eBill's mandate for a mobile contract's direct debit (legacy/ebill/contract-direct-debit.ts). The
 * graph sets it under the CRM pratica's id once the pratica exists: the same id again changes nothing.
 */
export interface ContractDirectDebit { contractNumber: string; maskedIban: string; holder: string; activeSince: string; operationId: string }

export interface ContractDirectDebitClient {
  /** Aligned with `contractNumbers`: `null` where eBill collects no direct debit. */
  getContractDirectDebits(contractNumbers: readonly string[]): Promise<(ContractDirectDebit | null)[]>;
  /** Sets the contract's mandate once per `operationId` (the pratica's id); other data under it is EB-409. A write. */
  setContractDirectDebit(operationId: string, change: { contractNumber: string; iban: string; holder: string }): Promise<ContractDirectDebit>;
}

type Post = <T>(operation: string, body: Record<string, unknown>, read: (payload: EbillRecord) => T, kind?: 'read' | 'write') => Promise<T>;

const mandateOf = (r: EbillRecord): ContractDirectDebit => ({
  contractNumber: text(r, 'nrContratto'), maskedIban: text(r, 'ibanMascherato'), holder: text(r, 'intestatario'),
  activeSince: text(r, 'dtAtt'), operationId: text(r, 'idOp'),
});

export function contractDirectDebitCalls(post: Post): ContractDirectDebitClient {
  return {
    async getContractDirectDebits(contracts) {
      if (contracts.length === 0) return [];
      const found = await post('contratti/domiciliazioni', { nrContratti: contracts }, (p) => records(p, 'domiciliazioni').map(mandateOf));
      return contracts.map((c) => found.find((m) => m.contractNumber === c) ?? null);
    },
    setContractDirectDebit: (operationId, { contractNumber, iban, holder }) =>
      post('contratti/domiciliazione', { idOp: operationId, nrContratto: contractNumber, iban, intestatario: holder },
        (p) => mandateOf(record(p, 'domiciliazione')), 'write'),
  };
}
