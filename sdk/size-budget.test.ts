import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// The banner loads on every page of a customer's site, before anything else: keep it small.
const BUDGET = 5_000;

describe('banner size budget', () => {
  it(`sdk/privet.js is at most ${BUDGET} bytes after gzip -9`, async () => {
    const built = await readFile(new URL('privet.js', import.meta.url));
    expect(gzipSync(built, { level: 9 }).length).toBeLessThanOrEqual(BUDGET);
  });
});
