import type { Contract } from '../../adapters/domain';
import { badUserInput } from '../../adapters/errors';
import { thresholdFiles, type SpendingThreshold, type ThresholdKind, type ThresholdNature, type ThresholdNotification, type ThresholdPeriod } from '../../adapters/ebill/thresholds';
import { addDays, addMonths, today } from '../runtime/calendar';
import { pageWindow } from '../runtime/pagination';
import { covers } from '../runtime/records';
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

interface ThresholdSearchArgs {
  contractNumber: string; first: number; offset: number; lineNumber?: string | null;
  kind?: ThresholdKind | null; nature?: ThresholdNature | null; period?: ThresholdPeriod | null;
}

/** §7.5.5 Monitoring soglie and Ricerca avanzata: one eBill page of the contract's thresholds, and the CSV of all. */
export async function contractThresholds(args: ThresholdSearchArgs, context: SubgraphContext) {
  const window = pageWindow(args.first, args.offset, EBILL_MAX_PAGE);
  if (window.offset % window.limit !== 0) throw badUserInput('offset', 'must be a multiple of first');
  const lineNumber = args.lineNumber == null ? undefined : checkMobileNumber(args.lineNumber, 'lineNumber');
  const contract = await visibleContract(args.contractNumber, context);
  if (!contract) return null;
  const page = await context.legacy.ebill.searchThresholds({
    contractNumbers: [contract.number], lineNumber, kind: args.kind ?? undefined, nature: args.nature ?? undefined, period: args.period ?? undefined,
  }, window);
  const csvUrl = await context.downloads.urlFor(
    { system: 'eBill', path: thresholdFiles.contractCsv(contract.number), fileName: `soglie_${contract.number}.csv`, contentType: CSV },
    context.identity.userId);
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
