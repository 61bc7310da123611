import type { MobileLine } from '../../adapters/domain';
import { dispositiveMutations } from '../runtime/dispositive/resolvers';
import { loadVisibleLine } from '../runtime/lines';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../runtime/scalars';
import type { Resolvers } from '../runtime/server';
import { trafficByMonth } from './online-traffic';
import { CONSUMPTION_OPERATIONS } from './operations';
import { personalConsumptionFields, type Source as ConsumptionSource } from './personal-consumption';
import { attachmentUrl, contractThresholds, notificationHistory, thresholdAlert } from './thresholds';

/**
 * CON-01, CON-10: what eBill knows about a mobile line the mobile subgraph serves. The line arrives here only as a
 * reference, so CRM is asked where it sits (one batched GetLineeMobili per request): the line is scoped like
 * everywhere else, and the @allow of each usage field (narrower than the line's: a REF_EBILL reads his contract's
 * lines, not their consumption) is decided on the profiles the viewer holds on it.
 * CON-01 to CON-03 (issue 22, seed 000 "Consumi"): the customer area's view of the employee's consumption pages.
 * CON-04 (seed 002 §7.4.3-4): the traffic not yet billed. CON-05 to CON-08 (§7.5): spending thresholds, held by eBill
 * (thresholds.ts, operations/).
 */
export const resolvers: Resolvers = {
  Decimal: DecimalScalar,
  DateTime: DateTimeScalar,
  Date: DateScalar,
  MobileLine: {
    __resolveReference: ({ number }: { number: string }, { identity, loaders }) =>
      loadVisibleLine(identity, 'MobileLine', loaders.crm.mobileLines, number),
    // Only prepaid lines have a credit; postpaid ones are not even sent to eBill.
    residualCredit: (line: MobileLine, _args, { loaders }) =>
      (line.kind === 'PREPAID' ? loaders.ebill.residualCredit.load(line.number) : null),
    availableTraffic: (line: MobileLine, _args, { loaders }) => loaders.ebill.availableTraffic.load(line.number),
    spendingThresholds: (line: MobileLine, _args, { loaders }) => loaders.ebill.thresholds.load(line.number),
    onlineTraffic: async (line: MobileLine, _args, { loaders }) => trafficByMonth(await loaders.ebill.onlineTraffic.load(line.number)),
    // h-consumption (issue 12): the employee's personal consumption of his own line (personal-consumption.ts).
    personalConsumption: (line: MobileLine): ConsumptionSource => ({ line, companyOnly: false }),
    // issue 22: the customer area's "Traffico e Consumi" of the line, the same figures of the company's traffic.
    consumption: (line: MobileLine): ConsumptionSource => ({ line, companyOnly: true }),
  },
  PersonalConsumption: personalConsumptionFields,
  LineConsumption: {
    summary: personalConsumptionFields.summary,
    options: personalConsumptionFields.options,
    trafficByType: personalConsumptionFields.trafficByType,
    trafficEvents: personalConsumptionFields.trafficEvents,
    trafficEventsFileUrl: personalConsumptionFields.trafficEventsFileUrl,
  },
  SpendingThreshold: { alert: thresholdAlert },
  ThresholdNotification: { attachmentUrl },
  Query: {
    spendingThresholds: (_root, args, context) => contractThresholds(args, context),
    thresholdNotifications: (_root, args, context) => notificationHistory(args, context),
  },
  Mutation: dispositiveMutations(CONSUMPTION_OPERATIONS),
};
