import type { Stack } from '../../stack/launch';

/**
 * issue 20: what the stack's SMS gateway and e-mail relay were given, read from their admin ports as a user reads his
 * phone and his mailbox, newest first.
 */
export interface SentSms { id: string; to: string; sender: string; text: string; acceptedAt: string }
export interface ReceivedMail { id: string; from: string; to: string[]; subject: string; text: string; receivedAt: string }

async function adminJson<T>(stack: Pick<Stack, 'components'>, name: 'sms' | 'mail', path: string): Promise<T> {
  const adminUrl = stack.components.get(name)?.adminUrl;
  if (!adminUrl) throw new Error(`${name} has no admin URL`);
  const res = await fetch(`${adminUrl}${path}`);
  if (!res.ok) throw new Error(`${name} admin ${path}: HTTP ${res.status}`);
  return res.json() as Promise<T>;
}

/** The SMS accepted for this number (national `3485180611` or `+39…`). */
export const smsTo = (stack: Pick<Stack, 'components'>, mobile: string) =>
  adminJson<SentSms[]>(stack, 'sms', `/messages?to=${encodeURIComponent(mobile.startsWith('+') ? mobile : `+39${mobile}`)}`);

export const mailTo = (stack: Pick<Stack, 'components'>, address: string) =>
  adminJson<ReceivedMail[]>(stack, 'mail', `/messages?to=${encodeURIComponent(address)}`);

/**
 * The six-digit code of the newest SMS to this number, once it has arrived (the IdP sends after it answers): polled,
 * not slept for, up to `timeoutMs`; `newerThan` skips the messages already read.
 */
export async function newestCode(stack: Pick<Stack, 'components'>, mobile: string, newerThan = 0, timeoutMs = 5_000): Promise<{ code: string; text: string; count: number }> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const sent = await smsTo(stack, mobile);
    if (sent.length > newerThan) {
      const code = /\b(\d{6})\b/.exec(sent[0].text)?.[1];
      if (!code) throw new Error('the newest SMS carries no six-digit code');
      return { code, text: sent[0].text, count: sent.length };
    }
    if (Date.now() > until) throw new Error(`no new SMS to ${mobile} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
