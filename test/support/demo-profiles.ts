import type { Matrix, Outcome } from './conformance';

/**
 * The demo users the customer area's matrices walk (legacy/data/users.ts), each with the label its cells carry: the
 * profile first, as the coverage's walk reads it (schema/coverage/grade.ts).
 */
export const DEMO_PROFILES = {
  'ginevra.vallisneri': 'RL (A)',
  'luca.ferri': 'AF (A)',
  'sara.neri': 'AL (A)',
  'giada.mantesi': 'UT (A)',
  'paolo.verdi': 'UTD (A)',
  'marta.holding': 'HOLDING (A and B): AF-like',
  'cessato.fisso': 'CC: a ceased fixed customer',
  'mario.rossi': 'RL (B)',
  'vincenzo.rl': 'RL (Ente KRISHNA)',
  'vincenzo.roa': 'ROA 888010088938',
  'lavo.ebill': 'REF_EBILL 888010088938',
  'umberto.traffic': 'TRAFFIC_MANAGER 888010088938',
  'pasquale.eu': 'EU 3312548681 + ROA 888012234558',
  'gina.eu': 'EU, own prepaid line',
  'massimiliano.roa': 'ROA of the second Ente',
} as const;

export type DemoUsername = keyof typeof DEMO_PROFILES;

/** A matrix of every demo user above, from his cells. */
export const demoMatrix = (cells: Record<DemoUsername, Outcome[]>): Matrix =>
  Object.fromEntries(Object.entries(cells).map(([user, row]) => [user, { profile: DEMO_PROFILES[user as DemoUsername], cells: row }]));
