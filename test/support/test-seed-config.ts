import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh data directory and a fixed secret for seeding demo data in a test. */
export function testSeedConfig(): { dataDir: string; secret: string } {
  return {
    dataDir: mkdtempSync(join(tmpdir(), 'privet-seed-')),
    secret: 'seed-test-secret-seed-test-secret-0001',
  };
}
