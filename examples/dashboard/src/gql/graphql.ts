/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Where a fixed line stands. */
export type FixedLineStatus =
  /** ATTIVO */
  | 'ACTIVE'
  /** CESSATO */
  | 'CEASED'
  /** CONGELATO */
  | 'FROZEN'
  /** SOSPESO */
  | 'SUSPENDED';

/** The service a fixed line carries. */
export type FixedLineType =
  /** Rete Intelligente (Numero Verde and the like) */
  | 'INTELLIGENT_NETWORK'
  /** Fonia */
  | 'VOICE'
  /** Fonia e dati */
  | 'VOICE_DATA';

/** Where a mobile line stands. */
export type LineStatus =
  /** ATTIVO */
  | 'ACTIVE'
  /** CESSATO */
  | 'CEASED'
  /** CONGELATO */
  | 'FROZEN'
  /** SOSPESO (e.g. SIM blocked after theft or loss) */
  | 'SUSPENDED';

/** How a mobile line is paid. */
export type MobileLineKind =
  /** Abbonamento: billed on the contract's invoices. */
  | 'POSTPAID'
  /** Ricaricabile: paid by top-ups, with a residual credit. */
  | 'PREPAID';

/** Where the payment of an invoice stands. */
export type PaymentStatus =
  /** Scaduta: due and not paid. */
  | 'OVERDUE'
  /** Pagata. */
  | 'PAID'
  /** Da pagare: not yet due. */
  | 'TO_PAY';

/** A profile of the Area Clienti (RL, AF, AL, UT, UTD, CC, HOLDING) or of the CM8 portal (ROA, REF_EBILL, TRAFFIC_MANAGER, REF_MESSAGING, EU). */
export type Profile =
  /** Amministratore Full: everything except the RL-only functions. */
  | 'AF'
  /** Amministratore Light: all invoices, only his own line. */
  | 'AL'
  /** Cliente Cessato: a fixed customer ceased less than 12 months ago. */
  | 'CC'
  /** CM8 employee (end user): his own SIM, TIM TUO and personal consumption. */
  | 'EU'
  /** Referente myBusiness Holding: AF-like across the companies of a group. */
  | 'HOLDING'
  /** CM8 Referente eBill: inventory, company invoices and reports. */
  | 'REF_EBILL'
  /** CM8 messaging referent: messaging services only. */
  | 'REF_MESSAGING'
  /** Rappresentante Legale: signed the contract, maximum rights. */
  | 'RL'
  /** CM8 Referente Operativo dell'Amministrazione (Master referent of a contract). */
  | 'ROA'
  /** CM8 traffic manager: the spending-threshold pages. */
  | 'TRAFFIC_MANAGER'
  /** Utilizzatore: an employee with a company line; only his own line. */
  | 'UT'
  /** Utilizzatore Dispositivo: an UT who may also activate offers. */
  | 'UTD';

/** Where a request (pratica) stands. */
export type RequestStatus =
  /** Chiuso. */
  | 'CLOSED'
  /** In lavorazione. */
  | 'IN_PROGRESS'
  /** Aperto. */
  | 'OPEN';

export type DashboardQueryVariables = Exact<{
  linesFirst?: number | null | undefined;
  linesOffset?: number | null | undefined;
}>;


export type DashboardQuery = { viewer: { displayName: string, firstName: string, taxCode: string, profiles: Array<Profile>, company: { name: string, taxCode: string } | null } | null, mobileLines: { totalCount: number, nodes: Array<{ number: string, status: LineStatus, kind: MobileLineKind, tariffPlan: string, residualCredit: { amount: string, updatedAt: string } | null, availableTraffic: { dataGbLeft: string, dataGbTotal: string, minutesLeft: number, minutesTotal: number, smsLeft: number, smsTotal: number } | null }> } | null, fixedLines: { totalCount: number, nodes: Array<{ number: string, status: FixedLineStatus, type: FixedLineType }> } | null, mobileInvoices: { totalCount: number, nodes: Array<{ number: string, bimester: number, year: number, paymentStatus: PaymentStatus, amount: string, dueOn: string | null }> } | null, fixedInvoices: { totalCount: number, nodes: Array<{ number: string, bimester: number, year: number, paymentStatus: PaymentStatus, amount: string, dueOn: string | null }> } | null, unifiedInvoices: { totalCount: number, nodes: Array<{ number: string, bimester: number, year: number, paymentStatus: PaymentStatus, amount: string, dueOn: string | null }> } | null, orders: Array<{ id: string, description: string, status: string, createdOn: string }> | null, requests: Array<{ id: string, description: string, status: RequestStatus, openedOn: string, line: { number: string } | null }> | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const DashboardDocument = new TypedDocumentString(`
    query Dashboard($linesFirst: Int = 50, $linesOffset: Int = 0) {
  viewer {
    displayName
    firstName
    taxCode
    profiles
    company {
      name
      taxCode
    }
  }
  mobileLines(first: $linesFirst, offset: $linesOffset) {
    totalCount
    nodes {
      number
      status
      kind
      tariffPlan
      residualCredit {
        amount
        updatedAt
      }
      availableTraffic {
        dataGbLeft
        dataGbTotal
        minutesLeft
        minutesTotal
        smsLeft
        smsTotal
      }
    }
  }
  fixedLines(first: 50) {
    totalCount
    nodes {
      number
      status
      type
    }
  }
  mobileInvoices: invoices(kind: MOBILE, first: 5) {
    totalCount
    nodes {
      number
      bimester
      year
      paymentStatus
      amount
      dueOn
    }
  }
  fixedInvoices: invoices(kind: FIXED, first: 5) {
    totalCount
    nodes {
      number
      bimester
      year
      paymentStatus
      amount
      dueOn
    }
  }
  unifiedInvoices: invoices(kind: UNIFIED, first: 5) {
    totalCount
    nodes {
      number
      bimester
      year
      paymentStatus
      amount
      dueOn
    }
  }
  orders {
    id
    description
    status
    createdOn
  }
  requests {
    id
    description
    status
    openedOn
    line {
      number
    }
  }
}
    `, {"hash":"sha256:889ca9b625a7abed26e8363d80a58ff0c03a94721a641954cfc750019f64b186"}) as unknown as TypedDocumentString<DashboardQuery, DashboardQueryVariables>;