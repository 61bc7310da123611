import { DateScalar } from '../runtime/scalars';
import type { Resolvers } from '../runtime/server';
import { companyResolvers } from './company';
import { contractPageResolvers } from './contract-pages';
import { viewerResolvers } from './viewer';
import { userConsoleResolvers } from './user-console';
import { usersExportResolvers } from './users-export';

/** ACC-01, ACC-02, ACC-04, ACC-08, ACC-09, ACC-10. Domain enums (contract type and status, profiles, referent types) match the SDL. */
export const resolvers: Resolvers = {
  Date: DateScalar,
  Query: { ...viewerResolvers.Query, ...companyResolvers.Query, ...contractPageResolvers.Query, ...userConsoleResolvers.Query,
    ...usersExportResolvers.Query },
  Viewer: { ...viewerResolvers.Viewer, ...contractPageResolvers.Viewer },
  Company: companyResolvers.Company,
  Contract: { ...companyResolvers.Contract, ...contractPageResolvers.Contract },
  Mutation: { ...contractPageResolvers.Mutation, ...usersExportResolvers.Mutation },
  // issue 20 item 5 (ACC-08): the user console's outcome.
  CompanyUserChangeOutcome: userConsoleResolvers.CompanyUserChangeOutcome,
};
