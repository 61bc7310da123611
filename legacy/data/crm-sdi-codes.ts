/**
 * Issue 20 (ACC-07, seed 000 "Codice destinatario"): the SDI recipient codes CRM keeps for single fixed lines, beside
 * the codes it keeps per contract (`CrmContractRecord.sdiCode`: a mobile contract's by its number, a fixed contract's
 * by its billing customer code). Company A's page is the seed's table (its mobile contract and its fixed customer
 * code, no line of its own); company B's fixed line 021234567 is invoiced to a code of its own.
 */
export interface CrmLineSdiCode { line: string; code: string }

export const LINE_SDI_CODES: readonly CrmLineSdiCode[] = [
  { line: '021234567', code: 'W7YVJK9' },
];
