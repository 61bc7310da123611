import type { Profile } from '../adapters/domain';
import { DEMO_USERS, type DemoUser } from '../legacy/data/users';
import { DOCS, replaceDocSection, runDocGenerator } from '../stack/doc-section';

/**
 * README "For frontend teams": the demo users table, generated from the users CRM and the demo IdP hold
 * (legacy/data/users.ts), so a user added there shows up here (`npm run users:readme`; the test suite fails when it
 * is stale). What a profile sees is said once per profile, in the words of "Who sees what".
 */
export const WHAT_A_PROFILE_SEES: Record<Profile, string> = {
  RL: 'everything of the company: its data (changing the legal seat and the SDI codes is his alone) and its users (the console is his alone), contracts (with the SDI code), mobile and fixed lines (with the day a cessation is scheduled on, which RL, AF and HOLDING may ask and revoke), invoices, traffic and credit, orders and requests; the fixed inventory by site and by service, TiAvviso and IVR of the fixed lines, the routing plans of the intelligent numbers (End User Control), the TuconTI and Evoluzione Ufficio links of the fixed offer; the offers of its campaigns (which RL, AF, UTD and HOLDING may activate)',
  AF: 'as RL, without the SDI code, the legal seat and the user console',
  AL: 'the company\'s invoices and services (mobile: premium services and black list included, bars a premium service of the own line only; fixed: the routing plans of the intelligent numbers, the TuconTI and Evoluzione Ufficio links), the own line, and the offers of the company\'s campaigns',
  UT: 'the own line only: its traffic, orders and requests; no invoices; the offers of the company\'s campaigns',
  UTD: 'as UT, and may activate an offer',
  CC: 'the invoices of the last 6 billed bimesters, orders and requests',
  HOLDING: 'as AF, in every company of the group',
  ROA: 'everything of the CM8 contract, and its operations (recharges, SIM, RIF, services) and requests history',
  REF_EBILL: 'the contract\'s lines (with ICCID) and invoices',
  TRAFFIC_MANAGER: 'the contract\'s spending thresholds and their lines (no ICCID, traffic, contract or invoices)',
  REF_MESSAGING: 'the messaging services of the contract',
  EU: 'the own line only (seed 002 §9): its SIMs, personal credit and top-ups, TIM TUO, personal invoices and consumption, service SMS, a SIM change',
};

const SCOPE: Record<DemoUser['grants'][number]['kind'], string> = { AZIENDA: 'company', CONTRATTO: 'contract', LINEA: 'line' };

export function demoUsersMarkdown(): string {
  const rows = DEMO_USERS.map((u) => {
    const grants = u.grants.map((g) => `${g.profile} on ${SCOPE[g.kind]} \`${g.scope}\``).join(', ');
    const profiles = [...new Set(u.grants.map((g) => g.profile))];
    const sees = u.status === 'DISATTIVATA' ? 'nothing: the user is disabled (the IdP refuses the login)' : profiles.map((p) => WHAT_A_PROFILE_SEES[p]).join('; and ');
    return `| \`${u.username}\` | ${grants} | ${sees} |`;
  });
  return ['| username (password `demo`) | profiles | sees |', '|---|---|---|', ...rows].join('\n');
}

/** docs/frontend.md with its demo users table written from the stand-ins' users. */
export function withDemoUsers(page: string): string {
  return replaceDocSection(page, 'demo-users', demoUsersMarkdown());
}

if (import.meta.url === `file://${process.argv[1]}`) runDocGenerator({ [DOCS.frontend]: withDemoUsers }, 'npm run users:readme');
