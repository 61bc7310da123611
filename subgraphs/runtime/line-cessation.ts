import type { IsoDate, LineStatus } from '../../adapters/domain';
import { badUserInput } from '../../adapters/errors';
import { legacyDate } from '../../adapters/legacy-values';
import { addDays, today } from './calendar';
import type { DispositiveDeclaration } from './dispositive/declaration';
import type { TargetKind } from './dispositive/targets';
import { isIsoDate } from './scalars';

/**
 * Cease a line and revoke its cessation (seed 000 "Linee e Servizi": "Cessare / Revocare la cessazione di una
 * linea", "sia su singola linea che su più linee contemporaneamente"; MOB-05 mobile, FIX-02 fixed), Area Clienti only:
 * the CM8 portal keeps its answer (seed 002 §7.3.12, `simCessation`: no cessation online, the customer service).
 * One pair of declarations for both kinds of line, list operations: one pratica per line, each its own outcome.
 *
 * The seeds give no dates, so these are ours, said in the SDL: a cessation takes effect on the day asked, from
 * tomorrow to CESSATION_HORIZON_DAYS ahead, one day for every line of the request; until then the line goes on as it
 * is and shows `cessationScheduledOn`. A line already ceased, or already scheduled, cannot be ceased (a new day is a
 * revocation and a new cessation). A revocation undoes the scheduled cessation only while its day is ahead: from that
 * day the line is ceased, which nothing online revives.
 */
export const CESSATION_HORIZON_DAYS = 90;

/** What both kinds of line show of a cessation. */
interface CeasableLine { status: LineStatus; cessationScheduledOn: IsoDate | null }
export interface CessationInput { number: string; effectiveOn: IsoDate }
export interface RevocationInput { number: string }

interface LineKindOfCessation<L> {
  field: string;
  capability: string;
  target: TargetKind<L>;
  /** The line's number checked for its kind, or BAD_USER_INPUT naming `field`. */
  checkNumber(raw: unknown, field: string): string;
}

function checkEffectiveOn(raw: unknown, field: string): IsoDate {
  if (typeof raw !== 'string' || !isIsoDate(raw)) throw badUserInput(field, 'must be a date like 2026-03-31');
  const earliest = addDays(today(), 1);
  const latest = addDays(today(), CESSATION_HORIZON_DAYS);
  if (raw < earliest || raw > latest) throw badUserInput(field, `must be from ${earliest} to ${latest}`);
  return raw;
}

export function lineCessation<L extends CeasableLine>(kind: LineKindOfCessation<L>): DispositiveDeclaration<CessationInput, L> {
  return {
    field: kind.field,
    appendixRows: [],
    capabilities: [kind.capability],
    pratica: 'Cessazione linea',
    ordine: true,
    target: kind.target,
    listField: 'lines',
    sharedFields: ['effectiveOn'],
    validate: (raw, at) => ({ number: kind.checkNumber(raw.number, at('number')), effectiveOn: checkEffectiveOn(raw.effectiveOn, at('effectiveOn')) }),
    targetId: (input) => input.number,
    refusal(line) {
      if (line.status === 'CEASED') return 'The line is already ceased.';
      if (line.cessationScheduledOn) return `The line's cessation is already scheduled for ${line.cessationScheduledOn}: revoke it first to choose another day.`;
      return null;
    },
    crm: (_line, input) => ({ parameters: { dataEffetto: legacyDate(input.effectiveOn) } }),
  };
}

export function lineCessationRevocation<L extends CeasableLine>(kind: LineKindOfCessation<L>): DispositiveDeclaration<RevocationInput, L> {
  return {
    field: kind.field,
    appendixRows: [],
    capabilities: [kind.capability],
    pratica: 'Revoca cessazione linea',
    ordine: false,
    target: kind.target,
    listField: 'lines',
    validate: (raw, at) => ({ number: kind.checkNumber(raw.number, at('number')) }),
    targetId: (input) => input.number,
    refusal(line) {
      if (line.status === 'CEASED') return 'The line is ceased: a cessation can be revoked only before the day it takes effect.';
      if (!line.cessationScheduledOn) return 'No cessation of this line is scheduled.';
      return null;
    },
  };
}
