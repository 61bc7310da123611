import { badUserInput } from '../../../adapters/errors';
import type { AnyDeclaration } from '../../runtime/dispositive/declaration';
import { thresholdDeclaration, zeroOnlyDispositive, type ThresholdRequest } from './threshold-request';

/**
 * Seed 002 §7.5.1–§7.5.4 (Appendix 1 rows 22–26; CON-05, CON-06): the threshold requests of the CM8 ROA and
 * TRAFFIC_MANAGER (and of the Area Clienti's RL and AF, the same functions). Spending thresholds are for postpaid
 * lines; extra-EU roaming data thresholds for postpaid and prepaid lines, and they are only changed (seed's table:
 * no activation, no cessation online).
 */
const notCeased = (status: string) => (status === 'CEASED' ? 'The line is ceased: its thresholds cannot change.' : null);
const postpaidOnly = (kind: string) => (kind !== 'POSTPAID' ? 'Spending thresholds are for postpaid lines only.' : null);
const NO_SPENDING_THRESHOLD = 'The line has no active spending threshold.';

export const ACTIVATE_SPENDING: ThresholdRequest = {
  field: 'activateSpendingThresholds',
  appendixRows: [22],
  pratica: 'Attivazione soglie di spesa',
  kind: 'SPENDING',
  operation: 'ACTIVATE',
  fields: ['nature', 'period', 'amount'],
  sameType: false,
  validate(terms, at) {
    if (!terms.nature) throw badUserInput(at('nature'), 'is required');
    if (!terms.period) throw badUserInput(at('period'), 'is required');
    if (terms.cents === null) throw badUserInput(at('amount'), 'is required');
    const zero = zeroOnlyDispositive(terms.nature, terms.cents, at);
    if (zero) throw zero;
  },
  rule: (line, current) => postpaidOnly(line.kind) ?? notCeased(line.status)
    ?? (current ? 'The line has a spending threshold already: change or cease it.' : null),
};

/** A change needs something to change; 0 € is checked on the type the threshold will have. */
function changeRule(fields: readonly string[]): ThresholdRequest['validate'] {
  return (terms, at) => {
    if (terms.nature === null && terms.period === null && terms.cents === null) throw badUserInput(at(fields[0]), `one of ${fields.join(', ')} is required`);
  };
}

export const CHANGE_SPENDING: ThresholdRequest = {
  field: 'changeSpendingThresholds',
  appendixRows: [23],
  pratica: 'Variazione soglie di spesa',
  kind: 'SPENDING',
  operation: 'CHANGE',
  fields: ['nature', 'period', 'amount'],
  sameType: true,
  validate: changeRule(['nature', 'period', 'amount']),
  rule: (line, current, terms, at) => postpaidOnly(line.kind) ?? notCeased(line.status) ?? (current
    ? zeroOnlyDispositive(terms.nature ?? current.nature, terms.cents ?? Math.round(Number(current.value) * 100), at)
    : NO_SPENDING_THRESHOLD),
};

export const CHANGE_ROAMING_DATA: ThresholdRequest = {
  field: 'changeRoamingDataThresholds',
  appendixRows: [24, 25],
  pratica: 'Cambio tipo soglia dati EXTUE',
  kind: 'EXTRA_EU_ROAMING_DATA',
  operation: 'CHANGE',
  fields: ['nature', 'amount'],
  sameType: true,
  validate: changeRule(['nature', 'amount']),
  rule: (line, current, terms, at) => notCeased(line.status) ?? (current
    ? zeroOnlyDispositive(terms.nature ?? current.nature, terms.cents ?? Math.round(Number(current.value) * 100), at)
    : 'The line has no extra-EU roaming data threshold.'),
};

export const CEASE_SPENDING: ThresholdRequest = {
  field: 'ceaseSpendingThresholds',
  appendixRows: [26],
  pratica: 'Cessazione soglie di spesa',
  kind: 'SPENDING',
  operation: 'CEASE',
  fields: [],
  sameType: true,
  validate: () => undefined,
  rule: (line, current) => postpaidOnly(line.kind) ?? notCeased(line.status) ?? (current ? null : NO_SPENDING_THRESHOLD),
};

/** The four threshold requests of §7.5.1–§7.5.4. */
export const THRESHOLD_REQUESTS = {
  ACTIVATE_SPENDING, CHANGE_SPENDING, CHANGE_ROAMING_DATA, CEASE_SPENDING,
} as const satisfies Record<string, ThresholdRequest>;

export const THRESHOLD_OPERATIONS: readonly AnyDeclaration[] = Object.values(THRESHOLD_REQUESTS).map(thresholdDeclaration);
