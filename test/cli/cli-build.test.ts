import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../scripts/build-cli.ts';
import { runCli } from '../support/run-cli.ts';

// bin/privet.mjs runs dist/cli/ (npm run build:cli) while it is current, the sources through tsx otherwise;
// PRIVET_CLI chooses one, so both are checked here. The build is made just before each run of it, so that a
// source edited meanwhile in a working copy does not make it out of date.
async function runBuilt(args: readonly string[], env: Record<string, string>) {
  await buildCli();
  return runCli(args, { ...env, PRIVET_CLI: 'build' });
}

describe('the compiled CLI', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'privet-cli-build-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs from the build and finds the files next to its sources (the migrations)', async () => {
    const result = await runBuilt(['migrate', '--json'], { PRIVET_DATA_DIR: dataDir });
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout).applied.length).toBeGreaterThan(0);
  });

  it('has the same commands and options as the sources run through tsx', async () => {
    for (const args of [['--help'], ['request', 'run', '--help'], ['datamap', '--help'], ['--version']]) {
      const built = await runBuilt(args, { PRIVET_DATA_DIR: dataDir });
      const sources = await runCli(args, { PRIVET_DATA_DIR: dataDir, PRIVET_CLI: 'tsx' });
      expect({ code: built.code, stderr: built.stderr }).toEqual({ code: 0, stderr: '' });
      expect(built.stdout).not.toBe('');
      expect({ code: sources.code, stdout: sources.stdout }).toEqual({ code: 0, stdout: built.stdout });
    }
  });
});
