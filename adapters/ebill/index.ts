export { createEbillClient, EBILL_BATCH_LIMIT, type EbillClient, type EbillClientOptions } from './client';
export { createEbillLoaders, type EbillLoaders } from './loaders';
