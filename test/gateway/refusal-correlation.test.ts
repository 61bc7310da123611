import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInRequestScope } from '../../observability/request-scope';
import { refuse } from '../../stack/http/refuse';

/**
 * Every refusal of the gateway's HTTP front (uploads, downloads, a draining process, a body too large) carries the
 * `correlationId` the README promises on every error (issue 25 item 5), in the body and in `x-correlation-id`.
 */
let server: Server;
let url = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/in-scope') {
      runInRequestScope({ correlationId: 'req-42', operationName: 'anonymous', legacyCalls: {} }, () => refuse(res, 403, 'FORBIDDEN', 'This download link is not valid.'));
    } else refuse(res, 503, 'SERVICE_UNAVAILABLE', 'The service is restarting; try again.', true);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a refusal by the HTTP front', () => {
  it('carries the request\'s correlation id, as its log lines do', async () => {
    const res = await fetch(`${url}/in-scope`);
    expect(res.headers.get('x-correlation-id')).toBe('req-42');
    expect(await res.json()).toEqual({ errors: [{ message: 'This download link is not valid.', extensions: { code: 'FORBIDDEN', correlationId: 'req-42' } }] });
  });

  it('outside a request (draining) carries a new one, the same in the body and the header', async () => {
    const res = await fetch(`${url}/draining`);
    const body = await res.json() as { errors: { extensions: { correlationId: string } }[] };
    expect(body.errors[0].extensions.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('x-correlation-id')).toBe(body.errors[0].extensions.correlationId);
  });
});
