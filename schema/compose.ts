import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { composeServices } from '@apollo/composition';
import { parse, Source } from 'graphql';
import { parse as parseYaml } from 'yaml';
import { contractFiles, updateContract } from './contract/contract-file';

/**
 * `npm run compose`: composes the subgraph SDL files listed in rover.yaml into schema/supergraph.graphql, in
 * process, with the same composition library Rover would download (pinned by `federation_version`).
 * `npm run compose:check` composes and fails when the committed supergraph is not what the SDL files give.
 * Options: `--config <rover.yaml>`, `--out <supergraph.graphql>`, `--check`, `--hints` (list composition hints).
 */
interface RoverConfig {
  federationVersion: string;
  subgraphs: { name: string; url: string; file: string }[];
}

const { values: args } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    config: { type: 'string', default: 'rover.yaml' },
    out: { type: 'string', default: 'schema/supergraph.graphql' },
    hints: { type: 'boolean', default: false },
  },
});

const configPath = resolve(args.config);
const outPath = resolve(args.out);

try {
  const config = readRoverConfig(configPath);
  requireInstalledComposition(config.federationVersion);
  const supergraph = compose(config);
  if (args.check) check(supergraph);
  else {
    // The client contract follows the supergraph, unless that breaks clients without an approval (issue 14). It is
    // decided first, so that a refused change writes nothing: neither file moves until both can.
    const contractLines = await updateContract(supergraph, outPath);
    writeFileSync(outPath, supergraph);
    console.log(`Wrote ${relative(process.cwd(), outPath)} (${config.subgraphs.map((s) => s.name).join(', ')}).`);
    for (const line of contractLines) console.log(line);
    console.log(`Wrote ${relative(process.cwd(), contractFiles(outPath).contract)} (the client contract).`);
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}

function readRoverConfig(path: string): RoverConfig {
  const raw = parseYaml(readFileSync(path, 'utf8')) as {
    federation_version?: unknown;
    subgraphs?: Record<string, { routing_url?: unknown; schema?: { file?: unknown } }>;
  } | null;
  const federationVersion = String(raw?.federation_version ?? '');
  if (!/^=2\.\d+\.\d+$/.test(federationVersion)) throw new Error(`${path}: federation_version must pin an exact version, e.g. "=2.14.4"`);
  const entries = Object.entries(raw?.subgraphs ?? {});
  if (entries.length === 0) throw new Error(`${path}: no subgraphs`);
  return {
    federationVersion: federationVersion.slice(1),
    subgraphs: entries.map(([name, entry]) => {
      const url = entry?.routing_url;
      const file = entry?.schema?.file;
      if (typeof url !== 'string' || typeof file !== 'string') {
        throw new Error(`${path}: subgraph ${name} needs routing_url and schema.file`);
      }
      // Rover resolves schema files against the config file's folder, not the working directory.
      return { name, url, file: resolve(dirname(path), file) };
    }),
  };
}

/** The pin in rover.yaml and the library in node_modules must agree, or `rover` and `npm run compose` could differ. */
function requireInstalledComposition(pinned: string): void {
  const installed = (createRequire(import.meta.url)('@apollo/composition/package.json') as { version: string }).version;
  if (installed !== pinned) {
    throw new Error(`rover.yaml pins federation_version =${pinned} but @apollo/composition ${installed} is installed; align them.`);
  }
}

function compose(config: RoverConfig): string {
  const result = composeServices(config.subgraphs.map(({ name, url, file }) => ({
    name,
    url,
    typeDefs: parse(new Source(readSdl(name, file), relative(process.cwd(), file))),
  })));
  if (result.errors) {
    const lines = result.errors.map((e) => `  ✗ ${e.extensions.code ?? 'ERROR'}: ${e.message}`);
    throw new Error(`Composition failed with ${result.errors.length} error(s):\n${lines.join('\n')}`);
  }
  // Hints are advice, not errors: listed on request, so that a refusal stays the last thing a developer reads.
  if (args.hints) for (const hint of result.hints) console.error(`  hint [${hint.definition.code}] ${hint.message}`);
  else if (result.hints.length > 0) console.error(`${result.hints.length} composition hint(s): \`npm run compose -- --hints\` lists them.`);
  return result.supergraphSdl.endsWith('\n') ? result.supergraphSdl : `${result.supergraphSdl}\n`;
}

function readSdl(name: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new Error(`subgraph ${name}: cannot read ${relative(process.cwd(), file)}`);
  }
}

function check(supergraph: string): void {
  let committed: string | null;
  try {
    committed = readFileSync(outPath, 'utf8');
  } catch {
    committed = null;
  }
  const name = relative(process.cwd(), outPath);
  if (committed === null) throw new Error(`${name} is missing: run \`npm run compose\` and commit it.`);
  if (committed !== supergraph) throw new Error(`${name} is stale: the subgraph SDL composes to something else. Run \`npm run compose\` and commit it.`);
  console.log(`${name} is up to date.`);
}
