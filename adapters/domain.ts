/**
 * The clean domain the subgraphs see. Adapters map every legacy shape into these types and nothing above the
 * adapters knows a legacy field name: dates are ISO `YYYY-MM-DD` (timestamps ISO 8601), amounts are decimal strings
 * with a dot (`"221.12"`, never floats), enums are English.
 */

export type IsoDate = string;
export type IsoDateTime = string;
/** Euro amount as a decimal string, e.g. "221.12". */
export type Decimal = string;

export const PROFILES = [
  'RL', 'AF', 'AL', 'UT', 'UTD', 'CC', 'HOLDING',
  'ROA', 'REF_EBILL', 'TRAFFIC_MANAGER', 'REF_MESSAGING', 'EU',
] as const;
export type Profile = (typeof PROFILES)[number];

export type ScopeKind = 'COMPANY' | 'CONTRACT' | 'LINE';
export interface Scope { kind: ScopeKind; id: string }
export interface Grant { profile: Profile; scope: Scope }

export interface UserProfile {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
  taxCode: string;
  mobile: string | null;
  email: string | null;
  enabled: boolean;
  grants: Grant[];
}

export interface Address { street: string; postalCode: string; city: string; province: string }

export interface Company {
  id: string;
  name: string;
  taxCode: string;
  legalSeat: Address | null;
  legalRepresentative: { firstName: string; lastName: string; taxCode: string; email: string | null; mobile: string | null } | null;
  fixedCommunicationEmail: string | null;
  groupId: string | null;
}

export type ContractType = 'MOBILE' | 'FIXED';
export type ContractStatus = 'ACTIVE' | 'CEASED' | 'SUSPENDED';
export interface Contract {
  number: string;
  type: ContractType;
  companyId: string;
  /** Customer code the billing systems use (EBPFA keys fixed invoices by it). */
  billingCustomerCode: string | null;
  status: ContractStatus;
  activatedOn: IsoDate | null;
  ceasedOn: IsoDate | null;
  linesCount: number;
  sdiRecipientCode: string | null;
  agreement: string | null;
}

export type LineStatus = 'ACTIVE' | 'FROZEN' | 'SUSPENDED' | 'CEASED';
export type MobileLineKind = 'POSTPAID' | 'PREPAID';
export interface MobileLine {
  number: string;
  contractNumber: string;
  companyId: string;
  iccid: string;
  status: LineStatus;
  tariffPlan: string;
  kind: MobileLineKind;
  activatedOn: IsoDate | null;
  ceasedOn: IsoDate | null;
  oneNumber: { role: 'PRIMARY' | 'SECONDARY'; iccids: string[] } | null;
  /** Prepaid lines: the company's monthly automatic recharge (seed 002 §7.3.3); null on postpaid lines. */
  automaticRecharge: AutomaticRecharge | null;
  /** Prepaid lines: a timed or threshold company recharge already active (seed 002 §7.3.4). */
  companyRecharge: CompanyRecharge | null;
  /** What the CM8 SIM management pages show and change (seed 002 §7.3.5, §7.3.9, §7.3.10); null when CRM sends none. */
  networkSettings: LineNetworkSettings | null;
  /** The day a requested cessation takes effect, while it is ahead (MOB-05); null when none is scheduled. */
  cessationScheduledOn: IsoDate | null;
}

/** The offer family of a line's plan: it decides which over/extra bundle enablements may change (MOB-10). */
export type PlanFamily = 'POSTPAID_PAY_PER_USE' | 'POSTPAID_PACKAGE' | 'PREPAID';
export const BUNDLE_ENABLEMENTS = ['EXTRA_BUNDLE', 'OVER_BUNDLE_NATIONAL_EU', 'OVER_BUNDLE_EXTRA_EU'] as const;
export type BundleEnablement = (typeof BUNDLE_ENABLEMENTS)[number];
export const NETWORK_SERVICE_CATEGORIES = ['INTERNATIONAL_CALLS', 'ROAMING', 'PREMIUM_RATE_NUMBERS', 'PREMIUM_SMS', 'SATELLITE'] as const;
export type NetworkServiceCategory = (typeof NETWORK_SERVICE_CATEGORIES)[number];

export interface LineNetworkSettings {
  planFamily: PlanFamily;
  bundleEnablements: Record<BundleEnablement, boolean>;
  /** The network service categories (direttrici) the line has: postpaid lines only, empty on prepaid ones. */
  networkServices: { category: NetworkServiceCategory; enabled: boolean }[];
  /** Code of the line's RIF profile (Rete Intelligente Flessibile), e.g. RIF_00. */
  rifProfile: string;
}

export interface AutomaticRecharge {
  /** CONFIRM (CONFERMA: never made, can be confirmed for next month) or WAIVE (RINUNCIA: made monthly, can be waived). */
  mode: 'CONFIRM' | 'WAIVE';
  /** The month (YYYY-MM) the mode is reversed for by a pending confirmation or waiver; null when none is. */
  changedForMonth: string | null;
}

export interface CompanyRecharge {
  kind: 'TIMED' | 'THRESHOLD';
  amount: Decimal;
  everyDays: number | null;
  threshold: Decimal | null;
}

export type FixedLineType = 'VOICE' | 'VOICE_DATA' | 'INTELLIGENT_NETWORK';
export interface FixedLine {
  number: string;
  contractNumber: string;
  companyId: string;
  status: LineStatus;
  type: FixedLineType;
  site: Address | null;
  /** The day a requested cessation takes effect, while it is ahead (FIX-02); null when none is scheduled. */
  cessationScheduledOn: IsoDate | null;
  /** A trasloco under way (FIX-03): the new site and the day the line is active there; null when none. */
  pendingMove: { site: Address; activeBy: IsoDate } | null;
}

