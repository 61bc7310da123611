import type { MobileLine, UserProfile } from '../../../adapters/domain';
import type { EmployeeTimTuo } from '../../../adapters/crm/tim-tuo-employee';
import type { PersonalBillingAccount } from '../../../adapters/ebill/personal-account';
import type { CardSetup } from '../../../adapters/payments';
import type { SubgraphContext } from '../server';
import { MOBILE_LINE, type TargetKind } from './targets';

/**
 * h-tuopost (issue 12). The employee's own postpaid line as his TIM TUO changes act on it (seed 002 §9.2.1.1,
 * Appendix rows 34–41): the CRM line and its TIM TUO record (enabled by the ROA? active? whose?), his personal billing
 * account (eBill's), the registered user's data (CRM: the tax code and names an activation records, seed 002 Step 1
 * "Controlla il codice fiscale personale") and, when the request pays by card, the card verification the employee
 * completed on the provider's page (read from the provider: the client's word is never taken for it). The id is the
 * line's number, or `<number>:<verification id>` for a card; every part is read for any plausible id, so a foreign
 * line costs what an unknown one does.
 */
export interface EmployeeLine extends MobileLine {
  employeeTimTuo: EmployeeTimTuo;
  account: PersonalBillingAccount | null;
  viewer: UserProfile | null;
  cardSetup: CardSetup | null;
}

export const employeeTargetId = (number: string, cardVerificationId?: string | null) => (cardVerificationId ? `${number}:${cardVerificationId}` : number);

export const EMPLOYEE_TIM_TUO: TargetKind<EmployeeLine> = {
  ...MOBILE_LINE,
  plausible: /^\d{1,15}(:seti_[0-9a-f]{24})?$/,
  async load(id, context) {
    const [number, setupId] = id.split(':');
    const { loaders, legacy, identity } = context;
    const [line, employeeTimTuo, account, viewer, cardSetup] = await Promise.all([
      MOBILE_LINE.load(number, context), loaders.crm.employeeTimTuo.load(number), loaders.ebill.personalAccount.load(number),
      legacy.crm.getUserProfile(identity.userId), setupId ? legacy.payments.getCardSetup(setupId) : null,
    ]);
    return line && employeeTimTuo && { ...line, employeeTimTuo, account, viewer, cardSetup };
  },
  // CRM's TIM TUO record and eBill's account read again (the loaders primed with them for the outcome's fields).
  async reload(line, context) {
    const { legacy, loaders } = context;
    const [fresh, [employeeTimTuo], [account]] = await Promise.all([
      MOBILE_LINE.reload(line, context), legacy.crm.getEmployeeTimTuo([line.number]), legacy.ebill.getPersonalAccounts([line.number]),
    ]);
    loaders.crm.employeeTimTuo.clear(line.number).prime(line.number, employeeTimTuo);
    loaders.ebill.personalAccount.clear(line.number).prime(line.number, account);
    return { ...line, ...fresh, employeeTimTuo: employeeTimTuo!, account };
  },
};

/** The read of the pages (seed 002 §9.2.1.1 "Gestisci"): nothing to show on a line the ROA did not enable, or a prepaid one. */
export async function employeeTimTuoOf(line: MobileLine, context: SubgraphContext) {
  if (line.kind !== 'POSTPAID') return null;
  const record = await context.loaders.crm.employeeTimTuo.load(line.number);
  return record?.enabled ? record : null;
}
