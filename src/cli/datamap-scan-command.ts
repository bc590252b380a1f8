import { writeFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { parse } from 'yaml';
import { openIntrospector } from '../connectors/open-introspector.ts';
import { scanDatabase, type ScanDeps } from '../datamap/discovery/scan-database.ts';
import { formatScanSummary } from '../datamap/discovery/scan-summary.ts';
import { exportFidesYaml } from '../datamap/fides-yaml/export-fides-yaml.ts';
import { systemClock } from '../domain/clock.ts';
import { PrivetError } from '../domain/errors.ts';
import type { CliIo } from './cli-io.ts';

function parseSampleSize(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 1000) throw new InvalidArgumentError('must be an integer 0..1000');
  return n;
}

// `-` keeps the URL (and its password) out of the process list and the shell history.
async function readUrlFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const url = Buffer.concat(chunks).toString('utf8').trim();
  if (url === '') throw new PrivetError('bad_request', 'No connection URL on standard input');
  return url;
}

function withInterrupt<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = () => controller.abort(new PrivetError('unavailable', 'Scan interrupted'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return run(controller.signal).finally(() => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  });
}

const defaultDeps: ScanDeps = { openIntrospector, clock: systemClock };

/** `privet datamap scan <connection-url> [--out F] [--json]`: a proposed Fides dataset from a live database. */
export function addDatamapScanCommand(datamap: Command, io: CliIo, deps: ScanDeps = defaultDeps): void {
  datamap
    .command('scan')
    .description(
      'read a live database and propose a Fides dataset: categories with confidence, identities, keys, references',
    )
    .argument(
      '<connection-url>',
      'postgres://, mysql://, mariadb://, sqlite:<path> or redis:// URL; - reads it from stdin',
    )
    .option('--out <file>', 'write the dataset to this file instead of stdout')
    .option('--json', 'print the dataset as JSON (the same structure as the YAML)')
    .option('--sample <n>', 'values sampled per column', parseSampleSize, 20)
    .action(async (argument: string, options: { out?: string; json?: boolean; sample: number }) => {
      const url = argument === '-' ? await readUrlFromStdin() : argument;
      const result = await withInterrupt((signal) =>
        scanDatabase(deps, { url, sampleSize: options.sample }, signal),
      );
      const yaml = exportFidesYaml([result.dataset]);
      const text = options.json ? `${JSON.stringify(parse(yaml), null, 2)}\n` : yaml;
      if (options.out === undefined) io.out(text.trimEnd());
      else await writeFile(options.out, text, 'utf8');
      for (const line of formatScanSummary(result.summary)) io.err(line);
      if (options.out !== undefined) io.err(`Wrote ${options.out}.`);
    });
}