/** Which records a list call returns: a record matches if it matches any of the ids given. */
export interface RecordFilter { companyIds?: string[]; contractNumbers?: string[]; lineNumbers?: string[] }
export interface Page<T> { totalCount: number; items: T[] }
export type LineSort = 'NUMBER' | 'STATUS' | 'ACTIVATION_DATE';

export interface Order {
  id: string;
  contractNumber: string | null;
  lineNumber: string | null;
  companyId: string;
  type: string;
  description: string;
  channel: string;
  status: string;
  shipmentStatus: string | null;
  createdOn: IsoDate;
  requestId: string | null;
  items: { description: string; status: string }[];
}

export type RequestStatus = 'OPEN' | 'IN_PROGRESS' | 'CLOSED';
export interface ServiceRequest {
  id: string;
  type: string;
  description: string;
  contractNumber: string | null;
  lineNumber: string | null;
  companyId: string;
  origin: string;
  status: RequestStatus;
  openedOn: IsoDate;
  closedOn: IsoDate | null;
  orderId: string | null;
}

export interface CreatedRequest { request: ServiceRequest; order: ServiceRequestOrder | null }
export type ServiceRequestOrder = Order;

export type PaymentStatus = 'PAID' | 'TO_PAY' | 'OVERDUE';
/** Who issued an invoice: eBill mobile and unified invoices ("Fatture uniche", issue 22), EBPFA fixed ones. */
export type InvoiceKind = 'MOBILE' | 'UNIFIED' | 'FIXED';

export interface Invoice {
  number: string;
  kind: InvoiceKind;
  /** Mobile: the contract number. Fixed: the billing customer code. */
  accountCode: string;
  lineNumber: string | null;
  bimester: number;
  year: number;
  type: string | null;
  paymentStatus: PaymentStatus;
  amount: Decimal;
  issuedOn: IsoDate | null;
  dueOn: IsoDate | null;
}

/** eBill holds mobile and unified invoices (its PDFs, its payments); EBPFA fixed ones. */
export const issuedByEbill = (invoice: { kind: InvoiceKind }) => invoice.kind !== 'FIXED';

/** Issue 22 (BIL-04): a charged online payment of an invoice, as the billing system that issued it records it. */
export interface InvoicePayment { number: string; paymentId: string; cents: number }

export interface InvoiceSearch { accountCodes: string[]; kind?: 'MOBILE' | 'UNIFIED'; unpaidOnly?: boolean; from: IsoDate; to: IsoDate; number?: string; bimester?: number; paymentStatus?: PaymentStatus }

export interface ResidualCredit { lineNumber: string; amount: Decimal; updatedAt: IsoDateTime }
export interface AvailableTraffic {
  lineNumber: string;
  dataGbTotal: Decimal; dataGbLeft: Decimal;
  minutesTotal: number; minutesLeft: number;
  smsTotal: number; smsLeft: number;
}

export interface PdfDocument { fileName: string; contentType: 'application/pdf'; bytes: Buffer }

// Issue 13 (assistance, seed 002 §7.7): what CRM answers for the assistance pages.
/** A service point (Punto di Assistenza) where a device with a ticket is delivered or collected. */
export interface ServicePoint {
  id: string; name: string; address: string; postalCode: string; town: string; province: string; phone: string; openingHours: string;
}
/** A manual CRM hands out; `path` is where CRM serves its PDF (a signed download link names it). */
export interface Manual { code: string; title: string; fileName: string; path: string }
/** A pratica with the parameters it was opened with (a device ticket's event, IMEI and delivery; a call back's time). */
export interface RequestWithDetail { request: ServiceRequest; detail: Readonly<Record<string, string>> }
// h-contract (issue 10): the CM8 contract data (seed 002 §7.1.2-§7.1.3).
/** A kind of CM8 referent of a contract; the legal representative (Mandatario) gives no CM8 profile. */
export type ReferentType = 'MASTER' | 'LEGAL_REPRESENTATIVE' | 'EBILL' | 'TRAFFIC_MANAGER' | 'MESSAGING';
export interface Referent {
  /** `<contract number>-<type>`: a contract has at most one referent of each type. */
  id: string;
  contractNumber: string;
  type: ReferentType;
  /** The CM8 profile the referent's mobile line gives its user; null for the legal representative. */
  profile: Profile | null;
  taxCode: string;
  lastName: string;
  firstName: string;
  mobile: string;
  email: string | null;
}
export interface DeliveryAddress { attentionOf: string | null; street: string; houseNumber: string; postalCode: string; city: string; province: string }
export interface ContractData {
  contractNumber: string;
  /** The last day any of these data changed ("Dati aggiornati al"). */
  updatedOn: IsoDate | null;
  referents: Referent[];
  invoiceDeliveryAddress: DeliveryAddress | null;
  trafficDocumentationAddress: DeliveryAddress | null;
  /** Issue 21 (MOB-02, FIX-05): NoCarta, and the direct debit asked for (the IBAN masked), as CRM records them. */
  paymentSettings: ContractPaymentSettings;
}

export interface ContractPaymentSettings {
  paperless: boolean;
  directDebit: { maskedIban: string; accountHolder: string; requestedOn: IsoDate } | null;
}
