import type { CreatedRequest, Profile } from '../../../adapters/domain';
import { badUserInput } from '../../../adapters/errors';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import type { Identity } from '../../runtime/identity';
import type { SubgraphContext } from '../../runtime/server';
import { checkEmail } from '../../runtime/validators/email';
import { checkMobileNumber } from '../../runtime/validators/phone';
import { checkPersonalTaxCode } from '../../runtime/validators/tax-code';
import { checkRequiredText } from '../../runtime/validators/text';
import { COMPANY_USER, LINE_FOR_NEW_USER, USER_ID, type ConsoleUserTarget, type LineForNewUser } from '../user-console';

/**
 * issue 20 item 5 (ACC-08; seed 000 "Gestione utenze"; schema/area-clienti-changes.yaml): the legal representative's
 * changes of his company's users, each a pratica CRM applies in its transaction, on one or many users at once (the
 * seed: "sia su singola linea che su più linee contemporaneamente"). The legal representative himself is never
 * changed from the console (seed 001: his profile comes with the contract and changes only through customer service).
 * A profile change reaches the user's next request: the gateway forgets the grants it holds after these mutations
 * (gateway/auth/grants-invalidation.ts).
 */
const ASSIGNABLE: ReadonlySet<Profile> = new Set(['AF', 'AL', 'UT', 'UTD']);
const CONSOLE_ONLY = { appendixRows: [], capabilities: ['ACC-08'], ordine: false, listField: 'users' } as const;

function checkUserId(raw: unknown, field: string): string {
  if (typeof raw !== 'string' || !USER_ID.test(raw)) throw badUserInput(field, 'must be a user id, e.g. 1-U0004');
  return raw;
}

function checkProfile(raw: unknown, field: string): Profile {
  if (typeof raw !== 'string' || !ASSIGNABLE.has(raw as Profile)) throw badUserInput(field, 'must be AF, AL, UT or UTD: the legal representative comes with the contract');
  return raw as Profile;
}

/** The seed's rules every console change shares: never the legal representative (himself or another), and the user's state. */
function refusalOn(allowed: readonly ConsoleUserTarget['status'][], doing: string) {
  return (user: ConsoleUserTarget, _input: unknown, _at: unknown, viewer: Identity): string | null => {
    if (user.id === viewer.userId) return 'You cannot change your own user from the console: the legal representative comes with the contract (to change your data, call customer service, 191).';
    if (user.profile === 'RL') return 'The legal representative is not changed from the console: call customer service (191).';
    if (!allowed.includes(user.status)) return `A user ${user.status.toLowerCase().replace('_', ' ')} cannot be ${doing}.`;
    return null;
  };
}

interface UserRef { userId: string }

/**
 * The credentials are the identity provider's: after the pratica, its admin API sends the user a one-time password by
 * SMS and his username by e-mail, once per pratica (a retry of the change replays the pratica and sends nothing
 * again). The graph never sees the password.
 */
const sendCredentials = ({ created, target }: { created: CreatedRequest; target: { id: string } }, { legacy }: SubgraphContext) =>
  legacy.idp.sendCredentials(target.id, created.request.id);

const onUsers = (field: string, pratica: string, allowed: readonly ConsoleUserTarget['status'][], doing: string,
  credentials = false): DispositiveDeclaration<UserRef, ConsoleUserTarget> => ({
  field, pratica, ...CONSOLE_ONLY, target: COMPANY_USER,
  validate: (raw, at) => ({ userId: checkUserId(raw.userId, at('userId')) }),
  targetId: (input) => input.userId,
  refusal: refusalOn(allowed, doing),
  ...(credentials && { applyElsewhere: sendCredentials }),
});

const CREDENTIALED = ['ACTIVE', 'PENDING_ACCEPTANCE'] as const;

