import { PROFILES } from '../adapters/domain';
import { readPolicy } from '../subgraphs/runtime/policy/directives';
import { loadTypeDefs, SUBGRAPH_NAMES } from '../subgraphs/runtime/sdl';
import { DOCS, replaceDocSection, runDocGenerator } from '../stack/doc-section';

/**
 * README "Who sees what", generated from the @allow directives of the subgraph SDL (the one policy source), so the
 * table a reader checks against spec/profiles.md is the policy that runs. `npm run policy:readme` rewrites it;
 * `--check` fails when the README is stale (the test suite runs the check).
 */
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
  return `${header}\n${rows.join('\n')}`;
}

function row(subgraph: string, what: string, allowed: ReadonlySet<string>): string {
  return `| ${subgraph} | \`${what}\` | ${PROFILES.map((p) => (allowed.has(p) ? '✓' : '—')).join(' | ')} |`;
}

/** docs/who-sees-what.md with its table written from the SDL. */
export function withPolicyTable(page: string): string {
  return replaceDocSection(page, 'who-sees-what', policyMarkdown());
}

if (import.meta.url === `file://${process.argv[1]}`) runDocGenerator({ [DOCS.whoSeesWhat]: withPolicyTable }, 'npm run policy:readme');
