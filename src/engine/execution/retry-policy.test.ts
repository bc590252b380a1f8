import { hostname } from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import type { DataConnection } from '../../connectors/data-connection.ts';
import { PrivetError } from '../../domain/errors.ts';
import { datasetConnections } from './dataset-connections.ts';
import { isTransientError } from './is-transient-error.ts';
import { withRetry } from './retry-policy.ts';
import { ownerMayBeRunning } from './run-owner.ts';

const signal = new AbortController().signal;
const coded = (code: string) => Object.assign(new Error(code), { code });
const policy = { delaysMs: [1, 1] };

describe('retries', () => {
  it('tells transient failures from the rest', () => {
    for (const code of ['ECONNRESET', 'ECONNREFUSED', '40P01', '40001', 'ER_LOCK_DEADLOCK', 'SQLITE_BUSY'])
      expect(isTransientError(coded(code)), code).toBe(true);
    expect(isTransientError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isTransientError(coded('23505'))).toBe(false);
    expect(isTransientError(new Error('relation "x" does not exist'))).toBe(false);
    expect(
      isTransientError(new PrivetError('unavailable', 'Cannot connect', { cause: coded('ECONNREFUSED') })),
    ).toBe(false);
  });

  it('tries again after a transient failure, resetting first, and gives up on the rest', async () => {
    const work = vi.fn().mockRejectedValueOnce(coded('ECONNRESET')).mockResolvedValueOnce('ok');
    const reset = vi.fn(async () => undefined);
    expect(await withRetry(work, policy, signal, reset)).toEqual({ value: 'ok', attempts: 2 });
    expect(reset).toHaveBeenCalledOnce();
    const fatal = vi.fn().mockRejectedValue(coded('23505'));
    await expect(withRetry(fatal, policy, signal)).rejects.toThrow('23505');
    expect(fatal).toHaveBeenCalledOnce();
    const flaky = vi.fn().mockRejectedValue(coded('ECONNRESET'));
    await expect(withRetry(flaky, policy, signal)).rejects.toThrow('ECONNRESET');
    expect(flaky).toHaveBeenCalledTimes(3);
  });

  it('opens each dataset’s connection once, and fails an unreachable one once for all its steps', async () => {
    const connection = { close: async () => undefined } as DataConnection;
    const open = vi.fn(async (url: string) => {
      if (url.includes('down')) throw coded('ECONNREFUSED');
      return connection;
    });
    const connections = datasetConnections(
      new Map([
        ['up', 'sqlite:/up.db'],
        ['down', 'postgres://u:pw@down/x'],
      ]),
      open,
      { readOnly: true, retry: policy },
    );
    expect(await connections.get('up', signal)).toBe(connection);
    expect(await connections.get('up', signal)).toBe(connection);
    await expect(connections.get('down', signal)).rejects.toThrow(/Cannot connect/);
    await expect(connections.get('down', signal)).rejects.toThrow(/Cannot connect/);
    expect(open.mock.calls.filter(([url]) => url.includes('down'))).toHaveLength(3);
    expect(open.mock.calls.filter(([url]) => url.includes('up'))).toHaveLength(1);
  });

  it('knows a dead owner from a live one', () => {
    expect(ownerMayBeRunning(null)).toBe(false);
    expect(ownerMayBeRunning(`${hostname()}:${process.pid}`)).toBe(false);
    expect(ownerMayBeRunning(`${hostname()}:${process.ppid}`)).toBe(true);
    expect(ownerMayBeRunning(`${hostname()}:2147483646`)).toBe(false);
    expect(ownerMayBeRunning('another-host:1')).toBe(true);
  });
});
