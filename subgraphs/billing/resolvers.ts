import type { Invoice } from '../../adapters/domain';
import type { PrepaidChange } from '../../adapters/ebill/tim-tuo-prepaid';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../runtime/scalars';
import type { Resolvers } from '../runtime/server';
import { parseInvoicesArgs, type InvoicesArgs } from './arguments';
import { invoiceDocument, invoiceDocumentUrl } from './document';
import { findVisibleInvoice, listEbillInvoices, listFixedInvoices, TWELVE_MONTHS, UNPAID_FIVE_YEARS, type InvoiceList } from './invoices';
import { badUserInput } from '../../adapters/errors';
import { billedTrafficUrl, ebillAccess, TEM_MODULE } from './ebill-portal';
import { timTuoOf } from './tim-tuo';
import { BILLING_OPERATIONS } from './operations';
import { dispositiveMutations } from '../runtime/dispositive/resolvers';
import { loadVisibleLine } from '../runtime/lines';
import { prepaidOutcomeChange, timTuoPrepaidOf } from './tim-tuo-prepaid';
import { dualBillingInvoicesOf, personalInvoicingOf, personalInvoicingResolvers } from './personal-invoicing';
import { billedConsumption, networkManagement } from './fixed-reports';
import { mergedDocumentUrl } from './invoice-merge-target';
import { changeInvoiceNotificationEmail } from './notification-email';
import { employeeTimTuoField, employeeTimTuoResolvers } from './employee-tim-tuo';
import { invoicePaymentResolvers } from './invoice-payment';
import { checkThirdPartyKey, findThirdPartyInvoice, printedLine, type ThirdPartyInvoice as ThirdPartyInvoiceTarget } from './third-party-invoice-target';
import { invoicesFileUrl } from './invoice-files';

/** One page of one list of invoices, of the kind asked, from the system that holds them. */
function invoicePage(args: InvoicesArgs, context: Parameters<typeof listFixedInvoices>[0], list: InvoiceList) {
  const { page, criteria } = parseInvoicesArgs(args);
  return args.kind === 'FIXED' ? listFixedInvoices(context, criteria, page, list) : listEbillInvoices(context, args.kind, criteria, page, list);
}

/** BIL-01, BIL-02, BIL-03. Domain enums (kind, payment status) match the SDL, so most fields resolve by default. */
export const resolvers: Resolvers = {
  Date: DateScalar,
  Decimal: DecimalScalar,
  DateTime: DateTimeScalar,
  Query: {
    invoices: (_root, args: InvoicesArgs, context) => invoicePage(args, context, TWELVE_MONTHS),
    // Issue 22 (BIL-05): the invoices still to pay, up to 5 years back.
    unpaidInvoices: (_root, args: InvoicesArgs, context) => {
      if (args.paymentStatus === 'PAID') throw badUserInput('paymentStatus', 'the unpaid list holds TO_PAY and OVERDUE invoices only');
      return invoicePage(args, context, UNPAID_FIVE_YEARS);
    },
    invoice: (_root, { number }: { number: string }, context) => findVisibleInvoice(context, number),
    invoicesFileUrl: (_root, args: { kind: InvoicesArgs['kind']; unpaid?: boolean | null }, context) => invoicesFileUrl(args, context), // issue 22
    ebillAccess,
    temModule: () => TEM_MODULE,
    // issue 22 (BIL-06): another customer's invoice, as "Fatture di terzi" finds it.
    thirdPartyInvoice: (_root, args: { number: unknown; lineNumber: unknown }, context) => {
      const { number, lineNumber } = checkThirdPartyKey(args.number, args.lineNumber, (field) => field);
      return findThirdPartyInvoice(number, lineNumber, context);
    },
    // issue 22 (CON-04): the "Report" section's fixed side, EBPFA's billing reports.
    billedConsumption: (_root, args: Parameters<typeof billedConsumption>[0], context) => billedConsumption(args, context),
    networkManagement: (_root, _args, context) => networkManagement(context),
  },
  // issue 22 (BIL-07): the merge the outcome holds (invoice-merge-target.ts).
  InvoiceMerge: { produced: ({ merge }: { merge: { produced: boolean } | null }) => merge?.produced ?? false, documentUrl: mergedDocumentUrl },
  ThirdPartyInvoice: { lineNumber: printedLine },
  // The engine's outcome holds the target (the invoice and its payer): the client sees the invoice's columns.
  ThirdPartyInvoicePaymentReportOutcome: { invoice: ({ invoice }: { invoice: ThirdPartyInvoiceTarget }) => invoice.invoice },
  Invoice: {
    // Other subgraphs reference invoices by number: the same scoping, or an entity fetch would leak a foreign invoice.
    __resolveReference: ({ number }: { number: string }, context) => findVisibleInvoice(context, number),
    documentUrl: (invoice: Invoice, _args, { identity, downloads }) => invoiceDocumentUrl(invoice, identity, downloads),
    document: (invoice: Invoice, _args, { legacy }) => invoiceDocument(invoice, legacy),
    billedTrafficUrl,
  },
  // issue 11: TIM TUO on the lines the mobile subgraph serves, scoped like everywhere else.
  MobileLine: {
    __resolveReference: ({ number }: { number: string }, { identity, loaders }) =>
      loadVisibleLine(identity, 'MobileLine', loaders.crm.mobileLines, number),
    timTuo: timTuoOf,
    timTuoPrepaid: timTuoPrepaidOf, // h-prepaid (seed 002 §9.2.1.3)
    // h-invoice (issue 12): "La mia fattura" (seed 002 §9.2.1.2).
    personalInvoicing: personalInvoicingOf,
    employeeTimTuo: employeeTimTuoField, // h-tuopost (issue 12)
    dualBillingInvoices: dualBillingInvoicesOf, // issue 22 (BIL-12): a company line's Dual Billing
  },
  // h-prepaid: what eBill made of the change the outcome's request asked.
  TimTuoPrepaidChangeOutcome: { change: prepaidOutcomeChange },
  TimTuoPrepaidChange: { requestId: (change: PrepaidChange) => change.operationId },
  Mutation: {
    ...dispositiveMutations(BILLING_OPERATIONS),
    // h-invoice (issue 12): not a pratica (notification-email.ts).
    changeInvoiceNotificationEmail,
    ...employeeTimTuoResolvers.Mutation,
    ...invoicePaymentResolvers.Mutation, // issue 22: startInvoicePayment (BIL-04)
  },
  InvoicePayment: invoicePaymentResolvers.InvoicePayment,
  PaidInvoice: invoicePaymentResolvers.PaidInvoice,
  PaidThirdPartyInvoice: invoicePaymentResolvers.PaidInvoice, // BIL-06: the same confirmation, the page's columns of the invoice
  ...personalInvoicingResolvers,
  // h-tuopost (issue 12): TIM TUO as the employee.
  EmployeeTimTuo: employeeTimTuoResolvers.EmployeeTimTuo,
  TimTuoBillingAccount: employeeTimTuoResolvers.TimTuoBillingAccount,
};
