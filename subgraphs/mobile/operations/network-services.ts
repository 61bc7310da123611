import { NETWORK_SERVICE_CATEGORIES, type MobileLine, type NetworkServiceCategory } from '../../../adapters/domain';
import { CRM_NETWORK_CATEGORIES } from '../../../adapters/crm/mapping';
import { badUserInput } from '../../../adapters/errors';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { MOBILE_LINE } from '../../runtime/dispositive/targets';
import { checkMobileNumber } from '../../runtime/validators/phone';
import { settingsOf, unmanageable } from './line-rules';

/**
 * Seed 002 §7.3.9 (Appendix row 13) and MOB-12: enable or block the network service categories (direttrici) a
 * postpaid line has. Prepaid lines have none. CRM applies the change in the pratica's transaction (no ordine).
 */
interface NetworkServicesChange { number: string; changes: { category: NetworkServiceCategory; enabled: boolean }[] }

export const SET_NETWORK_SERVICES: DispositiveDeclaration<NetworkServicesChange, MobileLine> = {
  field: 'setNetworkServices',
  appendixRows: [13],
  // "Il download dei documenti è obbligatorio per confermare la richiesta" (schema/appendix-1.yaml `summary`).
  summary: {},
  capabilities: ['MOB-12'],
  pratica: 'Servizi di rete',
  ordine: false,
  target: MOBILE_LINE,
  validate(raw, at) {
    const list = raw.changes;
    if (!Array.isArray(list) || list.length === 0 || list.length > NETWORK_SERVICE_CATEGORIES.length) {
      throw badUserInput(at('changes'), `must hold 1 to ${NETWORK_SERVICE_CATEGORIES.length} categories`);
    }
    const seen = new Set<NetworkServiceCategory>();
    const changes = list.map((item: Record<string, unknown>, i) => {
      const category = item?.category as NetworkServiceCategory;
      if (!NETWORK_SERVICE_CATEGORIES.includes(category)) throw badUserInput(at(`changes[${i}].category`), `must be one of ${NETWORK_SERVICE_CATEGORIES.join(', ')}`);
      if (seen.has(category)) throw badUserInput(at(`changes[${i}].category`), 'names a category already in the list');
      seen.add(category);
      if (typeof item.enabled !== 'boolean') throw badUserInput(at(`changes[${i}].enabled`), 'must be true (enable) or false (block)');
      return { category, enabled: item.enabled };
    });
    return { number: checkMobileNumber(raw.number, at('number')), changes };
  },
  targetId: (input) => input.number,
  refusal(line, input, at) {
    if (line.kind === 'PREPAID') return 'Network services can be managed on postpaid lines only: this line is prepaid.';
    const unusable = unmanageable(line, 'network services');
    if (unusable) return unusable;
    const current = new Map(settingsOf(line).networkServices.map((s) => [s.category, s.enabled]));
    input.changes.forEach(({ category }, i) => {
      if (!current.has(category)) throw badUserInput(at(`changes[${i}].category`), 'is not a category this line has');
    });
    return input.changes.some((c) => current.get(c.category) !== c.enabled) ? null : 'The line\'s network services are already set so.';
  },
  crm: (_line, input) => ({
    parameters: Object.fromEntries(input.changes.map((c) => [CRM_NETWORK_CATEGORIES[c.category], c.enabled ? 'ABILITATA' : 'BLOCCATA'])),
  }),
};
