export { createEbpfaClient, EBPFA_CUSTOMER_CODE_LIMIT, type EbpfaClient, type EbpfaClientOptions } from './client';
export { createEbpfaLoaders, type EbpfaLoaders, type FixedInvoicesKey } from './loaders';
export { mergedPdfPath, type BilledConsumptionItem, type BilledService, type CostCentreSpend, type InvoiceMerge } from './reports';
