import type { FixedLine } from '../../adapters/domain';
import type { RoutingPlan } from '../../adapters/crm/fixed-services';
import type { TargetKind } from '../runtime/dispositive/targets';
import { INTELLIGENT_NUMBER } from '../runtime/validators/phone';

/**
 * An intelligent number (Numero Verde, Unico, Ripartito: FIX-06) as the graph serves it: CRM's fixed line of type Rete
 * Intelligente with its routing plan. The seed gives End User Control to the RL, the AF and the AL ("Rapp. Legale,
 * Amm. Full e Amm. Light accedono ai Servizi"), who see the company's services though an AL sees only his own line:
 * so a number is scoped like its contract, not like a line.
 */
export interface IntelligentNumberRecord extends FixedLine {
  plan: RoutingPlan | null;
  /** The company's geographic fixed lines, which may answer its calls (a routing plan names only these). */
  answeringLines: ReadonlySet<string>;
}

export const INTELLIGENT_NUMBER_TARGET: TargetKind<IntelligentNumberRecord> = {
  recordKind: 'Contract',
  outcomeField: 'intelligentNumber',
  label: 'This intelligent number',
  plausible: INTELLIGENT_NUMBER,
  async load(number, { legacy, loaders }) {
    const [line, plan] = await Promise.all([loaders.crm.fixedLines.load(number), loaders.crm.routingPlans.load(number)]);
    if (!line) return null;
    // One grouping call: the company's voice and voice-and-data lines are the sites a plan may route to.
    const groups = await legacy.crm.fixed.inventory({ companyIds: [line.companyId] }, 'SERVICE', { offset: 0, limit: 100 });
    const answeringLines = new Set(groups.items.filter((g) => g.service !== 'INTELLIGENT_NETWORK').flatMap((g) => g.lineNumbers));
    return { ...line, plan, answeringLines };
  },
  place: (record) => ({ companyId: record.companyId, contractNumber: record.contractNumber }),
  crmTarget: (record) => ({ kind: 'FixedLine', id: record.number }),
  async reload(record, { legacy, loaders }) {
    const [plan] = await legacy.crm.fixed.getRoutingPlans([record.number]);
    loaders.crm.routingPlans.clear(record.number).prime(record.number, plan);
    return { ...record, plan };
  },
};

