import type { Contract, Profile } from '../../adapters/domain';
import { badUserInput } from '../../adapters/errors';
import { thresholdFiles, type SpendingThreshold, type ThresholdKind, type ThresholdNature, type ThresholdNotification, type ThresholdPeriod } from '../../adapters/ebill/thresholds';
import { addDays, addMonths, today } from '../runtime/calendar';
import { pageWindow } from '../runtime/pagination';
import { covers, grantsFor } from '../runtime/records';
import type { SubgraphContext } from '../runtime/server';
import { checkDateWindow } from '../runtime/validators/date-window';
import { checkContractNumber } from '../runtime/validators/contract-number';
import { checkMobileNumber } from '../runtime/validators/phone';

/**
 * The pages of seed 002 §7.5 that read (CON-07, CON-08); the summary a threshold request confirms (§7.5.1–§7.5.4)
 * is the one `changeSummary` of every change (runtime/dispositive/summary.ts).
 * A contract outside the viewer's grants answers null, exactly like one that does not exist, after the same look-up.
 */
const CSV = 'text/csv';
/** eBill pages by 50 at most. */
const EBILL_MAX_PAGE = 50;

/**
 * A contract whose lines the viewer sees as a whole (a company or contract grant on its lines: a TRAFFIC_MANAGER
 * does, though the contract record itself is not his to read); null when it does not exist or he does not.
 */
async function visibleContract(number: string, { identity, loaders }: SubgraphContext): Promise<Contract | null> {
  checkContractNumber(number, 'contractNumber');
  const contract = await loaders.crm.contracts.load(number);
  return contract && covers(identity, 'MobileLine', { companyId: contract.companyId, contractNumber: contract.number }) ? contract : null;
}

/** The profiles that may read a contract's thresholds though they see only their own line of it (seed 001: the AL). */
const OWN_LINE_READERS: ReadonlySet<Profile> = new Set(['AL']);

/**
 * The one line of the contract an AL sees (seed 000 "Servizi": he reaches the thresholds, but among the lines only his
 * own): the one `lineNumber` names if it is his, else his only line of the contract; null when he has none there.
 * With several of his lines in the contract and none named, BAD_USER_INPUT: he names one.
 */
async function ownLineOf(contract: Contract, lineNumber: string | undefined, { identity, loaders }: SubgraphContext): Promise<string | null> {
  const granted = grantsFor(identity, 'MobileLine', OWN_LINE_READERS).filter((g) => g.scope.kind === 'LINE').map((g) => g.scope.id);
  const lines = await loaders.crm.mobileLines.loadMany(granted);
  const own = lines.flatMap((line) => (line && !(line instanceof Error) && line.contractNumber === contract.number ? [line.number] : []));
  if (own.length === 0) return null;
  if (lineNumber !== undefined && own.includes(lineNumber)) return lineNumber;
  if (own.length > 1) throw badUserInput('lineNumber', 'must name one of your own lines of this contract');
  return own[0];
}

interface ThresholdSearchArgs {
  contractNumber: string; first: number; offset: number; lineNumber?: string | null;
  kind?: ThresholdKind | null; nature?: ThresholdNature | null; period?: ThresholdPeriod | null;
}

/**
 * §7.5.5 Monitoring soglie and Ricerca avanzata: one eBill page of the contract's thresholds, and the CSV of all. An AL
 * gets those of his own line only (its CSV too); another line named answers an empty page, like a line without any.
 */
export async function contractThresholds(args: ThresholdSearchArgs, context: SubgraphContext) {
  const window = pageWindow(args.first, args.offset, EBILL_MAX_PAGE);
  if (window.offset % window.limit !== 0) throw badUserInput('offset', 'must be a multiple of first');
  const lineNumber = args.lineNumber == null ? undefined : checkMobileNumber(args.lineNumber, 'lineNumber');
  const whole = await visibleContract(args.contractNumber, context);
  const contract = whole ?? await context.loaders.crm.contracts.load(args.contractNumber);
  const ownLine = whole || !contract ? undefined : await ownLineOf(contract, lineNumber, context);
  if (!contract || ownLine === null) return null;
  const csvUrl = await context.downloads.urlFor(
    { system: 'eBill', path: thresholdFiles.contractCsv(contract.number, ownLine), fileName: `soglie_${ownLine ?? contract.number}.csv`, contentType: CSV },
    context.identity.userId);
  if (ownLine !== undefined && lineNumber !== undefined && lineNumber !== ownLine) return { totalCount: 0, nodes: [], csvUrl };
  const page = await context.legacy.ebill.searchThresholds({
    contractNumbers: [contract.number], lineNumber: ownLine ?? lineNumber, kind: args.kind ?? undefined, nature: args.nature ?? undefined, period: args.period ?? undefined,
  }, window);
  return { totalCount: page.totalCount, nodes: page.items, csvUrl };
}

/** §7.5.6: the e-mails of a window of at most 12 months (default the last 30 days). */
export async function notificationHistory(args: { contractNumber: string; from?: string | null; to?: string | null }, context: SubgraphContext) {
  const now = today();
  const { from, to } = checkDateWindow({ from: args.from ?? addDays(now, -30), to: args.to ?? now }, { from: 'from', to: 'to' },
    { today: now, maxDays: 366, earliest: addMonths(now, -12) });
  const contract = await visibleContract(args.contractNumber, context);
  if (!contract) return null;
  return context.legacy.ebill.thresholdNotifications([contract.number], from, to);
}

export const attachmentUrl = (n: ThresholdNotification, _args: unknown, { downloads, identity }: SubgraphContext) =>
  downloads.urlFor({ system: 'eBill', path: thresholdFiles.notificationAttachment(n.id), fileName: `${n.id}.csv`, contentType: CSV }, identity.userId);

/** Alerts at 80 % and 100 % (seed 002 §7.5.1). */
export function thresholdAlert(t: SpendingThreshold): 'NONE' | 'OVER_80' | 'OVER_100' {
  const percent = Number(t.erosionPercent);
  return percent >= 100 ? 'OVER_100' : percent >= 80 ? 'OVER_80' : 'NONE';
}
