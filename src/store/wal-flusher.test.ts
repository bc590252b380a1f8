import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WalFlusher } from './wal-flusher.ts';

/** A sync that finishes only when the test says so, counting how many were started. */
function controlledSync() {
  const started: (() => void)[] = [];
  return {
    started,
    sync: () =>
      new Promise<void>((resolve) => {
        started.push(resolve);
      }),
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('WalFlusher', () => {
  it('runs one sync at a time; requests made during it share the single next one', async () => {
    const control = controlledSync();
    const flusher = new WalFlusher('/unused', control.sync);
    const settled: string[] = [];
    const first = flusher.request().then(() => settled.push('first'));
    expect(control.started).toHaveLength(1);
    // Made while the first sync runs: they must wait for a sync that starts after it.
    const second = flusher.request().then(() => settled.push('second'));
    const third = flusher.request().then(() => settled.push('third'));
    await tick();
    expect(control.started).toHaveLength(1);
    control.started[0]?.();
    await first;
    await tick();
    expect(settled).toEqual(['first']);
    expect(control.started).toHaveLength(2);
    control.started[1]?.();
    await Promise.all([second, third]);
    expect(settled).toEqual(['first', 'second', 'third']);
    // Idle again: the next request starts its own sync at once.
    void flusher.request();
    expect(control.started).toHaveLength(3);
    control.started[2]?.();
  });

  it('a failed sync rejects its requests, and the next request syncs again', async () => {
    let calls = 0;
    const flusher = new WalFlusher('/unused', async () => {
      calls += 1;
      if (calls === 1) throw new Error('disk gone');
    });
    await expect(flusher.request()).rejects.toThrow('disk gone');
    await expect(flusher.request()).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });

  it('syncs a real file by default', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'privet-wal-'));
    try {
      const path = join(dir, 'store.db-wal');
      await writeFile(path, 'frames');
      await expect(new WalFlusher(path).request()).resolves.toBeUndefined();
      await expect(new WalFlusher(join(dir, 'missing-wal')).request()).rejects.toThrow(/ENOENT/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps the log file open from its first sync until closed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'privet-wal-'));
    try {
      const path = join(dir, 'store.db-wal');
      await writeFile(path, 'frames');
      const flusher = new WalFlusher(path);
      await flusher.request();
      // Gone from the directory, the file is still the one the flusher holds: no open per sync.
      await rm(path);
      await expect(flusher.request()).resolves.toBeUndefined();
      await flusher.close();
      // Closed, the flusher opens the path again, which is gone now.
      await expect(flusher.request()).rejects.toThrow(/ENOENT/);
      await writeFile(path, 'frames');
      await expect(flusher.request()).resolves.toBeUndefined();
      await flusher.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
