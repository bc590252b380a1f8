import { describe, expect, it } from 'vitest';
import { createGroupCommit, type BatchOutcome } from './group-commit.ts';

function ok<T>(value: T): BatchOutcome<T> {
  return { ok: true, value };
}

describe('group commit', () => {
  it('commits concurrent submissions in fewer batches, each caller getting its own result', async () => {
    const batches: number[][] = [];
    const group = createGroupCommit<number, number>({
      commit: async (items) => {
        batches.push([...items]);
        // A commit that yields, like a real fsync: submissions made meanwhile form the next batch.
        await new Promise((r) => setTimeout(r, 5));
        return items.map((i) => ok(i * 10));
      },
    });
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => group.submit(i)));
    expect(results).toEqual(Array.from({ length: 100 }, (_, i) => i * 10));
    expect(batches.length).toBeLessThan(100);
    expect(batches.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('respects the batch size limit', async () => {
    const sizes: number[] = [];
    const group = createGroupCommit<number, number>({
      maxBatch: 7,
      commit: async (items) => items.map(ok),
      onBatch: (size) => sizes.push(size),
    });
    await Promise.all(Array.from({ length: 30 }, (_, i) => group.submit(i)));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(7);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(30);
  });

  it('fails only the requests of a failing batch; the next batch commits', async () => {
    let calls = 0;
    const group = createGroupCommit<string, string>({
      commit: async (items) => {
        calls += 1;
        if (items.includes('poison')) throw new Error('disk full');
        return items.map(ok);
      },
    });
    const first = await Promise.allSettled([group.submit('a'), group.submit('poison'), group.submit('b')]);
    expect(first.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await group.submit('c')).toBe('c');
    expect(calls).toBe(2);
  });

  it('refuses one item of a batch without failing the others', async () => {
    const group = createGroupCommit<number, number>({
      commit: async (items) =>
        items.map((i): BatchOutcome<number> => (i < 0 ? { ok: false, error: new Error(`bad ${i}`) } : ok(i))),
    });
    const settled = await Promise.allSettled([group.submit(1), group.submit(-1), group.submit(2)]);
    expect(settled[0]).toEqual({ status: 'fulfilled', value: 1 });
    expect(settled[1]).toMatchObject({ status: 'rejected', reason: new Error('bad -1') });
    expect(settled[2]).toEqual({ status: 'fulfilled', value: 2 });
  });

  it('drops a waiting item whose signal aborts, and commits the rest', async () => {
    const committed: number[] = [];
    const group = createGroupCommit<number, number>({
      commit: async (items) => {
        committed.push(...items);
        return items.map(ok);
      },
    });
    const controller = new AbortController();
    const aborted = group.submit(1, controller.signal);
    const kept = group.submit(2);
    controller.abort(new Error('client went away'));
    await expect(aborted).rejects.toThrow('client went away');
    expect(await kept).toBe(2);
    expect(committed).toEqual([2]);
  });

  it('finishes accepted items on close and refuses new ones', async () => {
    const group = createGroupCommit<number, number>({ commit: async (items) => items.map(ok) });
    const pending = group.submit(1);
    await group.close();
    expect(await pending).toBe(1);
    await expect(group.submit(2)).rejects.toThrow(/Shutting down/);
  });
});
