import { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from '../data/users';
import { largeCustomer } from '../data/large';
import { openDatabase } from '../runtime/db';
import { hashPassword, verifyPassword } from './passwords';

/**
 * The IdP's user store: the demo users plus the representative of every generated large customer. CRM holds the
 * same users with their grants; the IdP only answers "who is this". issue 20: a password a user set (recovery) is
 * kept as a scrypt hash in the IdP's SQLite file; the others are the demo password, whose hash is made once at start.
 * Every check runs one scrypt, known user or not, so that the answer time does not tell which usernames exist.
 */
export type CredentialCheck = { ok: true; user: DemoUser } | { ok: false };

const SCHEMA = `CREATE TABLE IF NOT EXISTS passwords (username TEXT PRIMARY KEY, hash TEXT NOT NULL, set_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS registered_users (username TEXT PRIMARY KEY, user TEXT NOT NULL);`;

/** Where set passwords and registered users are kept: the IdP's data directory, or memory (in-process tests). */
function passwordTable(dataDir?: string) {
  if (!dataDir) {
    const map = new Map<string, string>();
    const registered: DemoUser[] = [];
    return {
      get: (u: string) => map.get(u), set: (u: string, h: string) => void map.set(u, h), close: () => undefined,
      registered: () => registered, register: (user: DemoUser) => void registered.push(user), updateRegistered: (_user: DemoUser) => undefined,
    };
  }
  const db = openDatabase(dataDir, 'idp', SCHEMA, () => undefined);
  return {
    registered: () => (db.prepare('SELECT user FROM registered_users').all() as { user: string }[]).map((r) => JSON.parse(r.user) as DemoUser),
    register: (user: DemoUser) => void db.prepare('INSERT INTO registered_users VALUES (?, ?)').run(user.username, JSON.stringify(user)),
    updateRegistered: (user: DemoUser) => void db.prepare('UPDATE registered_users SET user = ? WHERE username = ?').run(JSON.stringify(user), user.username),
    get: (u: string) => (db.prepare('SELECT hash FROM passwords WHERE username = ?').get(u) as { hash: string } | undefined)?.hash,
    set: (u: string, h: string) => void db.prepare('INSERT INTO passwords VALUES (?, ?, ?) ON CONFLICT (username) DO UPDATE SET hash = excluded.hash, set_at = excluded.set_at')
      .run(u, h, new Date().toISOString()),
    close: () => db.close(),
  };
}

export function createCredentialStore(largeCustomers: readonly { id: string; lines: number }[], dataDir?: string) {
  const users = new Map<string, DemoUser>();
  for (const u of DEMO_USERS) users.set(u.username, u);
  for (const { id, lines } of largeCustomers) {
    for (const u of largeCustomer(id, lines).users) users.set(u.username, u);
  }
  const passwords = passwordTable(dataDir);
  // issue 20: the users who registered themselves (registration.ts), kept in the IdP's file.
  for (const u of passwords.registered()) users.set(u.username, u);
  // A mobile number names the first active user registered with it (seed 000: one user per number and company).
  const byMobile = new Map<string, DemoUser>();
  const indexMobile = (u: DemoUser) => {
    if (u.mobile && u.status === 'ATTIVA' && !byMobile.has(u.mobile)) byMobile.set(u.mobile, u);
  };
  for (const u of users.values()) indexMobile(u);
  const demoHash = hashPassword(DEMO_PASSWORD);

  const store = {
    async check(username: string, password: string): Promise<CredentialCheck> {
      const user = users.get(username);
      const passwordMatches = await verifyPassword(password, passwords.get(username) ?? await demoHash);
      if (!user || !passwordMatches || user.status !== 'ATTIVA') return { ok: false };
      return { ok: true, user };
    },
    /** The active user of this mobile number (national form, `3485180611`), if any. */
    userOfMobile: (mobile: string): DemoUser | undefined => byMobile.get(mobile),
    /** The active user of this username, if any. */
    activeUser: (username: string): DemoUser | undefined => {
      const user = users.get(username);
      return user?.status === 'ATTIVA' ? user : undefined;
    },
    async setPassword(username: string, password: string): Promise<void> {
      passwords.set(username, await hashPassword(password));
    },
    /** ACC-03: the registration e-mail, confirmed by its link (account-changes.ts); kept for registered users. */
    setEmail(username: string, email: string): void {
      const user = users.get(username);
      if (!user) return;
      const changed = { ...user, email };
      users.set(username, changed);
      if (byMobile.get(user.mobile ?? '') === user) byMobile.set(user.mobile!, changed);
      passwords.updateRegistered(changed);
    },
    /** Whether a username is taken here (CRM checks its own when the user is created). */
    usernameTaken: (username: string) => users.has(username),
    /** issue 20: a user CRM has just created, with the password he chose: he can sign in at once. */
    async addRegistered(user: DemoUser, password: string): Promise<void> {
      const hash = await hashPassword(password);
      passwords.register(user);
      passwords.set(user.username, hash);
      users.set(user.username, user);
      indexMobile(user);
    },
    /**
     * issue 20 (ACC-08): a one-time password the legal representative's console had sent to a user CRM holds; a user
     * the console created becomes known here (kept with the registered ones), one already known only changes password.
     */
    async setConsoleCredentials(user: DemoUser, password: string): Promise<void> {
      if (users.has(user.username)) return store.setPassword(user.username, password);
      return store.addRegistered(user, password);
    },
    close: () => passwords.close(),
  };
  return store;
}
export type CredentialStore = ReturnType<typeof createCredentialStore>;
