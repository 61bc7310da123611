import { expect, variable } from '../../stack/settings/define';
import { parseTrustedDocumentsSetting, type TrustedClientSetting, type UnnamedClients } from '../front/trusted-documents/setting';

/**
 * The gateway's settings for browsers and partner portals (issue 14): who may call from a web page (CORS), the
 * offline IDE, the demo sign-in it offers, and the trusted documents per client. Declared here, spread into
 * GATEWAY_VARIABLES (so they are validated at start and written in the README table like every other one).
 */

/** Where `npm run dashboard` serves the reference client (examples/dashboard/): allowed by default outside production. */
export const REFERENCE_CLIENT_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173'];

/** The CM8 portal and the reference dashboard run only their manifests' operations unless told otherwise. */
export const DEFAULT_TRUSTED_DOCUMENTS = JSON.stringify({
  'cm8-portal': { mode: 'enforce', manifest: 'trusted-documents/cm8-portal/gql/persisted-documents.json' },
  'onegraph-dashboard': { mode: 'enforce', manifest: 'examples/dashboard/src/gql/persisted-documents.json' },
});

export const FRONTEND_VARIABLES = {
  CORS_ORIGINS: variable(expect.parsedBy(parseOrigins, 'a comma-separated list of origins such as https://portal.example.it').optional(), {
    meaning: 'the web origins whose pages may call the gateway from a browser (CORS); `none` for none. Bearer tokens only: no cookie is read, so no credentials mode is needed',
    shownDefault: `\`${REFERENCE_CLIENT_ORIGINS.join(',')}\` (the reference dashboard); none with \`NODE_ENV=production\``,
  }),
  GRAPHIQL: variable(expect.oneOf(['on', 'off']).optional(), {
    meaning: 'GraphiQL (bundled from npm, no CDN) at the gateway URL for a browser\'s `GET` (`Accept: text/html`)',
    shownDefault: '`on`; `off` with `NODE_ENV=production`',
  }),
  DEMO_LOGIN_URL: variable(expect.httpUrl().optional(), {
    meaning: 'a token endpoint (OAuth 2 password grant) the IDE\'s sign-in form posts to; `npm start` sets the demo IdP\'s. Unset: no form, paste a token',
    shownDefault: 'unset',
  }),
  TRUSTED_DOCUMENTS: variable(expect.parsedBy(parseTrustedDocumentsSetting, 'a JSON object {"<client name>": {"mode": "off"|"log"|"enforce", "manifest": "<path>"}}'), {
    meaning: 'per client, as the bearer token names it (`client_id`, else `azp`; never a header): `enforce` runs only its manifest\'s documents, `log` logs and counts the others, `off` runs anything; manifests (hash → document, graphql-codegen\'s `persisted-documents.json`; a relative path is from the project\'s folder) are read at start and again when they change. `*` covers the clients not named here',
    shownDefault: `\`${DEFAULT_TRUSTED_DOCUMENTS}\``,
  }).default(parseTrustedDocumentsSetting(DEFAULT_TRUSTED_DOCUMENTS)),
  TRUSTED_DOCUMENTS_UNNAMED_CLIENTS: variable(expect.oneOf(['allow', 'refuse']).optional(), {
    meaning: 'a request whose token names no client of `TRUSTED_DOCUMENTS` (none, or one not listed, and no `*`): `allow` runs anything, `refuse` runs nothing (`QUERY_NOT_IN_SAFELIST`): every client on a manifest, the "safelist for everyone"',
    shownDefault: '`allow`; `refuse` with `NODE_ENV=production`',
  }),
};

export interface FrontendSettings {
  /** Origins allowed to call from a browser (exact `scheme://host[:port]`). */
  corsOrigins: string[];
  graphiql: boolean;
  demoLoginUrl: string | undefined;
  trustedDocuments: Record<string, TrustedClientSetting>;
  /** What runs for a token that names no client of `trustedDocuments`. */
  unnamedClients: UnnamedClients;
}

export function frontendSettingsOf(
  v: {
    CORS_ORIGINS?: string[]; GRAPHIQL?: 'on' | 'off'; DEMO_LOGIN_URL?: string;
    TRUSTED_DOCUMENTS: Record<string, TrustedClientSetting>; TRUSTED_DOCUMENTS_UNNAMED_CLIENTS?: UnnamedClients;
  },
  production: boolean,
): FrontendSettings {
  return {
    corsOrigins: v.CORS_ORIGINS ?? (production ? [] : REFERENCE_CLIENT_ORIGINS),
    graphiql: (v.GRAPHIQL ?? (production ? 'off' : 'on')) === 'on',
    demoLoginUrl: v.DEMO_LOGIN_URL,
    trustedDocuments: v.TRUSTED_DOCUMENTS,
    unnamedClients: v.TRUSTED_DOCUMENTS_UNNAMED_CLIENTS ?? (production ? 'refuse' : 'allow'),
  };
}

/** `https://a.example,http://localhost:5173` → exact origins; `none` → []. A path or a wildcard is refused. */
function parseOrigins(raw: string): string[] {
  if (raw.trim() === 'none') return [];
  return raw.split(',').map((s) => s.trim()).filter(Boolean).map((origin) => {
    const url = new URL(origin);
    if (!/^https?:$/.test(url.protocol) || url.origin !== origin.replace(/\/$/, '')) throw new Error(`${origin} is not an origin`);
    return url.origin;
  });
}
