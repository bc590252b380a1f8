import { hostname } from 'node:os';

/** This process as a run's owner: `host:pid`. */
export function currentOwner(): string {
  return `${hostname()}:${process.pid}`;
}

/**
 * Whether the owner of a `running` run may still be at it: a process on this host that is alive (a crashed or
 * killed one is not); an owner on another host is assumed alive, and is taken over only by naming the run.
 */
export function ownerMayBeRunning(owner: string | null): boolean {
  if (owner === null) return false;
  const at = owner.lastIndexOf(':');
  const host = owner.slice(0, at);
  const pid = Number(owner.slice(at + 1));
  if (host !== hostname()) return true;
  if (pid === process.pid || !Number.isInteger(pid)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
}
