import { invalidRequest, optionalText, record, text, type SoapRecord } from './soap';
import { notFoundFault } from './operations';
import type { CrmStore, MobileLineRow } from './store';
import { resolveUserTarget } from './company-users';

/**
 * The record a pratica is about (`oggetto` of CreaPratica): a mobile line, a fixed line, a contract, a company, a
 * referent of a contract, or nothing in particular (e.g. spare SIM stock, "Scrivici"), which still belongs to a
 * customer. CRM files the pratica under the customer, contract and line the target resolves to, so that it shows in
 * the same histories as the record itself.
 */
export const TARGET_KINDS = ['LINEA_MOBILE', 'LINEA_FISSA', 'CONTRATTO', 'AZIENDA', 'REFERENTE', 'NESSUNO', 'UTENTE'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export interface ResolvedTarget {
  kind: TargetKind;
  customer: string;
  contract: string | null;
  line: string | null;
  /** The mobile line itself, for the effects that change it. */
  mobileLine: MobileLineRow | null;
  /** issue 20 (ACC-08): the customer-area user a console change is about (oggetto UTENTE, company-users.ts). */
  user?: string;
}

export function resolveTarget(store: CrmStore, params: SoapRecord): ResolvedTarget {
  const target = record(params, 'oggetto');
  const kind = text(target, 'tipo') as TargetKind;
  if (!TARGET_KINDS.includes(kind)) throw invalidRequest(`oggetto.tipo ammessi: ${TARGET_KINDS.join(', ')}`);
  const id = optionalText(target, 'id') ?? '';
  switch (kind) {
    case 'UTENTE':
      return resolveUserTarget(store, id);
    case 'LINEA_MOBILE': {
      const [line] = store.mobileLines([id]);
      if (!line) throw notFoundFault(`linea ${id}`);
      return { kind, customer: line.codice_cliente, contract: line.numero_contratto, line: line.numero, mobileLine: line };
    }
    case 'LINEA_FISSA': {
      const [line] = store.fixedLines([id]);
      if (!line) throw notFoundFault(`linea fissa ${id}`);
      return { kind, customer: line.codice_cliente, contract: line.numero_contratto, line: line.numero, mobileLine: null };
    }
    case 'CONTRATTO':
    case 'REFERENTE': {
      // A referent is always the referent of a contract: the pratica goes on that contract.
      const number = kind === 'CONTRATTO' ? id : text(params, 'numeroContratto');
      const [contract] = store.contracts([number]);
      if (!contract) throw notFoundFault(`contratto ${number}`);
      return { kind, customer: contract.codice_cliente, contract: contract.numero, line: null, mobileLine: null };
    }
    case 'AZIENDA':
    case 'NESSUNO': {
      const customer = kind === 'AZIENDA' ? id : text(params, 'codiceCliente');
      const [company] = store.companies([customer]);
      if (!company) throw notFoundFault(`cliente ${customer}`);
      const line = kind === 'NESSUNO' ? customerLine(store, customer, optionalText(params, 'numeroLinea')) : null;
      return { kind, customer: company.codice_cliente, contract: line?.numero_contratto ?? optionalText(params, 'numeroContratto'), line: line?.numero ?? null, mobileLine: null };
    }
  }
}

/**
 * NESSUNO's optional `numeroLinea`: the line of the customer the pratica is filed under (a "Scrivici" from an employee
 * concerns no record, yet belongs with his line). Nothing of the line is checked or changed.
 */
function customerLine(store: CrmStore, customer: string, number: string | null): { numero: string; numero_contratto: string } | null {
  if (!number) return null;
  const [line] = [...store.mobileLines([number]), ...store.fixedLines([number])];
  if (!line || line.codice_cliente !== customer) throw notFoundFault(`linea ${number}`);
  return line;
}
