import { createHash, timingSafeEqual } from 'node:crypto';
import { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from '../data/users';
import { largeCustomer } from '../data/large';

/**
 * The IdP's user store: the demo users plus the representative of every generated large customer, all with the
 * demo password. CRM holds the same users with their grants; the IdP only answers "who is this".
 */
export type CredentialCheck = { ok: true; user: DemoUser } | { ok: false };

export function createCredentialStore(largeCustomers: readonly { id: string; lines: number }[]) {
  const users = new Map<string, DemoUser>();
  for (const u of DEMO_USERS) users.set(u.username, u);
  for (const { id, lines } of largeCustomers) {
    for (const u of largeCustomer(id, lines).users) users.set(u.username, u);
  }
  const expected = digest(DEMO_PASSWORD);

  return {
    check(username: string, password: string): CredentialCheck {
      const user = users.get(username);
      // Compare even for an unknown user, so that the answer time does not tell which usernames exist.
      const passwordMatches = timingSafeEqual(digest(password), expected);
      if (!user || !passwordMatches || user.status !== 'ATTIVA') return { ok: false };
      return { ok: true, user };
    },
  };
}
export type CredentialStore = ReturnType<typeof createCredentialStore>;

/** Equal-length digests, because timingSafeEqual refuses inputs of different lengths. */
function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
