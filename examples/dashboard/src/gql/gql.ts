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
    "\n  query ReferenceDashboard {\n    viewer { displayName profiles }\n    mobileLines(first: 20) {\n      totalCount\n      nodes { number status tariffPlan availableTraffic { dataGbLeft dataGbTotal minutesLeft smsLeft } }\n    }\n    invoices(kind: MOBILE, first: 5) {\n      totalCount\n      nodes { number bimester year paymentStatus amount dueOn }\n    }\n    orders { id description status createdOn }\n    requests { id description status openedOn }\n  }\n": typeof types.ReferenceDashboardDocument,
};
const documents: Documents = {
    "\n  query ReferenceDashboard {\n    viewer { displayName profiles }\n    mobileLines(first: 20) {\n      totalCount\n      nodes { number status tariffPlan availableTraffic { dataGbLeft dataGbTotal minutesLeft smsLeft } }\n    }\n    invoices(kind: MOBILE, first: 5) {\n      totalCount\n      nodes { number bimester year paymentStatus amount dueOn }\n    }\n    orders { id description status createdOn }\n    requests { id description status openedOn }\n  }\n": types.ReferenceDashboardDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReferenceDashboard {\n    viewer { displayName profiles }\n    mobileLines(first: 20) {\n      totalCount\n      nodes { number status tariffPlan availableTraffic { dataGbLeft dataGbTotal minutesLeft smsLeft } }\n    }\n    invoices(kind: MOBILE, first: 5) {\n      totalCount\n      nodes { number bimester year paymentStatus amount dueOn }\n    }\n    orders { id description status createdOn }\n    requests { id description status openedOn }\n  }\n"): typeof import('./graphql').ReferenceDashboardDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
