import { readdirSync, readFileSync } from 'node:fs';

/**
 * Reads a gateway's resident memory and CPU time from /proc (Linux), summed over the process and its descendants,
 * so that a gateway in cluster mode counts as its primary plus its workers. CPU time per request is the figure
 * least disturbed by other work on a shared machine: it is what the gateway itself spent, whoever else was running.
 */
export interface ProcSummary {
  rssPeakMb: number;
  rssMeanMb: number;
  /** user + system CPU seconds spent by the tree during the sampling. */
  cpuSeconds: number;
}

const PAGE_KB = 4;
const TICKS_PER_SECOND = 100;

interface Stat { ppid: number; cpuTicks: number }

function stat(pid: number | string): Stat | null {
  try {
    // The command name (field 2) may contain spaces: split after its closing ')'. Fields from 3 on.
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null; // the process ended while being read
  }
}

/** A process and its descendants (a clustered gateway: its primary and workers). */
export function treeOf(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = stat(entry);
    if (s) parents.set(Number(entry), s.ppid);
  }
  const pids = [root];
  for (let i = 0; i < pids.length; i++) {
    for (const [pid, ppid] of parents) if (ppid === pids[i]) pids.push(pid);
  }
  return pids;
}

export function rssMb(pids: number[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      kb += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_KB;
    } catch {
      // ended
    }
  }
  return kb / 1024;
}

const cpuTicks = (pids: number[]) => pids.reduce((sum, pid) => sum + (stat(pid)?.cpuTicks ?? 0), 0);

/** CPU seconds spent so far by a process and its descendants. */
export function cpuSecondsOf(root: number): number {
  return cpuTicks(treeOf(root)) / TICKS_PER_SECOND;
}

/** Samples every 200 ms: enough to see the peak of a run of seconds, at a cost too small to measure. */
export function sampleProcess(root: number, everyMs = 200): { stop(): ProcSummary } {
  const pids = treeOf(root);
  const ticksAtStart = cpuTicks(pids);
  const samples = [rssMb(pids)];
  const timer = setInterval(() => samples.push(rssMb(treeOf(root))), everyMs);
  return {
    stop() {
      clearInterval(timer);
      const now = treeOf(root);
      samples.push(rssMb(now));
      return {
        rssPeakMb: Math.max(...samples),
        rssMeanMb: samples.reduce((a, b) => a + b, 0) / samples.length,
        cpuSeconds: (cpuTicks(now) - ticksAtStart) / TICKS_PER_SECOND,
      };
    },
  };
}
