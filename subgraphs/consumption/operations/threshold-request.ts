import { badUserInput, type GraphError } from '../../../adapters/errors';
import type { SpendingThreshold, ThresholdChange, ThresholdKind, ThresholdNature, ThresholdPeriod } from '../../../adapters/ebill/thresholds';
import type { SignedTerms } from '../../runtime/dispositive/confirmation';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { LINE_THRESHOLDS, type LineWithThresholds } from '../../runtime/dispositive/threshold-target';
import { checkEuroAmount } from '../../runtime/validators/money';
import { checkMobileNumber } from '../../runtime/validators/phone';

/**
 * A threshold request of seed 002 §7.5.1–§7.5.4 as data, and the dispositive declaration made from it. The same
 * request is checked twice: by `changeSummary` on all its lines together (before the summary is downloaded: the
 * rules, and that the lines share one threshold type) and by the mutation on each line (the rules again, and the
 * engine's confirmation of that summary). Each line is a CRM pratica with its ordine, then eBill's write keyed by the
 * pratica id (exactly once on both systems: engine.ts "Two systems").
 */
export interface ThresholdTerms { nature: ThresholdNature | null; period: ThresholdPeriod | null; cents: number | null }
export interface ThresholdItem extends ThresholdTerms { number: string }

export interface ThresholdRequest {
  field: string;
  appendixRows: readonly number[];
  pratica: string;
  /** The kind of threshold the request acts on. */
  kind: ThresholdKind;
  operation: ThresholdChange['operation'];
  /** The input fields of the change (besides the lines and the confirmation). */
  fields: readonly ('nature' | 'period' | 'amount')[];
  /** Whether the lines must share the type of their current threshold (§7.5.2–§7.5.4). */
  sameType: boolean;
  /** The change checked alone (no line yet): BAD_USER_INPUT at `at(field)`. */
  validate(terms: ThresholdTerms, at: (field: string) => string): void;
  /** The seed's rules on the line and its current threshold of `kind`: our message, a GraphError, or null. */
  rule(line: LineWithThresholds, current: SpendingThreshold | null, terms: ThresholdTerms, at: (field: string) => string): string | GraphError | null;
}

const NATURES: readonly ThresholdNature[] = ['INFORMATIVE', 'DISPOSITIVE'];
const PERIODS: readonly ThresholdPeriod[] = ['DAILY', 'MONTHLY'];
/** The largest value the portal takes, in cents (eBill's amount field has 7 digits before the comma). */
const MAX_CENTS = 10_000_000;

function enumValue<T extends string>(raw: unknown, values: readonly T[], field: string): T | null {
  if (raw === undefined || raw === null) return null;
  if (!values.includes(raw as T)) throw badUserInput(field, `must be one of ${values.join(', ')}`);
  return raw as T;
}

/** A threshold's value in cents: 0 is allowed here (the rule on its type decides), anything else as any amount. */
function thresholdCents(raw: unknown, field: string): number | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'string' && /^0+(?:[.,]0{1,2})?$/.test(raw.trim())) return 0;
  const cents = checkEuroAmount(raw, field);
  if (cents > MAX_CENTS) throw badUserInput(field, 'must be at most 100000 €');
  return cents;
}

/** The terms of the change as sent: only the request's own fields may be set. */
export function termsOf(request: ThresholdRequest, raw: Record<string, unknown>, at: (field: string) => string): ThresholdTerms {
  for (const field of ['nature', 'period', 'amount'] as const) {
    if (!request.fields.includes(field) && raw[field] !== undefined && raw[field] !== null) throw badUserInput(at(field), 'is not part of this request');
  }
  const terms = { nature: enumValue(raw.nature, NATURES, at('nature')), period: enumValue(raw.period, PERIODS, at('period')), cents: thresholdCents(raw.amount, at('amount')) };
  request.validate(terms, at);
  return terms;
}

/** The line's active threshold of the kind, if any. */
export const activeThreshold = (line: LineWithThresholds, kind: ThresholdKind) => line.thresholds.find((t) => t.kind === kind && t.active) ?? null;

