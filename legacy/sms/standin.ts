import { json, type StandInOptions } from '../runtime/server';
import { readStandInSettings } from '../runtime/settings';
import { smsJson, smsProtocol } from './protocol';
import { openSmsStore } from './store';

/**
 * issue 20: the SMS gateway's stand-in (one-time codes of sign-in, registration and recovery). Its admin port adds
 * `GET /messages[?to=+393…]`, the messages it accepted, newest first: the tests read the codes there, as a user
 * reads his phone.
 */
export function smsStandIn(env?: Record<string, string | undefined>): StandInOptions {
  const settings = readStandInSettings(env);
  const store = openSmsStore(settings.dataDir);
  return {
    name: 'sms',
    protocol: smsProtocol(store, settings.smsApiKey),
    settings,
    defaultFault: { latencyMs: 80, jitterMs: 30 },
    admin: (method, url) => (method === 'GET' && url.pathname === '/messages'
      ? json(200, store.sent(url.searchParams.get('to') ?? undefined).map(smsJson))
      : undefined),
    onClose: () => store.close(),
  };
}
