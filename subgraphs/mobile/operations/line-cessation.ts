import { lineCessation, lineCessationRevocation } from '../../runtime/line-cessation';
import { MOBILE_LINE } from '../../runtime/dispositive/targets';
import { checkMobileNumber } from '../../runtime/validators/phone';

/** MOB-05: cease mobile lines and revoke their cessation, one or many (subgraphs/runtime/line-cessation.ts says the rules). */
const MOBILE = { capability: 'MOB-05', target: MOBILE_LINE, checkNumber: checkMobileNumber };

export const CEASE_MOBILE_LINES = lineCessation({ field: 'ceaseMobileLines', ...MOBILE });
export const REVOKE_MOBILE_LINE_CESSATION = lineCessationRevocation({ field: 'revokeMobileLineCessation', ...MOBILE });
