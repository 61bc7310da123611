/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** The standing mode of a prepaid line's company automatic recharge (seed 002 §7.3.3). */
export type AutomaticRechargeMode =
  /** CONFERMA: the automatic recharge is never made; it can be confirmed for next month only. */
  | 'CONFIRM'
  /** RINUNCIA: the automatic recharge is made every month; it can be waived for next month only. */
  | 'WAIVE';

/** Block a SIM after theft or loss. */
export type BlockSimInput = {
  /** Chosen by the client, unique per operation (8 to 128 of A-Z a-z 0-9 _ -): a retry with the same key and input returns the first outcome, never a second request; the key with another operation, line or input is BAD_USER_INPUT. */
  idempotencyKey: string;
  /** The line whose SIM is blocked: an Italian mobile number, 9 or 10 digits starting with 3. */
  number: string | number;
  /** Theft or loss. */
  reason: SimBlockReason;
};

/** Change the SIM of a line (MOB-04; seed 002 §7.3.8, §9.1.4). */
export type ChangeSimInput = {
  /** Chosen by the client, unique per operation (8 to 128 of A-Z a-z 0-9 _ -): a retry with the same key and input returns the first outcome, never a second request; the key with another operation, line or input is BAD_USER_INPUT. */
  idempotencyKey: string;
  /** The last 10 digits of the new SIM's ICCID as printed on it (the 893901000 prefix is TIM's), without the 4 trailing letters and digits (e.g. L45C). */
  newIccidLastDigits: string;
  /** The line: an Italian mobile number, 9 or 10 digits starting with 3. */
  number: string | number;
  /** Causale: why the SIM is changed, 3 to 200 characters. */
  reason: string;
  /** With One Number: the ICCID of the SIM of the group to replace (required); without: omit it, or the line's own ICCID. */
  replacedIccid?: string | null | undefined;
};

/** A company recharge of a prepaid line charged on the entity's invoice (MOB-16; seed 002 §7.3.4). */
export type CompanyRechargeKind =
  /** Una tantum (one shot): one fixed cut, 7, 22, 44 or 88 €, credited asynchronously. */
  | 'ONE_SHOT'
  /** Sotto soglia parametrica: 5 to 50 € whenever the credit falls to the threshold (0 to 5 €), at most 3 times a month. */
  | 'THRESHOLD'
  /** A tempo: 5 to 50 € every 7, 15 or 30 days from activation, whatever the residual credit. */
  | 'TIMED';

/** Order of a list of lines. */
export type LineSort =
  /** By activation date, then number. */
  | 'ACTIVATION_DATE'
  /** By line number, ascending. */
  | 'NUMBER'
  /** By status, then number. */
  | 'STATUS';

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

/** A SIM's role in a One Number group. */
export type OneNumberRole =
  /** The main SIM of the group. */
  | 'PRIMARY'
  /** An additional SIM answering the same number. */
  | 'SECONDARY';

/** Where the payment of an invoice stands. */
export type PaymentStatus =
  /** Scaduta: due and not paid. */
  | 'OVERDUE'
  /** Pagata. */
  | 'PAID'
  /** Da pagare: not yet due. */
  | 'TO_PAY';

/** Where a request (pratica) stands. */
export type RequestStatus =
  /** Chiuso. */
  | 'CLOSED'
  /** In lavorazione. */
  | 'IN_PROGRESS'
  /** Aperto. */
  | 'OPEN';

/** Why a SIM is blocked. */
export type SimBlockReason =
  /** Smarrimento: the SIM was lost. */
  | 'LOSS'
  /** Furto: the SIM was stolen. */
  | 'THEFT';

export type Cm8BlockSimMutationVariables = Exact<{
  input: BlockSimInput;
}>;


export type Cm8BlockSimMutation = { blockSim: { request: { id: string, status: RequestStatus } | null, order: { id: string, status: string } | null, line: { number: string, status: LineStatus } } };

export type Cm8ChangeSimMutationVariables = Exact<{
  input: ChangeSimInput;
}>;


export type Cm8ChangeSimMutation = { changeSim: { request: { id: string, status: RequestStatus } | null, order: { id: string, status: string } | null, line: { number: string, iccid: string | null } } };

export type Cm8InvoicesQueryVariables = Exact<{
  first?: number | null | undefined;
  offset?: number | null | undefined;
}>;


export type Cm8InvoicesQuery = { invoices: { totalCount: number, nodes: Array<{ number: string, bimester: number, year: number, paymentStatus: PaymentStatus, amount: string, issuedOn: string | null, dueOn: string | null, documentUrl: string }> } | null };

export type Cm8LineQueryVariables = Exact<{
  number: string | number;
}>;


