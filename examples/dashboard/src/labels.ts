import type { FixedLineStatus, FixedLineType, LineStatus, MobileLineKind, PaymentStatus, Profile, RequestStatus } from './gql/graphql';

/**
 * The portal's Italian words for the graph's enums (seed 000, 001, 002): a customer reads "Da pagare", never
 * `TO_PAY`. Typed by the codegen'd enums, so a value the contract adds fails `npm run typecheck` until it has a label.
 */
export const PROFILE: Record<Profile, string> = {
  RL: 'Rappresentante Legale',
  AF: 'Amministratore Full',
  AL: 'Amministratore Light',
  UT: 'Utilizzatore',
  UTD: 'Utilizzatore Dispositivo',
  CC: 'Cliente Cessato',
  HOLDING: 'Referente Holding',
  ROA: 'Referente Operativo (ROA)',
  REF_EBILL: 'Referente eBill',
  TRAFFIC_MANAGER: 'Traffic Manager',
  REF_MESSAGING: 'Referente Messaging',
  EU: 'Dipendente',
};

export const LINE_STATUS: Record<LineStatus | FixedLineStatus, string> = {
  ACTIVE: 'Attiva',
  CEASED: 'Cessata',
  FROZEN: 'Congelata',
  SUSPENDED: 'Sospesa',
};

export const LINE_KIND: Record<MobileLineKind, string> = { POSTPAID: 'Abbonamento', PREPAID: 'Ricaricabile' };

export const FIXED_LINE_TYPE: Record<FixedLineType, string> = {
  VOICE: 'Fonia',
  VOICE_DATA: 'Fonia e dati',
  INTELLIGENT_NETWORK: 'Rete Intelligente',
};

export const PAYMENT_STATUS: Record<PaymentStatus, string> = { PAID: 'Pagata', TO_PAY: 'Da pagare', OVERDUE: 'Scaduta' };

export const REQUEST_STATUS: Record<RequestStatus, string> = { OPEN: 'Aperta', IN_PROGRESS: 'In lavorazione', CLOSED: 'Chiusa' };
