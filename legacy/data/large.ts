import type { DemoUser } from './users';

/**
 * Large customers for benchmarks and batching tests, generated deterministically from (id, line count) so that
 * CRM, eBill and EBPFA generate matching records without sharing a database.
 * Configured on every stand-in with `LARGE_CUSTOMERS="BIG500:500,ENTE10K:10000"`.
 */
export interface LargeCustomer {
  companyId: string;
  name: string;
  taxCode: string;
  mobileContracts: { number: string; lineNumbers: string[] }[];
  fixedContract: { number: string; billingCustomerCode: string; lineNumbers: string[] };
  users: DemoUser[];
}

/** Lines per mobile contract in a generated customer (a CM8 Ente spreads its SIMs over several contracts). */
const LINES_PER_CONTRACT = 2_500;

export function parseLargeCustomers(spec: string | undefined): { id: string; lines: number }[] {
  if (!spec) return [];
  return spec.split(',').map((part) => {
    const [id, lines] = part.split(':');
    const n = Number(lines);
    if (!id || !/^[A-Z0-9]{2,10}$/.test(id) || !Number.isInteger(n) || n < 1 || n > 100_000) {
      throw new Error(`LARGE_CUSTOMERS: "${part}" is not ID:LINES (ID 2-10 capitals/digits, 1..100000 lines)`);
    }
    return { id, lines: n };
  });
}

/** A stable number derived from the id, so that two customers never share contract or line numbers. */
function seedOf(id: string): number {
  let h = 7;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) % 9_000;
  return 1_000 + h;
}

export function largeCustomer(id: string, lineCount: number): LargeCustomer {
  const seed = seedOf(id);
  const companyId = `1-${id}`;
  const mobileContracts: LargeCustomer['mobileContracts'] = [];
  for (let i = 0; i < lineCount; i++) {
    const c = Math.floor(i / LINES_PER_CONTRACT);
    if (!mobileContracts[c]) mobileContracts[c] = { number: `8889${seed}${String(c).padStart(4, '0')}`, lineNumbers: [] };
    mobileContracts[c].lineNumbers.push(`3${seed}${String(i).padStart(5, '0')}`);
  }
  const fixedNumber = `06${seed}000`;
  return {
    companyId,
    name: `CLIENTE GRANDE ${id}`,
    taxCode: `0${seed}000000`,
    mobileContracts,
    fixedContract: { number: fixedNumber, billingCustomerCode: `993${seed}0000`, lineNumbers: [fixedNumber] },
    users: [{
      id: `1-U${id}`, username: `${id.toLowerCase()}.rl`, firstName: 'RAPPRESENTANTE', lastName: id, taxCode: 'RPPLGL70A01H501X',
      mobile: null, email: `${id.toLowerCase()}.rl@example.it`, status: 'ATTIVA',
      grants: [{ profile: 'RL', kind: 'AZIENDA', scope: companyId }],
    },
    // The CM8 referent (ROA) of every mobile contract, who reads the inventory (seed 002 §7.2): CRM derives his grants
    // from the Master referent records that hold his mobile (legacy/data/crm-contract-data.ts).
    {
      id: `1-R${id}`, username: `${id.toLowerCase()}.roa`, firstName: 'REFERENTE', lastName: id, taxCode: 'RFRPRT70A01H501Y',
      mobile: `34${seed}0999`, email: `${id.toLowerCase()}.roa@example.it`, status: 'ATTIVA',
      grants: mobileContracts.map((c) => ({ profile: 'ROA' as const, kind: 'CONTRATTO' as const, scope: c.number })),
    }],
  };
}

/**
 * Which generated lines are prepaid (one in five), by line number, so that CRM (line kind) and eBill (residual
 * credit) agree without sharing a database.
 */
export function isPrepaidLargeLine(lineNumber: string): boolean {
  return Number(lineNumber.slice(-5)) % 5 === 4;
}
