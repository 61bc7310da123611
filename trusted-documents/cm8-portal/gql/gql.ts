/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation Cm8BlockSim($input: BlockSimInput!) {\n  blockSim(input: $input) {\n    request {\n      id\n      status\n    }\n    order {\n      id\n      status\n    }\n    line {\n      number\n      status\n    }\n  }\n}": typeof types.Cm8BlockSimDocument,
    "mutation Cm8ChangeSim($input: ChangeSimInput!) {\n  changeSim(input: $input) {\n    request {\n      id\n      status\n    }\n    order {\n      id\n      status\n    }\n    line {\n      number\n      iccid\n    }\n  }\n}": typeof types.Cm8ChangeSimDocument,
    "query Cm8Invoices($first: Int, $offset: Int) {\n  invoices(kind: MOBILE, first: $first, offset: $offset) {\n    totalCount\n    nodes {\n      number\n      bimester\n      year\n      paymentStatus\n      amount\n      issuedOn\n      dueOn\n      documentUrl\n    }\n  }\n}": typeof types.Cm8InvoicesDocument,
    "query Cm8Line($number: ID!) {\n  mobileLine(number: $number) {\n    number\n    status\n    kind\n    tariffPlan\n    iccid\n    activatedOn\n    ceasedOn\n    oneNumber {\n      role\n      iccids\n    }\n    automaticRecharge {\n      mode\n      changedForMonth\n    }\n    companyRecharge {\n      kind\n      amount\n    }\n    residualCredit {\n      amount\n      updatedAt\n    }\n    availableTraffic {\n      dataGbLeft\n      dataGbTotal\n      minutesLeft\n      minutesTotal\n      smsLeft\n      smsTotal\n    }\n  }\n}": typeof types.Cm8LineDocument,
    "query Cm8Lines($search: String, $sort: LineSort, $first: Int, $offset: Int) {\n  mobileLines(search: $search, sort: $sort, first: $first, offset: $offset) {\n    totalCount\n    nodes {\n      number\n      status\n      kind\n      tariffPlan\n      iccid\n      activatedOn\n      contract {\n        number\n      }\n    }\n  }\n}": typeof types.Cm8LinesDocument,
    "query Cm8Requests {\n  requests {\n    id\n    type\n    description\n    status\n    origin\n    openedOn\n    closedOn\n    line {\n      number\n    }\n    order {\n      id\n      status\n    }\n  }\n}": typeof types.Cm8RequestsDocument,
};
const documents: Documents = {
    "mutation Cm8BlockSim($input: BlockSimInput!) {\n  blockSim(input: $input) {\n    request {\n      id\n      status\n    }\n    order {\n      id\n      status\n    }\n    line {\n      number\n      status\n    }\n  }\n}": types.Cm8BlockSimDocument,
    "mutation Cm8ChangeSim($input: ChangeSimInput!) {\n  changeSim(input: $input) {\n    request {\n      id\n      status\n    }\n    order {\n      id\n      status\n    }\n    line {\n      number\n      iccid\n    }\n  }\n}": types.Cm8ChangeSimDocument,
    "query Cm8Invoices($first: Int, $offset: Int) {\n  invoices(kind: MOBILE, first: $first, offset: $offset) {\n    totalCount\n    nodes {\n      number\n      bimester\n      year\n      paymentStatus\n      amount\n      issuedOn\n      dueOn\n      documentUrl\n    }\n  }\n}": types.Cm8InvoicesDocument,
    "query Cm8Line($number: ID!) {\n  mobileLine(number: $number) {\n    number\n    status\n    kind\n    tariffPlan\n    iccid\n    activatedOn\n    ceasedOn\n    oneNumber {\n      role\n      iccids\n    }\n    automaticRecharge {\n      mode\n      changedForMonth\n    }\n    companyRecharge {\n      kind\n      amount\n    }\n    residualCredit {\n      amount\n      updatedAt\n    }\n    availableTraffic {\n      dataGbLeft\n      dataGbTotal\n      minutesLeft\n      minutesTotal\n      smsLeft\n      smsTotal\n    }\n  }\n}": types.Cm8LineDocument,
    "query Cm8Lines($search: String, $sort: LineSort, $first: Int, $offset: Int) {\n  mobileLines(search: $search, sort: $sort, first: $first, offset: $offset) {\n    totalCount\n    nodes {\n      number\n      status\n      kind\n      tariffPlan\n      iccid\n      activatedOn\n      contract {\n        number\n      }\n    }\n  }\n}": types.Cm8LinesDocument,
    "query Cm8Requests {\n  requests {\n    id\n    type\n    description\n    status\n    origin\n    openedOn\n    closedOn\n    line {\n      number\n    }\n    order {\n      id\n      status\n    }\n  }\n}": types.Cm8RequestsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Cm8BlockSim($input: BlockSimInput!) {\n  blockSim(input: $input) {\n    request {\n      id\n      status\n    }\n    order {\n      id\n      status\n    }\n    line {\n      number\n      status\n    }\n  }\n}"): typeof import('./graphql').Cm8BlockSimDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Cm8ChangeSim($input: ChangeSimInput!) {\n  changeSim(input: $input) {\n    request {\n      id\n      status\n    }\n    order {\n      id\n      status\n    }\n    line {\n      number\n      iccid\n    }\n  }\n}"): typeof import('./graphql').Cm8ChangeSimDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Cm8Invoices($first: Int, $offset: Int) {\n  invoices(kind: MOBILE, first: $first, offset: $offset) {\n    totalCount\n    nodes {\n      number\n      bimester\n      year\n      paymentStatus\n      amount\n      issuedOn\n      dueOn\n      documentUrl\n    }\n  }\n}"): typeof import('./graphql').Cm8InvoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Cm8Line($number: ID!) {\n  mobileLine(number: $number) {\n    number\n    status\n    kind\n    tariffPlan\n    iccid\n    activatedOn\n    ceasedOn\n    oneNumber {\n      role\n      iccids\n    }\n    automaticRecharge {\n      mode\n      changedForMonth\n    }\n    companyRecharge {\n      kind\n      amount\n    }\n    residualCredit {\n      amount\n      updatedAt\n    }\n    availableTraffic {\n      dataGbLeft\n      dataGbTotal\n      minutesLeft\n      minutesTotal\n      smsLeft\n      smsTotal\n    }\n  }\n}"): typeof import('./graphql').Cm8LineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Cm8Lines($search: String, $sort: LineSort, $first: Int, $offset: Int) {\n  mobileLines(search: $search, sort: $sort, first: $first, offset: $offset) {\n    totalCount\n    nodes {\n      number\n      status\n      kind\n      tariffPlan\n      iccid\n      activatedOn\n      contract {\n        number\n      }\n    }\n  }\n}"): typeof import('./graphql').Cm8LinesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Cm8Requests {\n  requests {\n    id\n    type\n    description\n    status\n    origin\n    openedOn\n    closedOn\n    line {\n      number\n    }\n    order {\n      id\n      status\n    }\n  }\n}"): typeof import('./graphql').Cm8RequestsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
