import type { Decimal, MobileLine } from '../../adapters/domain';
import type { ActivePrepaidOption, PrepaidAction, PrepaidFamily, PrepaidOption, PrepaidOptionCode } from '../../adapters/ebill/tim-tuo-prepaid';
import { badUserInput } from '../../adapters/errors';
import type { SignedTerms } from '../runtime/dispositive/confirmation';
import type { LineWithPrepaidOptions } from '../runtime/dispositive/tim-tuo-prepaid-target';
import type { SubgraphContext } from '../runtime/server';

/**
 * h-prepaid (issue 12). TIM TUO prepaid packages and plafonds (seed 002 §9.2.1.3, BIL-11), what the page reads and
 * the rules it applies: the same rules refuse the summary before confirming (`changeSummary`) and the change itself
 * (operations/tim-tuo-prepaid.ts). The price list and the options are eBill's.
 */

/** The options of each family, as the seed lists them: checked on the input before anything is read. */
export const FAMILY_OPTIONS: Record<PrepaidFamily, readonly PrepaidOptionCode[]> = {
  NATIONAL_PACKAGE: ['S1', 'S4', 'M4', 'M20', 'L4', 'L20'],
  EXTRA_DATA_PLAFOND: ['PLUS_1GB', 'PLUS_4GB', 'PLUS_20GB'],
  EXTRA_EU_ROAMING_DAILY_PACKAGE: ['EXTRA_EU_DAILY', 'EXTRA_EU_DAILY_EXCLUSIVE'],
  EXTRA_EU_ROAMING_DATA_PLAFOND: ['EXTRA_EU_500MB', 'EXTRA_EU_500MB_EXCLUSIVE'],
};
const FAMILIES = Object.keys(FAMILY_OPTIONS) as PrepaidFamily[];
/** "per richiedere la opzione di traffico Roaming … è necessario avere l'opzione TIM TUO ROAMING ON EXTRA UE". */
const needsRoaming = (family: PrepaidFamily) => family === 'EXTRA_EU_ROAMING_DAILY_PACKAGE' || family === 'EXTRA_EU_ROAMING_DATA_PLAFOND';

/** A change as the page asks it: the family, activate or cease, the option (activations only). */
export interface PrepaidRequest { number: string; family: PrepaidFamily; action: PrepaidAction; option: PrepaidOptionCode | null }

/** The option of an activation, checked against its family. */
export function checkOption(raw: unknown, family: PrepaidFamily, field: string): PrepaidOptionCode {
  const codes = FAMILY_OPTIONS[family];
  if (!codes.includes(raw as PrepaidOptionCode)) throw badUserInput(field, `must be one of ${codes.join(', ')}`);
  return raw as PrepaidOptionCode;
}

const cents = (amount: Decimal | null | undefined) => Math.round(Number(amount ?? '0') * 100);
const activeIn = (line: LineWithPrepaidOptions, family: PrepaidFamily) => line.prepaid.active.find((a) => a.family === family) ?? null;
const priceOf = (line: LineWithPrepaidOptions, option: PrepaidOptionCode | null) => line.prepaid.catalogue.find((o) => o.code === option) ?? null;

/** The seed's rules on the line as it is now: our message, or null. An insufficient credit is not one of them. */
export function prepaidRefusal(line: LineWithPrepaidOptions, request: PrepaidRequest): string | null {
  if (line.kind !== 'PREPAID') return 'TIM TUO packages and plafonds are for prepaid lines (seed 002 §9.2.1.3).';
  if (line.status === 'CEASED') return 'The line is ceased.';
  if (line.timTuo.status !== 'ACTIVE') return 'TIM TUO is not active on the line.';
  if (needsRoaming(request.family) && !line.timTuo.options.includes('EXTRA_EU_ROAMING')) {
    return 'The extra-EU roaming options need the TIM TUO option ROAMING ON EXTRA UE on the line: ask your administrative referent (ROA) for it.';
  }
  if (line.prepaid.inProgress) {
    return 'Your previous package/plafond change is still being applied: wait until it is before making another change, on any package or plafond.';
  }
  const active = activeIn(line, request.family);
  if (request.action === 'CEASE') return active ? null : 'No option of this family is active on the line.';
  if (active?.option === request.option) return 'This option is already active on the line.';
  if (request.family === 'EXTRA_DATA_PLAFOND' && line.prepaid.dataPlafondThisMonth) {
    return 'One extra data plafond can be requested per calendar month: the next one can be requested next month.';
  }
  return null;
}

