import type { Contract } from '../../../adapters/domain';
import { badUserInput } from '../../../adapters/errors';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { CONTRACT } from '../../runtime/dispositive/targets';
import { checkPostalCode, checkProvince } from '../../runtime/validators/postal-address';
import { checkOptionalText, checkRequiredText } from '../../runtime/validators/text';
import { checkContractNumber } from '../../runtime/validators/contract-number';

/**
 * Seed 002 §7.1.3 (Appendix rows 3 and 4; ACC-10): where a contract's invoices and its traffic documentation are
 * sent. CRM applies the change in the pratica's transaction (legacy/crm/contract-data-effects.ts) and the contract's
 * details show it at once. Only the invoice address has an "All'attenzione di" (the seed's two forms).
 */
interface AddressChange {
  contractNumber: string;
  address: { attentionOf?: string; street: string; houseNumber: string; postalCode: string; city: string; province: string };
}

const record = (raw: unknown): Record<string, unknown> => (raw !== null && typeof raw === 'object' ? raw as Record<string, unknown> : {});

function deliveryAddress(field: string, appendixRow: number, pratica: string, withAttention: boolean): DispositiveDeclaration<AddressChange, Contract> {
  return {
    field,
    appendixRows: [appendixRow],
    capabilities: ['ACC-10'],
    pratica,
    ordine: false,
    target: CONTRACT,
    validate(raw, at) {
      const a = record(raw.address);
      const attentionOf = checkOptionalText(a.attentionOf, at('address.attentionOf'), 60);
      if (attentionOf !== undefined && !withAttention) throw badUserInput(at('address.attentionOf'), "this address has no 'attention of'");
      return {
        contractNumber: checkContractNumber(raw.contractNumber, at('contractNumber')),
        address: {
          ...(attentionOf !== undefined && { attentionOf }),
          street: checkRequiredText(a.street, at('address.street'), 80),
          houseNumber: checkRequiredText(a.houseNumber, at('address.houseNumber'), 10),
          postalCode: checkPostalCode(a.postalCode, at('address.postalCode')),
          city: checkRequiredText(a.city, at('address.city'), 60).toUpperCase(),
          province: checkProvince(a.province, at('address.province')),
        },
      };
    },
    targetId: (input) => input.contractNumber,
    refusal: (contract) => (contract.status === 'CEASED' ? "A ceased contract's addresses cannot be changed." : null),
    crm: (_contract, { address: a }) => ({
      parameters: {
        ...(a.attentionOf && { allAttenzione: a.attentionOf }),
        indirizzo: a.street, civico: a.houseNumber, cap: a.postalCode, comune: a.city, provincia: a.province,
      },
    }),
  };
}

export const CHANGE_INVOICE_DELIVERY_ADDRESS = deliveryAddress('changeInvoiceDeliveryAddress', 3, 'Modifica recapito rendiconto', true);
export const CHANGE_TRAFFIC_DOCUMENTATION_ADDRESS = deliveryAddress('changeTrafficDocumentationAddress', 4, 'Modifica recapito doc traffico', false);
