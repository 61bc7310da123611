import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOneTimeCodes, MAX_CODE_TRIES } from '../../legacy/idp/one-time-codes';
import { inProcessRateLimiter } from '../../legacy/idp/rate-limit';
import { hashPassword, verifyPassword } from '../../legacy/idp/passwords';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Mail } from '../../adapters/mail';
import { issueAccessToken } from '../../legacy/idp/access-token';
import { accountChanges, EMAIL_LINK_TTL_MS } from '../../legacy/idp/account-changes';
import { createCredentialStore } from '../../legacy/idp/credentials';
import { loadOrCreateSigningKey } from '../../legacy/idp/signing-key';

/** Issue 20: the IdP's rules on their own: one-time codes, rate limits, password hashes, the e-mail link's 48 hours (the flows through the stack: customer-accounts.test.ts). */
afterEach(() => {
  vi.useRealTimers();
});

describe('ACC-11 one-time codes', () => {
  it('ACC-11 a code is valid five minutes: at 4:59 it works, at 5:00 it is gone', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const codes = createOneTimeCodes();
    const code = codes.issue('signin:3485180611');
    expect(code).toMatch(/^\d{6}$/);
    vi.advanceTimersByTime(4 * 60_000 + 59_000);
    const second = codes.issue('signin:3331112223');
    expect(codes.check('signin:3485180611', code)).toBe('ok');
    vi.advanceTimersByTime(5 * 60_000);
    expect(codes.check('signin:3331112223', second)).toBe('none');
  });

  it(`ACC-11 ${MAX_CODE_TRIES} wrong tries burn the code; a new code replaces the old one`, () => {
    const codes = createOneTimeCodes();
    const first = codes.issue('reset:luca.ferri');
    const latest = codes.issue('reset:luca.ferri');
    if (first !== latest) expect(codes.check('reset:luca.ferri', first)).toBe('wrong');
    const wrong = latest === '999999' ? '999998' : '999999';
    while (codes.check('reset:luca.ferri', wrong) === 'wrong');
    expect(codes.check('reset:luca.ferri', latest)).toBe('none');
  });
});

describe('ACC-11 rate limits and passwords', () => {
  it('ACC-11 a key has its window of calls; another key has its own, and the window reopens', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const limiter = inProcessRateLimiter({ limit: 2, windowMs: 60_000 });
    const taken = [];
    for (const key of ['a', 'a', 'a', 'b']) taken.push(await limiter.take(key));
    expect(taken).toEqual([true, true, false, true]);
    vi.advanceTimersByTime(60_000);
    expect(await limiter.take('a')).toBe(true);
  });

  it('ACC-11 a password is stored as a salted scrypt hash that verifies it and nothing else', async () => {
    const [one, two] = await Promise.all([hashPassword('Nuova2026password'), hashPassword('Nuova2026password')]);
    expect(one).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(one).not.toBe(two);
    expect(await verifyPassword('Nuova2026password', one)).toBe(true);
    expect(await verifyPassword('nuova2026password', one)).toBe(false);
  });
});

describe('ACC-03 the link that confirms a new registration e-mail', () => {
  it('ACC-03 is valid 48 hours: opened at 47:59 it changes the address, opened at 48:00 it is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idp-'));
    const key = await loadOrCreateSigningKey(dir);
    const credentials = createCredentialStore([]);
    const sent: Mail[] = [];
    const changes = accountChanges({
      key, issuer: 'iss', audience: 'aud', credentials, limiter: inProcessRateLimiter({ limit: 10, windowMs: 60_000 }),
      mailer: { send: async (mail) => void sent.push(mail), close: () => undefined },
    });
    const user = credentials.activeUser('luca.ferri')!;
    const authorization = `Bearer ${await issueAccessToken(key, user, { issuer: 'iss', audience: 'aud' })}`;
    const linkOf = async (email: string) => {
      await changes.requestEmailChange(authorization, { email }, 'http://idp');
      await vi.waitFor(() => expect(sent.some((m) => m.to === email)).toBe(true));
      return new URL(/http:\S+/.exec(sent.find((m) => m.to === email)!.text)![0]).searchParams.get('token')!;
    };
    vi.useFakeTimers({ toFake: ['Date'] });
    const late = await linkOf('tardi@example.com');
    const onTime = await linkOf('in.tempo@example.com');
    vi.advanceTimersByTime(EMAIL_LINK_TTL_MS - 1_000);
    expect(await changes.confirmEmail(onTime)).toEqual({ status: 200, body: { email: 'in.tempo@example.com' } });
    vi.advanceTimersByTime(1_000);
    expect(await changes.confirmEmail(late)).toMatchObject({ status: 400, body: { error: 'invalid_link' } });
    expect(credentials.activeUser('luca.ferri')!.email).toBe('in.tempo@example.com');
    rmSync(dir, { recursive: true, force: true });
  });
});
