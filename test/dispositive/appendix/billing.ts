import { confirmed as withSummary, NO_CONFIRMATION } from '../../support/change-summary';
import type { TestStack } from '../../support/stack';
import { call, type Fixture, type Input } from './fixture';

/**
 * Seed 002 §7.5.1–§7.5.4 (Appendix rows 22–26): the spending thresholds of the CM8 ROA. Every request quotes the
 * confirmationRef of the summary its user downloaded first (changeSummary); a reused key quotes a
 * well-formed reference that confirms nothing, which the key's conflict answers first.
 */
const activate = call('activateSpendingThresholds', 'ActivateSpendingThresholdsInput', { list: true });
const change = call('changeSpendingThresholds', 'ChangeSpendingThresholdsInput', { list: true });
const changeRoaming = call('changeRoamingDataThresholds', 'ChangeRoamingDataThresholdsInput', { list: true });
const cease = call('ceaseSpendingThresholds', 'CeaseSpendingThresholdsInput', { list: true });

/** The request as sent, with the confirmation of the summary `user` downloads for it. */
function confirmed(mutation: string, numbers: string[], terms: Input) {
  return (token: string, stack: TestStack): Promise<Input> => withSummary(stack, token, mutation, { lines: numbers.map((number) => ({ number })), ...terms });
}
const unconfirmed = (numbers: string[], terms: Input): Input => ({ lines: numbers.map((number) => ({ number })), ...terms, confirmationRef: NO_CONFIRMATION });

/** Contract 888010088938 (postpaid, ROA vincenzo.roa) and 888012234558 (prepaid, ROA pasquale.eu). */
export const BILLING_FIXTURES: Record<number, Fixture> = {
  22: { user: 'vincenzo.roa', run: activate(confirmed('activateSpendingThresholds', ['3312547883'], { nature: 'INFORMATIVE', period: 'MONTHLY', amount: '60' })),
    reuse: activate(unconfirmed(['3312547883'], { nature: 'INFORMATIVE', period: 'MONTHLY', amount: '70' })),
    bad: { input: unconfirmed(['3312547883'], { nature: 'INFORMATIVE', period: 'DAILY', amount: '0' }), field: 'input.amount' } },
  23: { user: 'vincenzo.roa', run: change(confirmed('changeSpendingThresholds', ['3312547899'], { amount: '70' })),
    reuse: change(unconfirmed(['3312547899'], { amount: '80' })),
    bad: { input: unconfirmed(['3312547899'], { amount: '7,5x' }), field: 'input.amount' } },
  24: { user: 'vincenzo.roa', run: changeRoaming(confirmed('changeRoamingDataThresholds', ['3312544025'], { amount: '80' })),
    reuse: changeRoaming(unconfirmed(['3312544025'], { amount: '90' })),
    bad: { input: unconfirmed(['33125'], { amount: '80' }), field: 'input.lines[0].number' } },
  25: { user: 'pasquale.eu', run: changeRoaming(confirmed('changeRoamingDataThresholds', ['3700801103'], { nature: 'DISPOSITIVE' })),
    reuse: changeRoaming(unconfirmed(['3700801103'], { nature: 'INFORMATIVE' })),
    bad: { input: { lines: [{ number: '3700801103' }], nature: 'DISPOSITIVE' }, field: 'input.confirmationRef' } },
  26: { user: 'vincenzo.roa', run: cease(confirmed('ceaseSpendingThresholds', ['3312547516'], {})),
    // The reference is not part of the request (a retry may quote a newer one): the reuse is another operation.
    reuse: change(unconfirmed(['3312547516'], { amount: '90' })),
    bad: { input: { lines: [{ number: '3312547516' }], confirmationRef: 'not-a-reference' }, field: 'input.confirmationRef' } },
};
