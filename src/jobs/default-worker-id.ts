import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** A worker name that tells operators which machine and process ran an attempt: `host:pid:random`. */
export function defaultWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}
