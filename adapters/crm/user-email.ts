import { notFound } from '../errors';
import { UnusableAnswer } from '../legacy-answer';
import type { CrmCall } from './inventory';
import { optionalRecord, text } from './soap';

/**
 * h-invoice (issue 12). The e-mail of a user's portal registration (`AggiornaEmailUtente`), which "La mia fattura"'s
 * MODIFICA EMAIL changes with the invoice notification address (seed 002 §9.2.1.2). Idempotent under the key and
 * fingerprint like CreaPratica (the same key with another fingerprint: BAD_USER_INPUT on `input.idempotencyKey`).
 */
export interface CrmUserEmail {
  /** Sets the user's e-mail once per key; answers his e-mail as CRM holds it now (after a replay: as it is now). */
  set(change: { userId: string; email: string; idempotencyKey: string; fingerprint: string }): Promise<string>;
}

export function createCrmUserEmail(call: CrmCall): CrmUserEmail {
  return {
    set: ({ userId, email, idempotencyKey, fingerprint }) => call('AggiornaEmailUtente',
      { idUtente: userId, email, chiaveIdempotenza: idempotencyKey, impronta: fingerprint }, (answer) => {
        const user = optionalRecord(answer, 'utente');
        if (!user) throw new UnusableAnswer('no utente in AggiornaEmailUtenteResponse');
        return text(user, 'email');
      }, () => {
        throw notFound('This user');
      }),
  };
}
