import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { logger } from '../../observability/logger';
import type { MailStore } from './store';

/**
 * issue 20: the e-mail relay of the embedded default. An SMTP server (smtp-server, the library nodemailer's authors
 * keep) that accepts every message for any recipient and keeps it, and an admin port: `GET /messages[?to=address]`,
 * newest first, decoded by mailparser (the tests read certification links there, as a user reads his mailbox), and
 * `GET /health`. No TLS and no AUTH: it listens on loopback and relays nothing further.
 */
export interface RunningRelay { url: string; adminUrl: string; close(): Promise<void> }

/** A message larger than this is refused at DATA: the project's e-mails are a few kilobytes. */
const MAX_MESSAGE_BYTES = 1024 * 1024;

export async function startMailRelay(opts: { host: string; port: number; adminPort: number; store: MailStore }): Promise<RunningRelay> {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    banner: 'onegraph mail relay (stand-in)',
    logger: false,
    // A stop waits for open sessions this long at most, not smtp-server's 30 s.
    closeTimeout: 1000,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          if (stream.sizeExceeded) return callback(Object.assign(new Error('message too large'), { responseCode: 552 }));
          opts.store.keep({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address.toLowerCase() : '',
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
          });
          callback();
        })
        .catch((err: unknown) => {
          logger.warn({ err }, 'unreadable message refused');
          callback(Object.assign(new Error('message not understood'), { responseCode: 554 }));
        });
    },
  });
  smtp.on('error', (err) => logger.warn({ err }, 'smtp session failed'));
  await new Promise<void>((resolve, reject) => {
    smtp.server.once('error', reject);
    smtp.listen(opts.port, opts.host, () => resolve());
  });

  const admin: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://admin');
    const reply = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    if (req.method === 'GET' && url.pathname === '/health') return reply(200, { system: 'mail', down: false });
    if (req.method === 'GET' && url.pathname === '/messages') return reply(200, opts.store.received(url.searchParams.get('to') ?? undefined));
    reply(404, { error: 'no such admin endpoint' });
  });
  await new Promise<void>((resolve, reject) => {
    admin.once('error', reject);
    admin.listen(opts.adminPort, opts.host, () => resolve());
  });

  const smtpPort = (smtp.server.address() as AddressInfo).port;
  return {
    url: `smtp://${opts.host}:${smtpPort}`,
    adminUrl: `http://${opts.host}:${(admin.address() as AddressInfo).port}`,
    async close() {
      await Promise.all([
        new Promise<void>((resolve) => smtp.close(() => resolve())),
        new Promise<void>((resolve) => {
          admin.close(() => resolve());
          admin.closeAllConnections();
        }),
      ]);
      opts.store.close();
    },
  };
}
