import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { personalCheckLetter } from '../../subgraphs/runtime/validators/tax-code';
import { conformanceMatrix, D, F, type Capability, type Matrix } from '../support/conformance';
import { mailTo, smsTo } from '../support/messages';
import { counters, graphql, resetCounters, tokenFor, type TestStack } from '../support/stack';

/**
 * Issue 20 item 5, ACC-08 (seed 000 "Gestione utenze", seed 001): the legal representative's user console through the
 * real stack. Company A (1-VALL01) is Ginevra Vallisneri's (RL); its users are the demo users of spec/reference-data.md
 * plus "ricaricabile mobile", imported by CRM and not yet registered (legacy/data/company-users.ts). Company B's RL
 * (mario.rossi) and its user 1-U0011 are the other tenant.
 */
/**
 * spec/profiles.md §2, row "User management, on one or many users" (schema/profiles.yaml): RL yes, every other profile
 * no; the CM8 profiles and the holding referent have no console. Walked for every demo user; the matrix's stack is
 * the file's.
 */
const CONSOLE: Capability[] = [
  { id: 'ACC-08', what: 'the company users list', query: '{ companyUsers { totalCount nodes { id profile status } } }', path: ['companyUsers', 'nodes'] },
];
const MATRIX: Matrix = {
  'ginevra.vallisneri': { profile: 'RL (A)', cells: [D] },
  'mario.rossi': { profile: 'RL (B)', cells: [D] },
  'vincenzo.rl': { profile: 'RL of Ente KRISHNA', cells: [D] },
  'luca.ferri': { profile: 'AF (A)', cells: [F] },
  'sara.neri': { profile: 'AL (A), own line', cells: [F] },
  'giada.mantesi': { profile: 'UT, own line', cells: [F] },
  'paolo.verdi': { profile: 'UTD, own line', cells: [F] },
  'marta.holding': { profile: 'HOLDING (A and B)', cells: [F] },
  'cessato.fisso': { profile: 'CC', cells: [F] },
  'vincenzo.roa': { profile: 'ROA 888010088938', cells: [F] },
  'lavo.ebill': { profile: 'REF_EBILL 888010088938', cells: [F] },
  'umberto.traffic': { profile: 'TRAFFIC_MANAGER 888010088938', cells: [F] },
  'lucia.messaging': { profile: 'REF_MESSAGING 888010088938', cells: [F] },
  'pasquale.eu': { profile: 'EU 3312548681 + ROA 888012234558', cells: [F] },
  'gina.eu': { profile: 'EU, own prepaid line', cells: [F] },
  'massimiliano.roa': { profile: 'ROA of the second Ente', cells: [F] },
};
const matrix = conformanceMatrix(CONSOLE, MATRIX, { env: { MUTATIONS_PER_MINUTE: '1000' } });
let stack: TestStack;
beforeAll(() => {
  stack = matrix.stack();
});
const token = async (username: string) => matrix.token(username) ?? tokenFor(stack, username);

const USERS = `query($companyId: ID, $search: String, $status: CompanyUserStatus, $first: Int, $offset: Int) {
  companyUsers(companyId: $companyId, search: $search, status: $status, first: $first, offset: $offset) {
    totalCount nodes { id firstName lastName username line profile status createdOn } } }`;
const list = async (username: string, args: Record<string, unknown> = {}) => graphql(stack, USERS, args, await token(username));

const RESULT = `number refusal { code message field } outcome { request { id description status } order { id } user { id username line profile status } }`;
let keys = 0;
const key = () => `console-${Date.now()}-${keys++}`;
async function change(username: string, mutation: string, inputType: string, input: Record<string, unknown>) {
  return graphql(stack, `mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${RESULT} } }`,
    { input: { idempotencyKey: key(), ...input } }, await token(username));
}
const users = (...ids: string[]) => ({ users: ids.map((userId) => ({ userId })) });
const creaPratica = async () => (await counters(stack, 'crm')).CreaPratica ?? 0;