export const REGISTER_COMPANY_USERS = onUsers('registerCompanyUsers', 'Registrazione utenza', ['TO_REGISTER'], 'registered', true);
export const RESET_COMPANY_USER_PASSWORDS = onUsers('resetCompanyUserPasswords', 'Reimpostazione password utenza', CREDENTIALED, 'given a new password', true);
export const SEND_COMPANY_USER_CREDENTIALS = onUsers('sendCompanyUserCredentials', 'Invio credenziali utenza', CREDENTIALED, 'sent credentials', true);
export const DISABLE_COMPANY_USERS = onUsers('disableCompanyUsers', 'Disattivazione utenza', CREDENTIALED, 'disabled');
export const DELETE_COMPANY_USERS = onUsers('deleteCompanyUsers', 'Eliminazione utenza', ['ACTIVE', 'DISABLED', 'TO_REGISTER', 'PENDING_ACCEPTANCE'], 'deleted');

interface ProfileChange { userId: string; profile: Profile }

export const CHANGE_COMPANY_USER_PROFILES: DispositiveDeclaration<ProfileChange, ConsoleUserTarget> = {
  field: 'changeCompanyUserProfiles', pratica: 'Modifica profilo utenza', ...CONSOLE_ONLY, target: COMPANY_USER,
  sharedFields: ['profile'],
  validate: (raw, at) => ({ userId: checkUserId(raw.userId, at('userId')), profile: checkProfile(raw.profile, at('profile')) }),
  targetId: (input) => input.userId,
  refusal(user, input, at, viewer) {
    const rule = refusalOn(['ACTIVE', 'DISABLED', 'TO_REGISTER', 'PENDING_ACCEPTANCE'], 'changed')(user, input, at, viewer);
    if (rule) return rule;
    if (user.profile === input.profile) return `This user is ${input.profile} already.`;
    // seed 001: AL, UT and UTD see through their own line; a user without one can only be AF.
    if (input.profile !== 'AF' && !user.line) return badUserInput(at('profile'), 'this user has no line: only AF applies');
    return null;
  },
  crm: (_user, input) => ({ parameters: { profilo: input.profile } }),
};

interface NewUser { line: string; firstName: string; lastName: string; taxCode: string; email: string; profile: Profile }

export const CREATE_COMPANY_USERS: DispositiveDeclaration<NewUser, LineForNewUser> = {
  field: 'createCompanyUsers', pratica: 'Creazione utenza', ...CONSOLE_ONLY, target: LINE_FOR_NEW_USER,
  validate: (raw, at) => ({
    line: checkMobileNumber(raw.line, at('line')),
    firstName: checkRequiredText(raw.firstName, at('firstName'), 60).toUpperCase(),
    lastName: checkRequiredText(raw.lastName, at('lastName'), 60).toUpperCase(),
    taxCode: checkPersonalTaxCode(raw.taxCode, at('taxCode')),
    email: checkEmail(raw.email, at('email')),
    profile: checkProfile(raw.profile, at('profile')),
  }),
  targetId: (input) => input.line,
  refusal: (target) => (target.line.status === 'CEASED' ? 'A ceased line cannot have a new user.' : null),
  crm: (_target, input) => ({ parameters: {
    nome: input.firstName, cognome: input.lastName, codiceFiscale: input.taxCode, email: input.email, profilo: input.profile,
  } }),
  // The user CRM created on the line gets his credentials as a registered one does.
  async applyElsewhere({ created, target }, context) {
    const { user } = await LINE_FOR_NEW_USER.reload(target, context);
    await sendCredentials({ created, target: user! }, context);
  },
};

/** The console's operations, in the order of seed 000's list. */
export const USER_CONSOLE_OPERATIONS = [
  CREATE_COMPANY_USERS, REGISTER_COMPANY_USERS, CHANGE_COMPANY_USER_PROFILES, RESET_COMPANY_USER_PASSWORDS, DISABLE_COMPANY_USERS,
  DELETE_COMPANY_USERS, SEND_COMPANY_USER_CREDENTIALS,
] as const;
