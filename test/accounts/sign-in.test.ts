import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../adapters/mail';
import { createSmsClient } from '../../adapters/sms';
import { startTestStack, type TestStack } from '../support/stack';
import { mailTo, smsTo } from '../support/messages';

/**
 * Issue 20: the customer area's own sign-in, through the real stack: the SMS gateway and the e-mail relay the
 * launcher starts, the IdP's anonymous flows (SMS code, username and password recovery, seed 004), and the token
 * they end with, which the gateway accepts. Codes are read from the SMS gateway's admin port, as from a phone.
 */
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe('the external systems of the accounts', () => {
  it('ACC-11 the SMS gateway and the e-mail relay run in the stack: what the adapters send is read back from their admin ports', async () => {
    const sms = createSmsClient({ url: stack.components.get('sms')!.url, apiKey: 'onegraph-sms' });
    await sms.send('3400000001', 'prova di invio');
    expect((await smsTo(stack, '3400000001')).map((m) => m.text)).toEqual(['prova di invio']);
    await expect(createSmsClient({ url: stack.components.get('sms')!.url, apiKey: 'wrong' }).send('3400000001', 'x')).rejects.toThrow(/HTTP 401/);

    const mailer = createMailer({ smtpUrl: stack.components.get('mail')!.url, from: 'noreply@timbusiness.example' });
    await mailer.send({ to: 'Ginevra@Example.it', subject: 'Benvenuta', text: 'Gentile cliente, è tutto pronto.' });
    mailer.close();
    const [mail] = await mailTo(stack, 'ginevra@example.it');
    expect(mail).toMatchObject({ from: 'noreply@timbusiness.example', subject: 'Benvenuta', text: 'Gentile cliente, è tutto pronto.\n' });
  });
});
