import { describe, expect, it } from 'vitest';
import { documentedAnswer, pageCommands } from '../support/doc-commands';

/** How test/docs/commands.test.ts reads the commands of a page: what counts as a command, and as its answer. */
const page = [
  'Prose with `npm run inline` is not a command.',
  '```sh',
  '# Sign in',
  'curl -s $IDP/oauth/token -d a=b   # → {"access_token":"…","expires_in":…}',
  'curl -s $IDP/registration \\',
  '  -d mobile=3209876543',
  '# → 202 {"step":"CODE"}; 409 already_registered',
  '',
  '# a comment after a blank line is prose',
  '```',
  '```console',
  '$ npm run -s token -- luca.ferri',
  'eyJhbGciOi…',
  '```',
  '```ts',
  'const notShell = 1;',
  '```',
].join('\n');

describe('the commands of a documentation page', () => {
  it('takes the lines of sh and console blocks, joins continuations, drops comments and keeps a shown answer', () => {
    expect(pageCommands('docs/x.md', page)).toEqual([
      { page: 'docs/x.md', line: 4, command: 'curl -s $IDP/oauth/token -d a=b', answer: '{"access_token":"…","expires_in":…}' },
      { page: 'docs/x.md', line: 5, command: 'curl -s $IDP/registration \\\n  -d mobile=3209876543', answer: '202 {"step":"CODE"}; 409 already_registered' },
      { page: 'docs/x.md', line: 12, command: 'npm run -s token -- luca.ferri', answer: undefined },
    ]);
  });

  it('reads a shown answer as a status and fields, the first outcome of several, `…` for any value', () => {
    expect(documentedAnswer('202 {"step":"CODE"}; 409 already_registered')).toEqual({ status: 202, fields: { step: 'CODE' } });
    expect(documentedAnswer('{"access_token":"…","expires_in":…}')).toEqual({ fields: { access_token: '…', expires_in: '…' } });
    expect(documentedAnswer('204')).toEqual({ status: 204 });
  });
});