export type Cm8LineQuery = { mobileLine: { number: string, status: LineStatus, kind: MobileLineKind, tariffPlan: string, iccid: string | null, activatedOn: string | null, ceasedOn: string | null, oneNumber: { role: OneNumberRole, iccids: Array<string> } | null, automaticRecharge: { mode: AutomaticRechargeMode, changedForMonth: string | null } | null, companyRecharge: { kind: CompanyRechargeKind, amount: string } | null, residualCredit: { amount: string, updatedAt: string } | null, availableTraffic: { dataGbLeft: string, dataGbTotal: string, minutesLeft: number, minutesTotal: number, smsLeft: number, smsTotal: number } | null } | null };

export type Cm8LinesQueryVariables = Exact<{
  search?: string | null | undefined;
  sort?: LineSort | null | undefined;
  first?: number | null | undefined;
  offset?: number | null | undefined;
}>;


export type Cm8LinesQuery = { mobileLines: { totalCount: number, nodes: Array<{ number: string, status: LineStatus, kind: MobileLineKind, tariffPlan: string, iccid: string | null, activatedOn: string | null, contract: { number: string } | null }> } | null };

export type Cm8RequestsQueryVariables = Exact<{ [key: string]: never; }>;


export type Cm8RequestsQuery = { requests: Array<{ id: string, type: string, description: string, status: RequestStatus, origin: string, openedOn: string, closedOn: string | null, line: { number: string } | null, order: { id: string, status: string } | null }> | null };

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

export const Cm8BlockSimDocument = new TypedDocumentString(`
    mutation Cm8BlockSim($input: BlockSimInput!) {
  blockSim(input: $input) {
    request {
      id
      status
    }
    order {
      id
      status
    }
    line {
      number
      status
    }
  }
}
    `, {"hash":"sha256:ef08672333ded126173354cee0fc621ff4e355252d66267ef0cd8bfe5d07b47d"}) as unknown as TypedDocumentString<Cm8BlockSimMutation, Cm8BlockSimMutationVariables>;
export const Cm8ChangeSimDocument = new TypedDocumentString(`
    mutation Cm8ChangeSim($input: ChangeSimInput!) {
  changeSim(input: $input) {
    request {
      id
      status
    }
    order {
      id
      status
    }
    line {
      number
      iccid
    }
  }
}
    `, {"hash":"sha256:18bd45a32dcfbf1beac48c995d42638e8df308acbda3d4844f369b5c7f8d382e"}) as unknown as TypedDocumentString<Cm8ChangeSimMutation, Cm8ChangeSimMutationVariables>;
export const Cm8InvoicesDocument = new TypedDocumentString(`
    query Cm8Invoices($first: Int, $offset: Int) {
  invoices(kind: MOBILE, first: $first, offset: $offset) {
    totalCount
    nodes {
      number
      bimester
      year
      paymentStatus
      amount
      issuedOn
      dueOn
      documentUrl
    }
  }
}
    `, {"hash":"sha256:7cb1709ca28d2314381efb35fc78293e915bdd91e798eea59a3ad59a87999d27"}) as unknown as TypedDocumentString<Cm8InvoicesQuery, Cm8InvoicesQueryVariables>;
export const Cm8LineDocument = new TypedDocumentString(`
    query Cm8Line($number: ID!) {
  mobileLine(number: $number) {
    number
    status
    kind
    tariffPlan
    iccid
    activatedOn
    ceasedOn
    oneNumber {
      role
      iccids
    }
    automaticRecharge {
      mode
      changedForMonth
    }
    companyRecharge {
      kind
      amount
    }
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
    `, {"hash":"sha256:82b6d29bad288c8d8ae8f0036ee711818a141e0752a9d5eb98c222a558f66c01"}) as unknown as TypedDocumentString<Cm8LineQuery, Cm8LineQueryVariables>;
export const Cm8LinesDocument = new TypedDocumentString(`
    query Cm8Lines($search: String, $sort: LineSort, $first: Int, $offset: Int) {
  mobileLines(search: $search, sort: $sort, first: $first, offset: $offset) {
    totalCount
    nodes {
      number
      status
      kind
      tariffPlan
      iccid
      activatedOn
      contract {
        number
      }
    }
  }
}
    `, {"hash":"sha256:bca6ea7ec6c358bb194e3c38f966dbd98d18d5464c7377d7b36becaf495d1a08"}) as unknown as TypedDocumentString<Cm8LinesQuery, Cm8LinesQueryVariables>;
export const Cm8RequestsDocument = new TypedDocumentString(`
    query Cm8Requests {
  requests {
    id
    type
    description
    status
    origin
    openedOn
    closedOn
    line {
      number
    }
    order {
      id
      status
    }
  }
}
    `, {"hash":"sha256:ea5bfe1a1664599287b322b62dd7f29ca364397822990da6ade585438c5a33ca"}) as unknown as TypedDocumentString<Cm8RequestsQuery, Cm8RequestsQueryVariables>;