/** 0 € is for dispositive thresholds only (seed 002 §7.5.1, §7.5.2): checked on the type the threshold will have. */
export function zeroOnlyDispositive(nature: ThresholdNature | null, cents: number | null, at: (field: string) => string): GraphError | null {
  return cents === 0 && nature === 'INFORMATIVE' ? badUserInput(at('amount'), 'can be 0 € only for a DISPOSITIVE threshold') : null;
}

/** What a summary's confirmation signs: the change, and the type the lines share when the request needs one. */
function confirmedTerms(request: ThresholdRequest, terms: ThresholdTerms, current: SpendingThreshold | null): SignedTerms {
  return { kind: request.kind, nature: terms.nature, period: terms.period, cents: terms.cents, currentNature: request.sameType ? current?.nature ?? null : null };
}

/** The version eBill holds of the line's threshold of the kind, active or ceased: 0 when eBill never changed one. */
const thresholdVersion = (line: LineWithThresholds, kind: ThresholdKind) => line.thresholds.find((t) => t.kind === kind)?.version ?? 0;

/**
 * The fact a threshold request records (issue 19, `oncePer`): the next change of the line's threshold of the kind after
 * the version eBill holds. Two tabs confirming one summary under two keys both pass the rules before either writes;
 * CRM answers the second the first's pratica (or refuses it, when it asks the same change otherwise), and eBill, which
 * takes the write only at that version, changes the threshold once.
 */
const thresholdFact = (request: ThresholdRequest) => (line: LineWithThresholds) =>
  `${line.number}:${request.kind}:after:${thresholdVersion(line, request.kind)}`;

function ebillChange(request: ThresholdRequest, line: LineWithThresholds, terms: ThresholdTerms): ThresholdChange {
  const { kind } = request;
  const base = { lineNumber: line.number, kind, version: thresholdVersion(line, kind) };
  switch (request.operation) {
    case 'ACTIVATE':
      return { operation: 'ACTIVATE', ...base, contractNumber: line.contractNumber, nature: terms.nature!, period: terms.period!, cents: terms.cents! };
    case 'CHANGE':
      return { operation: 'CHANGE', ...base, ...(terms.nature && { nature: terms.nature }), ...(terms.period && { period: terms.period }), ...(terms.cents !== null && { cents: terms.cents }) };
    case 'CEASE':
      return { operation: 'CEASE', ...base };
  }
}

const CRM_WORDS = { SPENDING: 'SPESA', EXTRA_EU_ROAMING_DATA: 'DATI_EXTRA_UE', INFORMATIVE: 'INFO', DISPOSITIVE: 'DISPO', DAILY: 'GIORNO', MONTHLY: 'MESE' } as const;

/** The dispositive declaration of a threshold request: a list operation on lines, its terms shared by all of them. */
export function thresholdDeclaration(request: ThresholdRequest): DispositiveDeclaration<ThresholdItem, LineWithThresholds> {
  return {
    field: request.field,
    appendixRows: request.appendixRows,
    capabilities: [request.kind === 'SPENDING' ? 'CON-05' : 'CON-06'],
    pratica: request.pratica,
    ordine: true,
    target: LINE_THRESHOLDS,
    listField: 'lines',
    sharedFields: request.fields,
    validate: (raw, at) => ({ number: checkMobileNumber(raw.number, at('number')), ...termsOf(request, raw, at) }),
    targetId: (item) => item.number,
    refusal: (line, item, at) => request.rule(line, activeThreshold(line, request.kind), item, at),
    summary: {
      terms: (line, item) => confirmedTerms(request, item, activeThreshold(line, request.kind)),
      together: (terms, at) => (request.sameType && new Set(terms.map((t) => t.currentNature)).size > 1
        ? badUserInput(at('lines'), 'must all have the same threshold type (INFORMATIVE or DISPOSITIVE)') : null),
    },
    crm: (_line, item) => ({
      parameters: {
        tipoSoglia: CRM_WORDS[request.kind],
        ...(item.nature && { natura: CRM_WORDS[item.nature] }),
        ...(item.period && { periodo: CRM_WORDS[item.period] }),
        ...(item.cents !== null && { importoCent: String(item.cents) }),
      },
    }),
    oncePer: thresholdFact(request),
    async applyElsewhere({ created, target, input }, { legacy }) {
      await legacy.ebill.changeThreshold(created.request.id, ebillChange(request, target, input));
    },
  };
}
