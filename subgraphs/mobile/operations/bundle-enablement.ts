import { BUNDLE_ENABLEMENTS, type BundleEnablement, type MobileLine, type PlanFamily } from '../../../adapters/domain';
import { CRM_BUNDLE_ENABLEMENTS } from '../../../adapters/crm/mapping';
import { badUserInput } from '../../../adapters/errors';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { MOBILE_LINE } from '../../runtime/dispositive/targets';
import { checkMobileNumber } from '../../runtime/validators/phone';
import { settingsOf, unmanageable } from './line-rules';

/**
 * Seed 002 §7.3.5 (Appendix row 8) and MOB-10: enable or disable a line's traffic beyond its bundle. Which
 * enablements a line may change depends on its plan family: a postpaid pay-per-use plan only Over Bundle Extra UE;
 * a postpaid package plan and a prepaid line all three. Many lines at once (each its own pratica and ordine).
 */
export const MODIFIABLE_ENABLEMENTS: Record<PlanFamily, readonly BundleEnablement[]> = {
  POSTPAID_PAY_PER_USE: ['OVER_BUNDLE_EXTRA_EU'],
  POSTPAID_PACKAGE: BUNDLE_ENABLEMENTS,
  PREPAID: BUNDLE_ENABLEMENTS,
};

/** The input field of each enablement (BundleEnablementChange in schema/mobile.graphql). */
export const ENABLEMENT_FIELDS: Record<BundleEnablement, string> = {
  EXTRA_BUNDLE: 'extraBundle', OVER_BUNDLE_NATIONAL_EU: 'overBundleNationalEu', OVER_BUNDLE_EXTRA_EU: 'overBundleExtraEu',
};

const FAMILY_NAMES: Record<PlanFamily, string> = {
  POSTPAID_PAY_PER_USE: 'postpaid pay-per-use', POSTPAID_PACKAGE: 'postpaid package', PREPAID: 'prepaid',
};

interface BundleChange { number: string; enable: Partial<Record<BundleEnablement, boolean>> }

export const SET_BUNDLE_ENABLEMENTS: DispositiveDeclaration<BundleChange, MobileLine> = {
  field: 'setBundleEnablements',
  appendixRows: [8],
  // "Il download dei documenti è obbligatorio per confermare la richiesta" (schema/appendix-1.yaml `summary`).
  summary: {},
  capabilities: ['MOB-10'],
  pratica: 'Modif abilit over-ext bundle',
  ordine: true,
  target: MOBILE_LINE,
  listField: 'lines',
  validate(raw, at) {
    const enable: Partial<Record<BundleEnablement, boolean>> = {};
    for (const enablement of BUNDLE_ENABLEMENTS) {
      const value = raw[ENABLEMENT_FIELDS[enablement]];
      if (value === undefined || value === null) continue;
      if (typeof value !== 'boolean') throw badUserInput(at(ENABLEMENT_FIELDS[enablement]), 'must be true (enable) or false (disable)');
      enable[enablement] = value;
    }
    if (Object.keys(enable).length === 0) {
      throw badUserInput(at('overBundleExtraEu'), 'give at least one of extraBundle, overBundleNationalEu, overBundleExtraEu');
    }
    return { number: checkMobileNumber(raw.number, at('number')), enable };
  },
  targetId: (input) => input.number,
  refusal(line, input, at) {
    const unusable = unmanageable(line, 'over/extra bundle enablements');
    if (unusable) return unusable;
    const { planFamily, bundleEnablements } = settingsOf(line);
    const allowed = MODIFIABLE_ENABLEMENTS[planFamily];
    for (const enablement of Object.keys(input.enable) as BundleEnablement[]) {
      if (!allowed.includes(enablement)) {
        throw badUserInput(at(ENABLEMENT_FIELDS[enablement]), `cannot be changed on a ${FAMILY_NAMES[planFamily]} line: its plan allows ${
          allowed.map((e) => ENABLEMENT_FIELDS[e]).join(', ')} only`);
      }
    }
    const changes = Object.entries(input.enable).some(([e, on]) => bundleEnablements[e as BundleEnablement] !== on);
    return changes ? null : 'The line already has these over/extra bundle enablements.';
  },
  crm: (_line, input) => ({
    parameters: Object.fromEntries(Object.entries(input.enable).map(([e, on]) => [CRM_BUNDLE_ENABLEMENTS[e as BundleEnablement], on ? 'SI' : 'NO'])),
  }),
};
