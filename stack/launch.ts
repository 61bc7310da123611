import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { availableParallelism, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { SUBGRAPH_NAMES, type SubgraphName } from '../subgraphs/runtime/sdl';
import { builtEntryPoint, projectFile, RUNNING_BUILT } from './artefact';
import type { ReadyInfo } from './process';
import { readLauncherSettings } from './settings/launcher';
import { stopChild } from './stop-child';

/**
 * Starts the whole graph as separate processes, the way it runs in production: legacy stand-ins and the IdP,
 * then the six subgraphs wired to them, then the gateway wired to the subgraphs. Used by `npm start` and by the
 * integration tests. Each process announces itself with the READY line (ARCHITECTURE.md "Process protocol").
 */
export const STAND_INS = ['crm', 'ebill', 'ebpfa'] as const;
export type StandInName = (typeof STAND_INS)[number];
/**
 * h-employee (issue 12): stand-ins of external services that are not systems of record, started with the others
 * (same protocol, admin port): `payments`, the payment provider of the personal top-ups (seed 002 §9.1.2); issue 20:
 * `sms`, the SMS gateway, and `mail`, the e-mail relay (SMTP), which the IdP sends its one-time codes and links by.
 */
export const EXTERNAL_SERVICES = ['payments', 'sms', 'mail'] as const;
export type ExternalServiceName = (typeof EXTERNAL_SERVICES)[number];
export type ComponentName = StandInName | ExternalServiceName | 'idp' | SubgraphName | 'gateway';

/**
 * Start order: a phase starts when every process of the previous one is READY. The IdP starts beside the subgraphs,
 * once the SMS gateway and the e-mail relay it sends by have their addresses.
 */
const PHASES: readonly (readonly ComponentName[])[] = [[...STAND_INS, ...EXTERNAL_SERVICES], ['idp', ...SUBGRAPH_NAMES], ['gateway']];

type Env = Record<string, string | undefined>;

export interface LaunchOptions {
  /** DATA_DIR of the stand-ins (SQLite files) and of the IdP (its signing key). */
  dataDir: string;
  /** Environment for every component, e.g. LATENCY_MS, LEGACY_TODAY, LARGE_CUSTOMERS, FAULTS. */
  env?: Env;
  /** Environment for one component, applied last (it may override the wiring, e.g. CRM_URL of one subgraph). */
  componentEnv?: Partial<Record<ComponentName, Env>>;
  /** Port of the gateway; 0 (default) picks a free one. Every other process always gets a free port. */
  gatewayPort?: number;
  /** How long a process may take to print READY. Default STACK_READY_TIMEOUT_MS (stack/settings/launcher.ts). */
  readyTimeoutMs?: number;
  /**
   * Run the build's entry points (`node dist/…js`) rather than the sources under tsx. Default: what the launcher
   * itself runs from, so that `node dist/stack/start.js` starts dist/ and `npm start` or a test the sources.
   */
  built?: boolean;
  /**
   * How to run one component instead: a folder and a command whose first word is `node` (this Node), e.g. the
   * image's command in a folder laid out as the image (test/deploy/image-entry.test.ts).
   */
  commands?: Partial<Record<ComponentName, ProcessCommand>>;
  /** Forward the processes' stderr, prefixed with their name (default). When false only a tail is kept for errors. */
  forwardLogs?: boolean;
  /** Called with every line a process writes to stderr (its log), e.g. for tests that read the logs. */
  onLog?: (name: ComponentName, line: string) => void;
}

export interface ProcessCommand { cwd: string; command: readonly string[] }

/** How a process ended: its exit code, or the signal that killed it. */
export interface ProcessExit { code: number | null; signal: NodeJS.Signals | null }

export interface ComponentInfo { url: string; adminUrl?: string; opsUrl?: string; pid: number }

export interface Stack {
  gatewayUrl: string;
  idpUrl: string;
  components: ReadonlyMap<ComponentName, ComponentInfo>;
  /**
   * Sends a signal; for SIGTERM/SIGINT/SIGKILL waits until the process has exited and says how (undefined when it
   * was not running or the signal does not end it).
   */
  kill(name: ComponentName, signal?: NodeJS.Signals): Promise<ProcessExit | undefined>;
  /** Stops the process if it runs and starts it again on the same ports with the same environment. */
  restart(name: ComponentName): Promise<ComponentInfo>;
  /** Stops everything (gateway first) and starts it again in order, on the same ports. */
  restartAll(): Promise<void>;
  /**
   * Starts one more instance of a subgraph or of the gateway with the component's environment, `env` applied last
   * (e.g. the gateway's SUBGRAPH_URLS), on `port` (0: a free one): a second replica, or the new pod of a rolling
   * update. The caller stops it; stop() stops it too if still running.
   */
  another(name: SubgraphName | 'gateway', port?: number, env?: Env): Promise<ExtraInstance>;
  stop(): Promise<void>;
}

export interface ExtraInstance { url: string; stop(): Promise<void> }

/** Entry point of each component, relative to the project root (the build's are builtEntryPoint() of them). */
export const ENTRY_POINTS: Readonly<Record<ComponentName, string>> = {
  crm: 'legacy/crm/main.ts',
  ebill: 'legacy/ebill/main.ts',
  ebpfa: 'legacy/ebpfa/main.ts',
  payments: 'legacy/payments/main.ts',
  sms: 'legacy/sms/main.ts',
  mail: 'legacy/mail/main.ts',
  idp: 'legacy/idp/main.ts',
  account: 'subgraphs/account/main.ts',
  fixed: 'subgraphs/fixed/main.ts',
  mobile: 'subgraphs/mobile/main.ts',
  billing: 'subgraphs/billing/main.ts',
  consumption: 'subgraphs/consumption/main.ts',
  tracking: 'subgraphs/tracking/main.ts',
  gateway: 'gateway/main.ts',
};
const TERMINATING: ReadonlySet<NodeJS.Signals> = new Set(['SIGTERM', 'SIGINT', 'SIGKILL']);
/** A process that ignores SIGTERM this long is killed: longer than a drain's default grace (SHUTDOWN_GRACE_MS, 10 s). */
const STOP_GRACE_MS = 15_000;
const STDERR_TAIL_LINES = 40;

/** One managed process: what it was started with, so that a restart is the same process again. */
interface Component {
  name: ComponentName;
  env: Env;
  /** Fixed after the first READY, so that restarts keep the URLs others were given. */
  ports: { PORT: string; ADMIN_PORT?: string };
  child: ChildProcess | null;
  info: ComponentInfo | null;
}

export async function launchStack(options: LaunchOptions): Promise<Stack> {
  const readyTimeoutMs = options.readyTimeoutMs ?? readLauncherSettings().readyTimeoutMs;
  const built = options.built ?? RUNNING_BUILT;
  const forwardLogs = options.forwardLogs ?? true;
  const common: Env = { ...process.env, ...options.env, DATA_DIR: options.dataDir };
  // Shared by the gateway (signs) and the subgraphs (verify); random per launch unless the caller sets one.
  const identitySecret = common.GATEWAY_IDENTITY_SECRET || randomBytes(32).toString('base64url');
  const components = new Map<ComponentName, Component>();
  const infos = new Map<ComponentName, ComponentInfo>();

  /** Instances started by another(), beside the components. */
  const extras = new Set<ChildProcess>();
  // A test runner or a Ctrl-C may end this process without calling stop(): the children must not outlive it.
  const killAllOnExit = () => {
    for (const c of components.values()) c.child?.kill('SIGKILL');
    for (const child of extras) child.kill('SIGKILL');
  };
  process.on('exit', killAllOnExit);

  function add(name: ComponentName, wiring: Env, port = 0): Component {
    const component: Component = {
      name,
      // Each process's traces name it (observability/tracing.ts), unless the caller names it otherwise.
      env: { OTEL_SERVICE_NAME: `onegraph-${name}`, ...common, ...wiring, ...options.componentEnv?.[name] },
      ports: { PORT: String(port), ...(([...STAND_INS, ...EXTERNAL_SERVICES] as readonly string[]).includes(name) && { ADMIN_PORT: '0' }) },
      child: null,
      info: null,
    };
    components.set(name, component);
    return component;
  }

  /** Processes being stopped on purpose, whose exit is not reported as a crash (Ctrl-C reaches them all at once). */
  const stopping = new Set<ComponentName>();
  let stoppingAll = false;

  async function start(component: Component): Promise<ComponentInfo> {
    const { child, ready } = await spawnEntryPoint({
      name: component.name,
      ...commandOf(component.name),
      env: { ...component.env, ...component.ports },
      readyTimeoutMs,
      forwardLogs,
      onLog: options.onLog && ((line) => options.onLog!(component.name, line)),
    });
    component.child = child;
    component.ports = {
      PORT: new URL(ready.url).port,
      ...(ready.adminUrl && { ADMIN_PORT: new URL(ready.adminUrl).port }),
    };
    component.info = { url: ready.url, adminUrl: ready.adminUrl, opsUrl: ready.opsUrl, pid: child.pid! };
    infos.set(component.name, component.info);
    child.once('exit', (code, signal) => {
      if (component.child !== child) return;
      component.child = null;
      if (!stopping.has(component.name) && !stoppingAll) {
        process.stderr.write(`launch: ${component.name} exited unexpectedly (${signal ?? `code ${code}`})\n`);
      }
    });
    return component.info;
  }

  /** The component's own command when the caller gave one, else its entry point, built or from the sources. */
  function commandOf(name: ComponentName): Pick<EntryPointSpawn, 'entryPoint' | 'cwd' | 'nodeArgs'> {
    const given = options.commands?.[name];
    if (!given) return { entryPoint: built ? builtEntryPoint(ENTRY_POINTS[name]) : ENTRY_POINTS[name] };
    const [executable, ...args] = given.command;
    if (executable !== 'node' || args.length === 0) throw new Error(`${name}: a command is node and its arguments, not ${given.command.join(' ')}`);
    return { cwd: given.cwd, nodeArgs: args.slice(0, -1), entryPoint: args.at(-1)! };
  }

  async function kill(name: ComponentName, signal: NodeJS.Signals = 'SIGTERM'): Promise<ProcessExit | undefined> {
    const child = required(name).child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return undefined;
    if (!TERMINATING.has(signal)) {
      child.kill(signal);
      return undefined;
    }
    stopping.add(name);
    try {
      const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
      child.kill(signal);
      const escalation = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      const [code, exitSignal] = await exited;
      clearTimeout(escalation);
      return { code, signal: exitSignal };
    } finally {
      stopping.delete(name);
    }
  }

  async function restart(name: ComponentName): Promise<ComponentInfo> {
    await kill(name);
    return start(required(name));
  }

  function required(name: ComponentName): Component {
    const component = components.get(name);
    if (!component) throw new Error(`no component named ${name}`);
    return component;
  }

  async function another(name: SubgraphName | 'gateway', port = 0, env: Env = {}): Promise<ExtraInstance> {
    const spawned = await spawnEntryPoint({
      name: `${name}+`, ...commandOf(name), env: { ...required(name).env, ...env, PORT: String(port) }, readyTimeoutMs, forwardLogs,
      onLog: options.onLog && ((line) => options.onLog!(name, line)),
    });
    extras.add(spawned.child);
    return {
      url: spawned.ready.url,
      async stop() {
        await stopChild(spawned.child, STOP_GRACE_MS);
        extras.delete(spawned.child);
      },
    };
  }

  async function stop(): Promise<void> {
    await Promise.all([...extras].map((child) => stopChild(child, STOP_GRACE_MS)));
    stoppingAll = true;
    for (const phase of [...PHASES].reverse()) await Promise.all(phase.filter((n) => components.has(n)).map((n) => kill(n)));
    process.off('exit', killAllOnExit);
  }

  /**
   * Starts processes side by side and waits for all of them, even when one fails: stop() must see every child,
   * or one still starting when a sibling failed would outlive the launch. The error names every failure.
   */
  async function startAll(list: Component[]): Promise<void> {
    const failures = (await Promise.allSettled(list.map(start)))
      .flatMap((r) => (r.status === 'rejected' ? [r.reason instanceof Error ? r.reason.message : String(r.reason)] : []));
    if (failures.length) throw new Error(failures.join('\n\n'));
  }

  try {
    await startAll(PHASES[0].map((name) => add(name, {})));
    const urlOf = (name: ComponentName) => required(name).info!.url;

    const backends = {
      CRM_URL: urlOf('crm'), EBILL_URL: urlOf('ebill'), EBPFA_URL: urlOf('ebpfa'), PAYMENTS_URL: urlOf('payments'), GATEWAY_IDENTITY_SECRET: identitySecret,
    };
    await startAll([add('idp', { SMS_URL: urlOf('sms'), SMTP_URL: urlOf('mail'), IDP_CRM_URL: urlOf('crm') })]);
    // issue 20 (ACC-08): the account subgraph sends the user console's credentials through the IdP's admin API.
    const idpUrl = urlOf('idp');
    await startAll(SUBGRAPH_NAMES.map((name) => add(name, { ...backends, IDP_URL: idpUrl })));

    const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, urlOf(name)]));
    const gateway = add('gateway', {
      // CRM for grants and uploads; every system that holds files for the download links (gateway/downloads/).
      CRM_URL: backends.CRM_URL,
      EBILL_URL: backends.EBILL_URL,
      EBPFA_URL: backends.EBPFA_URL,
      GATEWAY_IDENTITY_SECRET: identitySecret,
      SUBGRAPH_URLS: JSON.stringify(subgraphUrls),
      AUTH_JWKS_URL: `${idpUrl}/.well-known/jwks.json`,
      // The IDE's sign-in bar logs in at the demo IdP (gateway/front/ide/).
      DEMO_LOGIN_URL: `${idpUrl}/oauth/token`,
    }, options.gatewayPort);
    await startAll([gateway]);

    return {
      gatewayUrl: gateway.info!.url,
      idpUrl,
      components: infos,
      kill,
      restart,
      another,
      async restartAll() {
        for (const phase of [...PHASES].reverse()) await Promise.all(phase.map((n) => kill(n)));
        for (const phase of PHASES) await startAll(phase.map(required));
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

export interface EntryPointSpawn {
  /** Prefix of its log lines and name in errors. */
  name: string;
  /** Relative to `cwd`: a `.ts` source runs under tsx, a built `.js` under plain node. */
  entryPoint: string;
  /** Where the process runs and finds its files; default the project root (stack/artefact.ts). */
  cwd?: string;
  /** Node's own flags; default tsx's loader for a `.ts` entry point, source maps for a built one. */
  nodeArgs?: readonly string[];
  env: Env;
  readyTimeoutMs: number;
  forwardLogs: boolean;
  onLog?: (line: string) => void;
}

/**
 * Spawns one entry point and waits for its READY line. Exported for processes that are not part of the stack but
 * follow its protocol (the benchmark's Hive Gateway).
 */
export async function spawnEntryPoint(spec: EntryPointSpawn): Promise<{ child: ChildProcess; ready: ReadyInfo }> {
  const { readyTimeoutMs, forwardLogs } = spec;
  const nodeArgs = spec.nodeArgs ?? (spec.entryPoint.endsWith('.ts') ? ['--import', 'tsx'] : ['--enable-source-maps']);
  const spawnedAt = Date.now();
  const child = spawn(process.execPath, [...nodeArgs, spec.entryPoint], {
    cwd: spec.cwd ?? projectFile('.'),
    env: spec.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const prefix = `${spec.name.padEnd(11)} │ `;
  const logLine = (line: string) => {
    tail.push(line);
    if (tail.length > STDERR_TAIL_LINES) tail.shift();
    if (forwardLogs) process.stderr.write(`${prefix}${line}\n`);
    spec.onLog?.(line);
  };
  createInterface({ input: child.stderr! }).on('line', logLine);

  const ready = await new Promise<ReadyInfo>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => fail(`exited (${signal ?? `code ${code}`}) before READY`);
    const onError = (err: Error) => fail(`could not be started: ${err.message}`);
    const timer = setTimeout(() => fail(lateReason(readyTimeoutMs, spawnedAt)), readyTimeoutMs);
    const settle = () => {
      clearTimeout(timer);
      child.off('exit', onExit);
      child.off('error', onError);
    };
    function fail(why: string) {
      settle();
      child.kill('SIGKILL');
      reject(new Error(`${spec.name} (${spec.entryPoint}) ${why}.\n--- last stderr ---\n${tail.join('\n') || '(empty)'}`));
    }
    child.once('exit', onExit);
    child.once('error', onError);
    // stdout is read for the whole life of the process (a full pipe would block it); only READY is expected there.
    lines.on('line', (line) => {
      if (!line.startsWith('READY ')) return logLine(line);
      try {
        const info = JSON.parse(line.slice('READY '.length)) as ReadyInfo;
        settle();
        resolve(info);
      } catch {
        fail(`printed an unreadable READY line: ${line}`);
      }
    });
  });
  return { child, ready };
}

/**
 * Why a process is late, as far as the launcher can tell: the deadline and how to raise it, and how busy the
 * machine was (a loaded machine, not a broken process, is the usual cause); its last stderr lines follow.
 */
function lateReason(readyTimeoutMs: number, spawnedAt: number): string {
  const [load1] = loadavg();
  return `did not print READY within ${readyTimeoutMs} ms (started ${Date.now() - spawnedAt} ms ago; load average ${load1.toFixed(1)} on `
    + `${availableParallelism()} cores; a slow machine can raise STACK_READY_TIMEOUT_MS)`;
}
