import { describe, expect, it } from 'vitest';
import { uploadingOperations, uploadingProfiles } from '../../gateway/uploads/upload-holders';
import { ALL_OPERATIONS } from '../../subgraphs/operations';

/** Issue 19 item 8: who may upload is read from the SDL; it must name exactly the operations that claim uploads. */
describe('who may upload', () => {
  it('is derived from the operations whose declaration claims attachments, and their @allow (IMEI block, deferred activation: ROA; payment reports: RL, AF, AL)', () => {
    const declared = ALL_OPERATIONS.filter((d) => d.attachments !== undefined).map((d) => d.field).sort();
    expect(uploadingOperations().map((op) => op.field).sort()).toEqual(declared);
    // Issue 22: a payment made elsewhere is reported with its receipt (BIL-05, and BIL-06 for another customer's invoice).
    expect(declared).toEqual(['blockImei', 'reportInvoicePayment', 'reportThirdPartyInvoicePayment', 'requestDeferredSimActivation']);
    expect([...uploadingProfiles()].sort()).toEqual(['AF', 'AL', 'RL', 'ROA']);
  });
});
