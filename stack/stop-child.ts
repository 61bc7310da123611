import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/**
 * Ends a child process started outside the launcher (a benchmark's gateway, a test's second replica, redis-server,
 * HAProxy): SIGTERM, so that it drains as in production, SIGKILL if it is still there after `graceMs`.
 */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const escalation = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(escalation);
}
