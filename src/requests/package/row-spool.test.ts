import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRowSpool } from './row-spool.ts';

describe('createRowSpool', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'privet-spool-test-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads back every line whole, across read chunks and multi-byte characters', async () => {
    const signal = new AbortController().signal;
    const spool = await createRowSpool(dir, signal);
    // About 600 KB: many 64 KB reads, each ending inside a line and sometimes inside a character.
    const lines = Array.from({ length: 6000 }, (_, i) =>
      JSON.stringify({ i, name: `Zoë 🐦 ${'ß'.repeat(i % 40)}` }),
    );
    for (let at = 0; at < lines.length; at += 500)
      await spool.write(`${lines.slice(at, at + 500).join('\n')}\n`);
    await spool.close();
    const read: string[] = [];
    let batches = 0;
    for await (const batch of spool.lineBatches()) {
      batches++;
      read.push(...batch);
    }
    expect(read).toEqual(lines);
    expect(batches).toBeGreaterThan(1);
    await spool.remove();
    expect(await readdir(dir)).toEqual([]);
  });
});