/** The option a request is about: the one asked (activation) or the active one (cessation). */
const subjectOf = (line: LineWithPrepaidOptions, request: PrepaidRequest) =>
  (request.action === 'ACTIVATE' ? request.option : activeIn(line, request.family)?.option ?? null);

/** What the cost of the request is: the option's price for an activation, nothing for a cessation. */
const costOf = (line: LineWithPrepaidOptions, request: PrepaidRequest) =>
  (request.action === 'ACTIVATE' ? cents(priceOf(line, request.option)?.price) : 0);

/** What a summary's confirmation signs: the change, the option it is about and its cost. */
export const confirmedTerms = (line: LineWithPrepaidOptions, request: PrepaidRequest): SignedTerms =>
  ({ family: request.family, action: request.action, option: subjectOf(line, request), cents: costOf(line, request) });

/** The Mutation field of each family and action (operations/tim-tuo-prepaid.ts declares them). */
export const prepaidMutation = (family: PrepaidFamily, action: PrepaidAction) => `${action === 'ACTIVATE' ? 'activate' : 'cease'}TimTuo${MUTATION_NOUN[family]}`;
const MUTATION_NOUN: Record<PrepaidFamily, string> = {
  NATIONAL_PACKAGE: 'NationalPackage', EXTRA_DATA_PLAFOND: 'ExtraDataPlafond',
  EXTRA_EU_ROAMING_DAILY_PACKAGE: 'ExtraEuDailyPackage', EXTRA_EU_ROAMING_DATA_PLAFOND: 'ExtraEuDataPlafond',
};

// ── Reads ─────────────────────────────────────────────────────────────────────────────────────────────────────────

const offer = (option: PrepaidOption, credit: number) => ({ ...option, creditCovers: cents(option.price) <= credit });

/** The page of one line: null unless it is prepaid with TIM TUO active ("Gli utilizzatori di SIM ricaricabili con attivo il servizio TIM TUO"). */
export function prepaidPage(line: LineWithPrepaidOptions) {
  if (line.kind !== 'PREPAID' || line.timTuo.status !== 'ACTIVE') return null;
  const credit = cents(line.personalCredit?.amount);
  const offers = line.prepaid.catalogue.map((o) => offer(o, credit));
  const activeOffer = (a: ActivePrepaidOption | null) => a && { option: offers.find((o) => o.code === a.option)!, since: a.since };
  return {
    personalCredit: line.personalCredit?.amount ?? null,
    families: FAMILIES.map((family) => ({
      family,
      available: !needsRoaming(family) || line.timTuo.options.includes('EXTRA_EU_ROAMING'),
      active: activeOffer(activeIn(line, family)),
      options: offers.filter((o) => o.family === family),
    })),
    changeInProgress: line.prepaid.inProgress,
    extraDataPlafondRequestedThisMonth: line.prepaid.dataPlafondThisMonth,
    changes: line.prepaid.changes,
  };
}

/** MobileLine.timTuoPrepaid: the line with its TIM TUO record and eBill's side, through the request's loaders. */
export async function timTuoPrepaidOf(line: MobileLine, _args: unknown, context: SubgraphContext) {
  if (line.kind !== 'PREPAID') return null;
  const { loaders } = context;
  const [timTuo, prepaid, personalCredit] = await Promise.all([
    loaders.crm.timTuo.load(line.number), loaders.ebill.timTuoPrepaid.load(line.number), loaders.ebill.personalCredit.load(line.number),
  ]);
  return timTuo && prepaidPage({ ...line, timTuo, prepaid, personalCredit });
}

/** TimTuoPrepaidChangeOutcome.change: eBill's request under the pratica's id, from the line as reloaded after the change. */
export const prepaidOutcomeChange = (outcome: { request: { id: string }; line: LineWithPrepaidOptions }) =>
  outcome.line.prepaid.changes.find((c) => c.operationId === outcome.request.id) ?? null;
