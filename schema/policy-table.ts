import { readFileSync, writeFileSync } from 'node:fs';
import { PROFILES } from '../adapters/domain';
import { readPolicy } from '../subgraphs/runtime/policy/directives';
import { loadTypeDefs, SUBGRAPH_NAMES } from '../subgraphs/runtime/sdl';

/**
 * README "Who sees what", generated from the @allow directives of the subgraph SDL (the one policy source), so the
 * table a reader checks against spec/profiles.md is the policy that runs. `npm run policy:readme` rewrites it;
 * `--check` fails when the README is stale (the test suite runs the check).
 */
const START = '<!-- who-sees-what:start -->';
const END = '<!-- who-sees-what:end -->';
const readmeFile = new URL('../README.md', import.meta.url);

export function policyMarkdown(): string {
  const header = `| subgraph | type / field | ${PROFILES.join(' | ')} |\n|---|---|${PROFILES.map(() => ':-:').join('|')}|`;
  const rows: string[] = [];
  for (const name of SUBGRAPH_NAMES) {
    const policy = readPolicy(loadTypeDefs(name));
    for (const [typeName, { typeAllow, fields }] of policy) {
      if (typeAllow) rows.push(row(name, `${typeName} (records)`, typeAllow));
      for (const [fieldName, p] of fields) if (p.kind === 'allow' && p.from === 'field') rows.push(row(name, `${typeName}.${fieldName}`, p.profiles));
    }
  }
  return `${START}\n${header}\n${rows.join('\n')}\n${END}`;
}

function row(subgraph: string, what: string, allowed: ReadonlySet<string>): string {
  return `| ${subgraph} | \`${what}\` | ${PROFILES.map((p) => (allowed.has(p) ? '✓' : '—')).join(' | ')} |`;
}

export function readmeWithPolicy(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < 0) throw new Error(`README.md needs the markers ${START} and ${END}`);
  return readme.slice(0, start) + policyMarkdown() + readme.slice(end + END.length);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const readme = readFileSync(readmeFile, 'utf8');
  const updated = readmeWithPolicy(readme);
  if (process.argv.includes('--check')) {
    if (updated !== readme) {
      console.error('README "Who sees what" is stale: run npm run policy:readme');
      process.exit(1);
    }
  } else {
    writeFileSync(readmeFile, updated);
  }
}
