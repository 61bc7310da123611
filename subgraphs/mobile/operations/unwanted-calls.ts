import { MOBILE_LINE } from '../../runtime/dispositive/targets';
import { unwantedCallsReport } from '../../runtime/unwanted-calls';
import { checkMobileNumber } from '../../runtime/validators/phone';

/** FIX-04 on a mobile line (seed 000 "Linee Mobile": "Segnala Chiamate Indesiderate"): the fixed line's report, shared. */
export const REPORT_MOBILE_UNWANTED_CALLS = unwantedCallsReport({ field: 'reportMobileUnwantedCalls', target: MOBILE_LINE, checkNumber: checkMobileNumber });
