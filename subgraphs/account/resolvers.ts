import { DateScalar } from '../runtime/scalars';
import type { Resolvers } from '../runtime/server';
import { companyResolvers } from './company';
import { viewerResolvers } from './viewer';

/** ACC-01, ACC-02, ACC-04. Domain enums (contract type and status, profiles) match the SDL. */
export const resolvers: Resolvers = {
  Date: DateScalar,
  Query: { ...viewerResolvers.Query, ...companyResolvers.Query },
  Viewer: viewerResolvers.Viewer,
  Company: companyResolvers.Company,
  Contract: companyResolvers.Contract,
};
