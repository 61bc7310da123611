import { UnusableAnswer } from '../legacy-answer';
import { optionalIsoDate } from '../legacy-values';
import type { TimTuoStatus } from './tim-tuo';
import { optionalText, text, type CrmRecord } from './soap';

/**
 * h-tuopost (issue 12). TIM TUO as the employee sees it on his line (seed 002 §9.2.1.1 "Gestisci", "Reportistica"):
 * CRM's per-line record with the employee CRM registered at activation and his personal contract code.
 */
export interface EmployeeTimTuo {
  number: string;
  contractNumber: string;
  /** The ROA enabled the line to TIM TUO (seed 002 §7.4.5): without it the employee's table is empty. */
  enabled: boolean;
  /** ABBONAMENTO / RICARICABILE once activated. */
  serviceKind: 'POSTPAID' | 'PREPAID' | null;
  status: TimTuoStatus;
  /** The personal contract code ("Codice" in Reportistica, e.g. 888200093221). */
  personalContractCode: string | null;
  employee: { taxCode: string; lastName: string; firstName: string } | null;
  activatedOn: string | null;
  ceasedOn: string | null;
}

const STATUS: Record<string, TimTuoStatus> = { NON_ATTIVO: 'NOT_ACTIVE', ATTIVO: 'ACTIVE', CESSATO: 'CEASED' };
const KIND: Record<string, EmployeeTimTuo['serviceKind']> = { '': null, ABBONAMENTO: 'POSTPAID', RICARICABILE: 'PREPAID' };

export function employeeTimTuoFromCrm(r: CrmRecord): EmployeeTimTuo {
  const enabled = text(r, 'abilitato');
  const status = STATUS[text(r, 'stato')];
  const kind = optionalText(r, 'tipoServizio') ?? '';
  if ((enabled !== 'SI' && enabled !== 'NO') || !status || !(kind in KIND)) throw new UnusableAnswer(`unknown TIM TUO state ${enabled}/${text(r, 'stato')}/${kind}`);
  const taxCode = optionalText(r, 'codiceFiscale');
  return {
    number: text(r, 'numero'),
    contractNumber: text(r, 'numeroContratto'),
    enabled: enabled === 'SI',
    serviceKind: KIND[kind],
    status,
    personalContractCode: optionalText(r, 'codiceDipendente'),
    employee: taxCode ? { taxCode, lastName: text(r, 'cognome'), firstName: text(r, 'nome') } : null,
    activatedOn: optionalIsoDate(optionalText(r, 'dataAttivazione') ?? ''),
    ceasedOn: optionalIsoDate(optionalText(r, 'dataCessazione') ?? ''),
  };
}
