export { createCrmClient, CRM_BATCH_LIMIT, type CrmClient, type CrmClientOptions, type CreateRequestInput, type RequestTarget } from './client';
export { createAttachmentUploader, type AttachmentUpload, type AttachmentUploader } from './attachments';
export { createCrmLoaders, type CrmLoaders } from './loaders';
