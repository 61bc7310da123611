import type { IncomingMessage } from 'node:http';
import { jsonObjectBody } from '../runtime/json-body';
import { json, LegacyFault, type LegacyProtocol, type StandInReply } from '../runtime/server';
import type { SmsRow, SmsStore } from './store';

/**
 * An SMS gateway's HTTP API, shaped like the bulk-SMS providers': `POST /v1/messages` with `Authorization: Bearer
 * <key>` and `{"to": "+393…", "text": "…", "sender": "TIM"}` answers 202 with the message id once the message is
 * accepted for delivery. Errors: `{"error":{"code","message"}}`. The recipient is an Italian mobile number in E.164.
 */
export const E164_ITALIAN_MOBILE = /^\+393\d{8,9}$/;
/** Four concatenated SMS of 153 GSM characters: a one-time code needs one. */
export const MAX_TEXT_LENGTH = 612;

export const smsJson = (m: SmsRow) => ({ id: m.id, to: m.recipient, sender: m.sender, text: m.text, acceptedAt: m.accepted_at });

function send(store: SmsStore, body: Buffer): StandInReply {
  const refuse = (message: string) => new LegacyFault(400, 'invalid_request', message);
  const input = jsonObjectBody(body, () => refuse('the body must be a JSON object'));
  const { to, text, sender } = input;
  if (typeof to !== 'string' || !E164_ITALIAN_MOBILE.test(to)) throw refuse('to: an Italian mobile number in E.164 (+393…)');
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_TEXT_LENGTH) throw refuse(`text: 1 to ${MAX_TEXT_LENGTH} characters`);
  if (sender !== undefined && (typeof sender !== 'string' || !/^[A-Za-z0-9 ]{1,11}$/.test(sender))) throw refuse('sender: up to 11 letters or digits');
  const row = store.accept(to, (sender as string | undefined) ?? 'TIM', text);
  return json(202, { id: row.id, status: 'ACCEPTED' });
}

export function smsProtocol(store: SmsStore, apiKey: string): LegacyProtocol {
  return {
    route(req: IncomingMessage, body: Buffer) {
      const path = new URL(req.url ?? '/', 'http://sms').pathname;
      if (req.method === 'POST' && path === '/v1/messages') return { operation: 'messages/send', run: () => send(store, body) };
      throw new LegacyFault(404, 'not_found', `no route ${req.method} ${path}`);
    },
    errorReply: (_operation, status, code, text) =>
      json(status, { error: { code: code === 'UNAVAILABLE' || code === 'INTERNAL' ? 'service_unavailable' : code, message: text } }),
    malform: (reply) => ({ ...reply, body: Buffer.from(reply.body).subarray(0, 5) }),
    authenticate: (req) => (req.headers.authorization === `Bearer ${apiKey}`
      ? null
      : json(401, { error: { code: 'unauthorized', message: 'invalid API key' } })),
  };
}
