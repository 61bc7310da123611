import { readFileSync } from 'node:fs';

/**
 * The Dockerfile's last stage as written, for the tests that run what the image runs (docker is not available):
 * its base image, ENV, WORKDIR, USER, COPY lines and exec-form CMD. An instruction of the last stage this reader
 * does not know fails the test, so the image cannot do something the tests do not.
 */
export interface DockerStage {
  from: string;
  env: Record<string, string>;
  workdir: string;
  user: string | null;
  /** `COPY [--from=stage] source… destination`, in order. */
  copies: { from: string | null; sources: string[]; destination: string }[];
  cmd: string[];
}

export function dockerfileFinalStage(path = 'Dockerfile'): DockerStage {
  const instructions = readFileSync(path, 'utf8').replace(/\\\n/g, ' ').split('\n')
    .map((line) => line.trim()).filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [, keyword, rest] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
      return { keyword: keyword.toUpperCase(), rest };
    });
  const args = Object.fromEntries(instructions.filter((i) => i.keyword === 'ARG').map((i) => i.rest.split('=') as [string, string]));
  const lastFrom = instructions.map((i) => i.keyword).lastIndexOf('FROM');
  const stage: DockerStage = {
    from: instructions[lastFrom].rest.replace(/\$\{(\w+)\}/g, (_, name: string) => args[name] ?? ''),
    env: {}, workdir: '/', user: null, copies: [], cmd: [],
  };
  for (const { keyword, rest } of instructions.slice(lastFrom + 1)) {
    if (keyword === 'ENV') for (const [, name, value] of rest.matchAll(/(\w+)=(\S+)/g)) stage.env[name] = value;
    else if (keyword === 'WORKDIR') stage.workdir = rest;
    else if (keyword === 'USER') stage.user = rest;
    else if (keyword === 'CMD') stage.cmd = JSON.parse(rest) as string[];
    else if (keyword === 'COPY') {
      const words = rest.split(/\s+/);
      const from = words[0].startsWith('--from=') ? words.shift()!.slice('--from='.length) : null;
      stage.copies.push({ from, sources: words.slice(0, -1), destination: words.at(-1)! });
    } else if (keyword !== 'EXPOSE') throw new Error(`Dockerfile: ${keyword} in the last stage is not read by test/support/dockerfile.ts`);
  }
  return stage;
}
