import { readmeDashboardQuery } from '../test/e2e/dashboard-query';
import { largeCustomer } from '../legacy/data/large';
import { type Chain, par, seq } from './floor';

/**
 * What the benchmark asks, as whom, and the legacy chain each request waits for (see floor.ts). The chains come
 * from the gateway's query plan and the subgraphs' resolvers; run.ts checks them against a no-jitter probe.
 */
export const ENTE = { id: 'ENTE10K', lines: 10_000, user: 'ente10k.rl', roa: 'ente10k.roa' } as const;
export const LARGE_CUSTOMERS = `${ENTE.id}:${ENTE.lines}`;

/**
 * Lines the mutation may block and unblock, each used by one request at a time. autocannon's per-request
 * `context` carries the line from the request to its response; the pool knows whether the line is blocked now.
 */
export interface LineSlot { number: string; blocked: boolean }
export interface LinePool { take(): LineSlot; give(slot: LineSlot): void }
export type RequestContext = { slot?: LineSlot };

export interface Scenario {
  id: string;
  title: string;
  /** What is measured, honestly named (shown in RESULTS.md). */
  description: string;
  user: string;
  connections: number;
  chain: Chain;
  /** The body of the next request. */
  nextBody(context: RequestContext, lines: LinePool, runId: string): string;
  /** Called with each answer (ok: 2xx without GraphQL errors). */
  done?(context: RequestContext, ok: boolean, lines: LinePool): void;
}

const body = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });

const DASHBOARD = body(readmeDashboardQuery());
/**
 * The dashboard: account (viewer: GetProfiloUtente ∥ GetAziende), mobile → consumption (ListaLineeMobili, then
 * GetLineeMobili to place the referenced lines, then eBill credit ∥ traffic), fixed (ListaLineeFisse), billing
 * (ListaContratti, then eBill search ∥ EBPFA flow), tracking (ListaOrdini ∥ ListaPratiche), all in parallel.
 */
const DASHBOARD_CHAIN = par(
  par('crm', 'crm'),
  seq('crm', 'crm', par('ebill', 'ebill')),
  'crm',
  seq('crm', par('ebill', 'ebpfa')),
  par('crm', 'crm'),
);

/**
 * CM8's aggregate inventory (seed 002 §7.2.1, MOB-07) of the whole Ente: the six aggregates of each of its mobile
 * contracts, as their referent (ROA of every contract) asks them in one request. CRM computes them (one
 * GetConsistenzeAggregate for all the contracts), never by fetching the lines.
 */
const ENTE_CONTRACTS = largeCustomer(ENTE.id, ENTE.lines).mobileContracts.map((c) => c.number);
const INVENTORY = body(`query AggregateInventory {
${ENTE_CONTRACTS.map((c, k) => `  c${k}: mobileInventory(contractNumber: "${c}") { aggregates {
    lines { count tariffPlan status } lineServices { count description status } timTuoPostpaid { count status }
    timTuoPrepaid { count status } devices { count nmuCode serviceType status } contractServices { count description status } } }`).join('\n')}
}`);

/** 1,000 lines in one response, in 10 pages of 100 (the page limit), for the policy layer's cost (issue 3). */
const THOUSAND_LINES = body(`query ThousandLines {
${Array.from({ length: 10 }, (_, k) => `  p${k}: mobileLines(first: 100, offset: ${k * 100}) { nodes { number status tariffPlan kind iccid activatedOn } }`).join('\n')}
}`);

/** Makes every idempotency key of a run fresh. */
let mutations = 0;
const BLOCK = `mutation Block($input: BlockSimInput!) {
  blockSim(input: $input) { request { id } order { id } line { number status } }
}`;
const UNBLOCK = `mutation Unblock($input: UnblockSimInput!) {
  unblockSim(input: $input) { request { id } order { id } line { number status } }
}`;

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'dashboard-a',
    title: 'Dashboard, company A',
    description: 'The README dashboard query as `ginevra.vallisneri` (RL of company A: 5 mobile lines, 1 fixed line).',
    user: 'ginevra.vallisneri',
    connections: 20,
    chain: DASHBOARD_CHAIN,
    nextBody: () => DASHBOARD,
  },
  {
    id: 'dashboard-ente',
    title: 'Dashboard, Ente with 10,000 lines',
    description: `The same README dashboard query (its first page: 50 mobile lines with credit and traffic) as \`${ENTE.user}\`, RL of a generated Ente with ${ENTE.lines.toLocaleString('en')} mobile lines.`,
    user: ENTE.user,
    connections: 20,
    chain: DASHBOARD_CHAIN,
    nextBody: () => DASHBOARD,
  },
  {
    id: 'inventory-ente',
    title: 'CM8 aggregate inventory, Ente with 10,000 lines',
    description: `\`mobileInventory { aggregates }\` for each of the ${ENTE_CONTRACTS.length} mobile contracts of the generated Ente (${ENTE.lines.toLocaleString('en')} lines) in one request, as \`${ENTE.roa}\`, their ROA: the six aggregates of seed 002 §7.2.1, computed by CRM in one GetConsistenzeAggregate (SQL GROUP BY), never by reading the lines.`,
    user: ENTE.roa,
    connections: 20,
    chain: 'crm',
    nextBody: () => INVENTORY,
  },
  {
    id: 'block-unblock',
    title: 'Dispositive mutation',
    description: 'blockSim and unblockSim alternately on ACTIVE lines of the Ente (one request at a time per line), each with a fresh idempotency key (CRM: GetLineeMobili, CreaPratica, GetLineeMobili again for the line as it now is).',
    user: ENTE.user,
    connections: 8,
    chain: seq('crm', 'crm', 'crm'),
    nextBody(context, lines, runId) {
      const slot = lines.take();
      context.slot = slot;
      const idempotencyKey = `bench-${runId}-${++mutations}`;
      return slot.blocked
        ? body(UNBLOCK, { input: { number: slot.number, idempotencyKey } })
        : body(BLOCK, { input: { number: slot.number, reason: 'LOSS', idempotencyKey } });
    },
    done(context, ok, lines) {
      // A line whose outcome is unknown is not used again: the next operation on it might be refused.
      if (!ok || !context.slot) return;
      context.slot.blocked = !context.slot.blocked;
      lines.give(context.slot);
    },
  },
];

/** Issue 3's policy cost: the same 1,000-line response with the subgraphs' policy layer on and off. */
export const POLICY_SCENARIO: Scenario = {
  id: 'policy-1000-lines',
  title: 'Policy cost: 1,000 lines in one response',
  description: 'Ten aliases of `mobileLines(first: 100, offset: k*100)` for the Ente (1,000 lines, 6 fields each), 10 ListaLineeMobili in parallel.',
  user: ENTE.user,
  connections: 10,
  chain: par(...Array.from({ length: 10 }, (): Chain => 'crm')),
  nextBody: () => THOUSAND_LINES,
};

/** The lines of a run without the mutation: none to take. */
export const NO_LINES: LinePool = {
  take: () => { throw new Error('no scenario of this run takes lines'); },
  give: () => undefined,
};

/** The request builder of a scenario that takes no lines (the dashboards), for runs outside measure.ts. */
export const bodiesOf = (scenario: Scenario, runId: string) => () => scenario.nextBody({}, NO_LINES, runId);