describe('ACC-08 the company users list', () => {
  it('ACC-08 lists company A\'s users to its legal representative: name, line, profile, status and date, by surname', async () => {
    const { body } = await list('ginevra.vallisneri', { first: 100 });
    expect(body.errors).toBeUndefined();
    const page = body.data.companyUsers;
    expect(page.totalCount).toBe(page.nodes.length);
    const byId = new Map(page.nodes.map((u: { id: string }) => [u.id, u]));
    expect(byId.get('1-U0004')).toEqual({ id: '1-U0004', firstName: 'GIADA', lastName: 'MANTESI', username: 'giada.mantesi', line: '3343860902',
      profile: 'UT', status: 'ACTIVE', createdOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(byId.get('1-U0006')).toMatchObject({ line: '3316779290', profile: 'UT', status: 'DISABLED' });
    expect(byId.get('1-U0007')).toMatchObject({ firstName: 'RICARICABILE', lastName: 'MOBILE', line: '3343860302', status: 'TO_REGISTER' });
    expect(byId.get('1-U0003')).toMatchObject({ profile: 'AL', line: '3343860405' });
    expect(byId.get('1-U0001')).toMatchObject({ firstName: 'GINEVRA', profile: 'RL', status: 'ACTIVE' });
    // Another company's users and the holding referent (seed 004: a group's, not the company's) are not the company's.
    expect(byId.has('1-U0011')).toBe(false);
    expect(byId.has('1-U0010')).toBe(false);
    expect(byId.has('1-U0015')).toBe(false);
    const surnames = page.nodes.map((u: { lastName: string }) => u.lastName);
    expect(surnames).toEqual([...surnames].sort());
  });

  it('ACC-08 filters by line or user and by status, and pages the list', async () => {
    const byLine = (await list('ginevra.vallisneri', { search: '334386090' })).body.data.companyUsers;
    expect(byLine.nodes.map((u: { id: string }) => u.id)).toEqual(['1-U0004']);
    const byName = (await list('ginevra.vallisneri', { search: 'mantesi' })).body.data.companyUsers;
    expect(byName.nodes.map((u: { id: string }) => u.id)).toEqual(['1-U0004']);
    const disabled = (await list('ginevra.vallisneri', { status: 'DISABLED' })).body.data.companyUsers;
    expect(disabled.nodes.every((u: { status: string }) => u.status === 'DISABLED')).toBe(true);
    expect(disabled.nodes.map((u: { id: string }) => u.id)).toContain('1-U0006');

    const all = (await list('ginevra.vallisneri', { first: 100 })).body.data.companyUsers;
    const first = (await list('ginevra.vallisneri', { first: 2 })).body.data.companyUsers;
    const second = (await list('ginevra.vallisneri', { first: 2, offset: 2 })).body.data.companyUsers;
    expect(first.totalCount).toBe(all.totalCount);
    expect([...first.nodes, ...second.nodes].map((u: { id: string }) => u.id)).toEqual(all.nodes.slice(0, 4).map((u: { id: string }) => u.id));
  });

  it('ACC-08 each legal representative sees his own company only: another company answers null, like an unknown one', async () => {
    const own = (await list('mario.rossi')).body.data.companyUsers;
    expect(own.nodes.map((u: { id: string }) => u.id)).toContain('1-U0011');
    expect(own.nodes.map((u: { id: string }) => u.id)).not.toContain('1-U0004');
    const foreign = await list('mario.rossi', { companyId: '1-VALL01' });
    const unknown = await list('mario.rossi', { companyId: '1-NONE99' });
    expect(foreign.body).toEqual({ data: { companyUsers: null } });
    expect(unknown.body).toEqual(foreign.body);
  });

  it('ACC-08 bad arguments are BAD_USER_INPUT naming the argument', async () => {
    for (const [args, field] of [[{ first: 0 }, 'first'], [{ offset: -1 }, 'offset'], [{ search: 'x'.repeat(61) }, 'search'], [{ companyId: '1 VALL' }, 'companyId']] as const) {
      const { body } = await list('ginevra.vallisneri', args);
      expect(body.errors?.[0]?.extensions, JSON.stringify(args)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});

describe('ACC-08 the export of the company users', () => {
  const REQUEST = `mutation($input: RequestCompanyUsersExportInput!) { requestCompanyUsersExport(input: $input) { id companyId format status requestedOn } }`;
  const MINE = '{ companyUsersExports { id companyId format status rows fileUrl } }';
  interface Export { id: string; status: string; rows: number | null; fileUrl: string | null }
  async function completed(id: string): Promise<Export> {
    for (const until = Date.now() + 60_000; ;) {
      const mine = (await graphql(stack, MINE, {}, await token('ginevra.vallisneri'))).body.data.companyUsersExports as Export[];
      const job = mine.find((j) => j.id === id);
      if (job?.status === 'COMPLETED') return job;
      if (Date.now() > until) throw new Error(`export ${id} not completed in time: ${JSON.stringify(job)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('ACC-08 exports the whole list as an XLSX through CRM\'s export jobs, downloadable once completed; the same key answers the same job', async () => {
    const input = { format: 'XLSX', idempotencyKey: 'users-export-0001' };
    const asked = (await graphql(stack, REQUEST, { input }, await token('ginevra.vallisneri'))).body;
    expect(asked.errors).toBeUndefined();
    expect(asked.data.requestCompanyUsersExport).toMatchObject({ companyId: '1-VALL01', format: 'XLSX', id: expect.stringMatching(/^EXP-\d+$/) });
    const { id } = asked.data.requestCompanyUsersExport;
    expect((await graphql(stack, REQUEST, { input }, await token('ginevra.vallisneri'))).body.data.requestCompanyUsersExport.id).toBe(id);
    const reused = await graphql(stack, REQUEST, { input: { ...input, format: 'CSV' } }, await token('ginevra.vallisneri'));
    expect(reused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });

    const job = await completed(id);
    const listed = (await list('ginevra.vallisneri', { first: 100 })).body.data.companyUsers;
    expect(job.rows).toBe(listed.totalCount);
    const res = await fetch(new URL(job.fileUrl!, stack.gatewayUrl));
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as any); // exceljs types a Node 20 Buffer
    const rows = book.worksheets[0].getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(['Nome e cognome', 'Username', 'Linea', 'Profilo', 'Stato', 'Data']);
    expect(rows).toContainEqual(['GIADA MANTESI', 'giada.mantesi', '3343860902', 'UT', 'ATTIVA', expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}$/)]);
    // Company B's legal representative neither sees the job nor can export company A.
    const other = (await graphql(stack, MINE, {}, await token('mario.rossi'))).body.data.companyUsersExports;
    expect(other.map((j: Export) => j.id)).not.toContain(id);
    const foreign = await graphql(stack, REQUEST, { input: { companyId: '1-VALL01', idempotencyKey: 'users-export-b-01' } }, await token('mario.rossi'));
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const forbidden = await graphql(stack, REQUEST, { input: { idempotencyKey: 'users-export-af-01' } }, await token('luca.ferri'));
    expect(forbidden.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('ACC-08 the console\'s changes are the legal representative\'s only', () => {
  it('ACC-08 an administrator (AF) is FORBIDDEN the console\'s changes, and nothing is written', async () => {
    const before = await creaPratica();
    const { body } = await change('luca.ferri', 'disableCompanyUsers', 'CompanyUsersInput', users('1-U0004'));
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(body.data?.disableCompanyUsers ?? null).toBeNull();
    expect(await creaPratica()).toBe(before);
  });
});

describe('ACC-08 the console\'s changes', () => {
  it('ACC-08 the legal representative cannot change his own user, and says so; each user of a list answers its own outcome; the new password goes by SMS only', async () => {
    const { body } = await change('ginevra.vallisneri', 'resetCompanyUserPasswords', 'CompanyUsersInput', users('1-U0001', '1-U0005'));
    expect(body.errors).toBeUndefined();
    const [own, other] = body.data.resetCompanyUserPasswords;
    expect(own).toMatchObject({ number: '1-U0001', outcome: null, refusal: { code: 'LEGACY_REJECTED' } });
    expect(own.refusal.message).toMatch(/your own user/);
    expect(other).toMatchObject({ number: '1-U0005', refusal: null,
      outcome: { request: { description: 'Reimpostazione password utenza', status: 'CLOSED' }, order: null, user: { id: '1-U0005', status: 'ACTIVE' } } });
    // The IdP sent a one-time password to his mobile and his username to his e-mail; the graph's answer holds neither.
    const password = await newestPassword('3343860505');
    expect(JSON.stringify(body)).not.toContain(password);
    const mail = await newestMail('paolo.verdi@example.it');
    expect(mail).toContain('Username: paolo.verdi');
    expect(mail).not.toContain(password);
    const signedIn = await tokenFor(stack, 'paolo.verdi', password);
    expect((await graphql(stack, '{ viewer { username } }', {}, signedIn)).body.data.viewer.username).toBe('paolo.verdi');
    await expect(tokenFor(stack, 'paolo.verdi', 'demo')).rejects.toThrow(/refused/);
  });

  it('ACC-08 the IdP\'s admin API sends credentials only to the account subgraph\'s key, once per pratica', async () => {
    const admin = (key: string, body: Record<string, string>) => fetch(`${stack.idpUrl}/admin/credentials`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(body) });
    const sms = async () => (await smsTo(stack, '3343860405')).length;
    const before = await sms();
    expect((await admin('not-the-key', { user_id: '1-U0003', request_id: '7-1' })).status).toBe(401);
    const first = await admin('onegraph-idp-admin', { user_id: '1-U0003', request_id: '7-99000000001' });
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ status: 'ACCEPTED' });
    await newestPassword('3343860405');
    expect((await admin('onegraph-idp-admin', { user_id: '1-U0003', request_id: '7-99000000001' })).status).toBe(202);
    expect(await sms()).toBe(before + 1);
  });

  it('ACC-08 a user of another company answers exactly like an unknown one (NOT_FOUND), and nothing is written', async () => {
    // The same answer at the same cost: the CRM calls each made, counted by the stand-in.
    const costOf = async (userId: string) => {
      await resetCounters(stack, 'crm');
      const [item] = (await change('ginevra.vallisneri', 'disableCompanyUsers', 'CompanyUsersInput', users(userId))).body.data.disableCompanyUsers;
      // The gateway's own look-up of the viewer's grants (GetProfiloUtente, cached) is not the change's.
      const { GetProfiloUtente: _grants, ...calls } = await counters(stack, 'crm');
      return { item: { ...item, number: null }, calls };
    };
    const foreign = await costOf('1-U0011');
    const unknown = await costOf('1-U9999');
    expect(foreign.item.refusal).toMatchObject({ code: 'NOT_FOUND' });
    expect(foreign).toEqual(unknown);
    expect(foreign.calls.CreaPratica ?? 0).toBe(0);
  });

  it('ACC-08 bad input is BAD_USER_INPUT naming the field, and nothing is written', async () => {
    const before = await creaPratica();
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['disableCompanyUsers', 'CompanyUsersInput', users('1-U0004', 'giada'), 'input.users[1].userId'],
      ['disableCompanyUsers', 'CompanyUsersInput', { users: [] }, 'input.users'],
      ['changeCompanyUserProfiles', 'ChangeCompanyUserProfilesInput', { ...users('1-U0004'), profile: 'RL' }, 'input.profile'],
      ['createCompanyUsers', 'CreateCompanyUsersInput', { users: [{ line: '3343860302', firstName: 'A', lastName: 'B', taxCode: 'XYZ', email: 'a@example.it', profile: 'UT' }] },
        'input.users[0].taxCode'],
    ];
    for (const [mutation, type, input, field] of cases) {
      const { body } = await change('ginevra.vallisneri', mutation, type, input);
      expect(body.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await creaPratica()).toBe(before);
  });

  it('ACC-08 a change of profile takes effect on the user\'s next request: an UT made AL sees the company\'s invoices at once', async () => {
    const giada = await token('giada.mantesi');
    const profiles = async () => (await graphql(stack, '{ viewer { profiles } }', {}, giada)).body.data.viewer.profiles;
    expect(await profiles()).toEqual(['UT']);
    const { body } = await change('ginevra.vallisneri', 'changeCompanyUserProfiles', 'ChangeCompanyUserProfilesInput', { ...users('1-U0004'), profile: 'AL' });
    expect(body.data.changeCompanyUserProfiles[0]).toMatchObject({ refusal: null,
      outcome: { request: { description: 'Modifica profilo utenza', status: 'CLOSED' }, user: { id: '1-U0004', profile: 'AL', line: '3343860902' } } });
    // The same token, the very next request: the gateway forgot the grants it held (GRANTS_CACHE_SECONDS is 30 s).
    expect(await profiles()).toEqual(['AL']);
    const listed = (await list('ginevra.vallisneri', { search: '3343860902' })).body.data.companyUsers.nodes;
    expect(listed).toEqual([expect.objectContaining({ id: '1-U0004', profile: 'AL' })]);
  });

  it('ACC-08 a disabled user is refused on his next request, and shows DISABLED in the list', async () => {
    const paolo = await token('paolo.verdi');
    expect((await graphql(stack, '{ viewer { username } }', {}, paolo)).body.data.viewer.username).toBe('paolo.verdi');
    const { body } = await change('ginevra.vallisneri', 'disableCompanyUsers', 'CompanyUsersInput', users('1-U0005'));
    expect(body.data.disableCompanyUsers[0]).toMatchObject({ refusal: null, outcome: { request: { description: 'Disattivazione utenza' }, user: { status: 'DISABLED' } } });
    const next = await graphql(stack, '{ viewer { username } }', {}, paolo);
    expect(next.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const again = (await change('ginevra.vallisneri', 'disableCompanyUsers', 'CompanyUsersInput', users('1-U0005'))).body.data.disableCompanyUsers[0];
    expect(again.refusal).toMatchObject({ code: 'LEGACY_REJECTED' });
  });

  it('ACC-08 registers a user "to register", sends his credentials, deletes him, and creates a new user on the freed line', async () => {
    const registered = (await change('ginevra.vallisneri', 'registerCompanyUsers', 'CompanyUsersInput', users('1-U0007'))).body.data.registerCompanyUsers[0];
    expect(registered).toMatchObject({ refusal: null, outcome: { request: { description: 'Registrazione utenza' }, user: { id: '1-U0007', status: 'PENDING_ACCEPTANCE' } } });
    const sent = (await change('ginevra.vallisneri', 'sendCompanyUserCredentials', 'CompanyUsersInput', users('1-U0007'))).body.data.sendCompanyUserCredentials[0];
    expect(sent).toMatchObject({ refusal: null, outcome: { request: { description: 'Invio credenziali utenza' } } });

    const taken = { line: '3343860302', firstName: 'Marco', lastName: 'Bruni', taxCode: taxCode('BRNMRC90A01F205'), email: 'marco.bruni@example.it', profile: 'UTD' };
    const refused = (await change('ginevra.vallisneri', 'createCompanyUsers', 'CreateCompanyUsersInput', { users: [taken] })).body.data.createCompanyUsers[0];
    expect(refused.refusal).toMatchObject({ code: 'LEGACY_REJECTED' });

    const deleted = (await change('ginevra.vallisneri', 'deleteCompanyUsers', 'CompanyUsersInput', users('1-U0007'))).body.data.deleteCompanyUsers[0];
    expect(deleted).toMatchObject({ refusal: null, outcome: { request: { description: 'Eliminazione utenza' }, user: { id: '1-U0007', status: 'DELETED' } } });
    const ids = async () => (await list('ginevra.vallisneri', { first: 100 })).body.data.companyUsers.nodes.map((u: { id: string }) => u.id);
    expect(await ids()).not.toContain('1-U0007');

    const created = (await change('ginevra.vallisneri', 'createCompanyUsers', 'CreateCompanyUsersInput', { users: [taken] })).body.data.createCompanyUsers[0];
    expect(created).toMatchObject({ number: '3343860302', refusal: null, outcome: { request: { description: 'Creazione utenza', status: 'CLOSED' },
      user: { username: 'marco.bruni', line: '3343860302', profile: 'UTD', status: 'PENDING_ACCEPTANCE' } } });
    expect(await ids()).toContain(created.outcome.user.id);
    // His credentials: the password by SMS to his line, the username by e-mail; with them he signs in, as an UTD of his line.
    const password = await newestPassword('3343860302');
    expect(await newestMail('marco.bruni@example.it')).toContain('Username: marco.bruni');
    const newUser = await tokenFor(stack, 'marco.bruni', password);
    const viewer = (await graphql(stack, '{ viewer { username profiles grants { scopeId } } }', {}, newUser)).body.data.viewer;
    expect(viewer).toEqual({ username: 'marco.bruni', profiles: ['UTD'], grants: [{ scopeId: '3343860302' }] });
    // The pratiche show in the company's requests, filed on the user's line.
    const requests = (await graphql(stack, '{ requests { id description } }', {}, await token('ginevra.vallisneri'))).body.data.requests;
    expect(requests).toContainEqual(expect.objectContaining({ id: created.outcome.request.id, description: 'Creazione utenza' }));
  });
});

/** What `read` finds once it has arrived (the IdP sends after it answers): polled, never slept for, up to 5 s. */
async function arrived<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  for (const until = Date.now() + 5_000; Date.now() < until; await new Promise((resolve) => setImmediate(resolve))) {
    const found = await read();
    if (found !== undefined) return found;
  }
  throw new Error(`${what} never arrived`);
}
/** The one-time password of the newest SMS to this number. */
const newestPassword = (mobile: string) =>
  arrived(async () => /password provvisoria è (\S+)\./.exec((await smsTo(stack, mobile))[0]?.text ?? '')?.[1], `a password to ${mobile}`);
/** The text of the newest e-mail to this address. */
const newestMail = (address: string) => arrived(async () => (await mailTo(stack, address))[0]?.text, `an e-mail to ${address}`);

/** A personal tax code from its first 15 characters and the check letter. */
function taxCode(first15: string): string {
  return first15 + personalCheckLetter(first15);
}
