import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * `npm run codegen`: typed documents and persisted-document manifests (sha256 hash → document) from the client
 * contract, for the reference dashboard and the CM8 portal's operations (trusted documents, README).
 */
const clientPreset = {
  preset: 'client',
  presetConfig: { fragmentMasking: false, persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' } },
  config: {
    documentMode: 'string',
    enumsAsTypes: true,
    useTypeImports: true,
    // The graph's scalars as they travel in JSON: money as a decimal string ("221.12", never a float, so that no
    // cent is lost), dates and instants as ISO 8601 strings. Without this map a typed client reads `unknown`.
    scalars: {
      Decimal: { input: 'string', output: 'string' },
      Date: { input: 'string', output: 'string' },
      DateTime: { input: 'string', output: 'string' },
    },
  },
} as const;

const config: CodegenConfig = {
  schema: 'schema/api-schema.graphql',
  ignoreNoDocuments: false,
  generates: {
    'examples/dashboard/src/gql/': { ...clientPreset, documents: ['examples/dashboard/src/*.graphql'] },
    'trusted-documents/cm8-portal/gql/': { ...clientPreset, documents: ['trusted-documents/cm8-portal/*.graphql'] },
  },
};

export default config;
