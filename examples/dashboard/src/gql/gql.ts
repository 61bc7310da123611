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
    "query Dashboard($linesFirst: Int = 50, $linesOffset: Int = 0) {\n  viewer {\n    displayName\n    firstName\n    taxCode\n    profiles\n    company {\n      name\n      taxCode\n    }\n  }\n  mobileLines(first: $linesFirst, offset: $linesOffset) {\n    totalCount\n    nodes {\n      number\n      status\n      kind\n      tariffPlan\n      residualCredit {\n        amount\n        updatedAt\n      }\n      availableTraffic {\n        dataGbLeft\n        dataGbTotal\n        minutesLeft\n        minutesTotal\n        smsLeft\n        smsTotal\n      }\n    }\n  }\n  fixedLines(first: 50) {\n    totalCount\n    nodes {\n      number\n      status\n      type\n    }\n  }\n  mobileInvoices: invoices(kind: MOBILE, first: 5) {\n    totalCount\n    nodes {\n      number\n      bimester\n      year\n      paymentStatus\n      amount\n      dueOn\n    }\n  }\n  fixedInvoices: invoices(kind: FIXED, first: 5) {\n    totalCount\n    nodes {\n      number\n      bimester\n      year\n      paymentStatus\n      amount\n      dueOn\n    }\n  }\n  unifiedInvoices: invoices(kind: UNIFIED, first: 5) {\n    totalCount\n    nodes {\n      number\n      bimester\n      year\n      paymentStatus\n      amount\n      dueOn\n    }\n  }\n  orders {\n    id\n    description\n    status\n    createdOn\n  }\n  requests {\n    id\n    description\n    status\n    openedOn\n    line {\n      number\n    }\n  }\n}": typeof types.DashboardDocument,
};
const documents: Documents = {
    "query Dashboard($linesFirst: Int = 50, $linesOffset: Int = 0) {\n  viewer {\n    displayName\n    firstName\n    taxCode\n    profiles\n    company {\n      name\n      taxCode\n    }\n  }\n  mobileLines(first: $linesFirst, offset: $linesOffset) {\n    totalCount\n    nodes {\n      number\n      status\n      kind\n      tariffPlan\n      residualCredit {\n        amount\n        updatedAt\n      }\n      availableTraffic {\n        dataGbLeft\n        dataGbTotal\n        minutesLeft\n        minutesTotal\n        smsLeft\n        smsTotal\n      }\n    }\n  }\n  fixedLines(first: 50) {\n    totalCount\n    nodes {\n      number\n      status\n      type\n    }\n  }\n  mobileInvoices: invoices(kind: MOBILE, first: 5) {\n    totalCount\n    nodes {\n      number\n      bimester\n      year\n      paymentStatus\n      amount\n      dueOn\n    }\n  }\n  fixedInvoices: invoices(kind: FIXED, first: 5) {\n    totalCount\n    nodes {\n      number\n      bimester\n      year\n      paymentStatus\n      amount\n      dueOn\n    }\n  }\n  unifiedInvoices: invoices(kind: UNIFIED, first: 5) {\n    totalCount\n    nodes {\n      number\n      bimester\n      year\n      paymentStatus\n      amount\n      dueOn\n    }\n  }\n  orders {\n    id\n    description\n    status\n    createdOn\n  }\n  requests {\n    id\n    description\n    status\n    openedOn\n    line {\n      number\n    }\n  }\n}": types.DashboardDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Dashboard($linesFirst: Int = 50, $linesOffset: Int = 0) {\n  viewer {\n    displayName\n    firstName\n    taxCode\n    profiles\n    company {\n      name\n      taxCode\n    }\n  }\n  mobileLines(first: $linesFirst, offset: $linesOffset) {\n    totalCount\n    nodes {\n      number\n      status\n      kind\n      tariffPlan\n      residualCredit {\n        amount\n        updatedAt\n      }\n      availableTraffic {\n        dataGbLeft\n        dataGbTotal\n        minutesLeft\n        minutesTotal\n        smsLeft\n        smsTotal\n      }\n    }\n  }\n  fixedLines(first: 50) {\n    totalCount\n    nodes {\n      number\n      status\n      type\n    }\n  }\n  mobileInvoices: invoices(kind: MOBILE, first: 5) {\n    totalCount\n    nodes {\n      number\n      bimester\n      year\n      paymentStatus\n      amount\n      dueOn\n    }\n  }\n  fixedInvoices: invoices(kind: FIXED, first: 5) {\n    totalCount\n    nodes {\n      number\n      bimester\n      year\n      paymentStatus\n      amount\n      dueOn\n    }\n  }\n  unifiedInvoices: invoices(kind: UNIFIED, first: 5) {\n    totalCount\n    nodes {\n      number\n      bimester\n      year\n      paymentStatus\n      amount\n      dueOn\n    }\n  }\n  orders {\n    id\n    description\n    status\n    createdOn\n  }\n  requests {\n    id\n    description\n    status\n    openedOn\n    line {\n      number\n    }\n  }\n}"): typeof import('./graphql').DashboardDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
