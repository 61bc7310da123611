import { graphql } from './gql';

/**
 * The whole dashboard in one request. Typed by graphql-codegen (`npm run codegen`) from the client contract
 * (schema/api-schema.graphql); its hash is in src/gql/persisted-documents.json, the manifest the gateway enforces
 * for the client `onegraph-dashboard`.
 */
export const DashboardQuery = graphql(`
  query ReferenceDashboard {
    viewer { displayName profiles }
    mobileLines(first: 20) {
      totalCount
      nodes { number status tariffPlan availableTraffic { dataGbLeft dataGbTotal minutesLeft smsLeft } }
    }
    invoices(kind: MOBILE, first: 5) {
      totalCount
      nodes { number bimester year paymentStatus amount dueOn }
    }
    orders { id description status createdOn }
    requests { id description status openedOn }
  }
`);
