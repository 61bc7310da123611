import { request } from 'undici';

/**
 * issue 20. The SMS gateway (legacy/sms/ is its stand-in), over its HTTP API: one message to one Italian mobile
 * number. A production deployment points SMS_URL and SMS_API_KEY at the operator's gateway. The text is never
 * logged: it carries one-time codes.
 */
export interface SmsClient {
  /** Resolves once the gateway accepted the message; rejects with SmsNotSent otherwise. */
  send(mobile: string, text: string): Promise<void>;
}

export class SmsNotSent extends Error {}

/** A gateway that has not answered in this long is not going to: the user asks for a new code. */
const TIMEOUT_MS = 5_000;

/** `3485180611` or `+393485180611` → `+393485180611`, the form the gateway takes. */
export const e164 = (mobile: string) => (mobile.startsWith('+') ? mobile : `+39${mobile}`);

export function createSmsClient(opts: { url: string; apiKey: string; sender?: string }): SmsClient {
  return {
    async send(mobile, text) {
      const res = await request(`${opts.url}/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.apiKey}` },
        body: JSON.stringify({ to: e164(mobile), text, sender: opts.sender ?? 'TIM' }),
        headersTimeout: TIMEOUT_MS,
        bodyTimeout: TIMEOUT_MS,
      }).catch((err: unknown) => {
        throw new SmsNotSent(`the SMS gateway could not be reached (${err instanceof Error ? err.name : 'error'})`);
      });
      await res.body.dump();
      if (res.statusCode !== 202 && res.statusCode !== 200 && res.statusCode !== 201) throw new SmsNotSent(`the SMS gateway answered HTTP ${res.statusCode}`);
    },
  };
}
