import { writeFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '../config/load-config.ts';
import { systemClock } from '../domain/clock.ts';
import { exportRopa, ropaFormats, type RopaFormat } from '../datamap/ropa/export-ropa.ts';
import { ropaKinds, type RopaKind } from '../datamap/ropa/ropa-record.ts';
import { loadDefaultTaxonomy } from '../datamap/taxonomy/load-default-taxonomy.ts';
import type { CliIo } from './cli-io.ts';
import { openMigratedStore } from './open-store-from-config.ts';

function oneOf<T extends string>(values: readonly T[]): (value: string) => T {
  return (value) => {
    const found = values.find((v) => v === value);
    if (found === undefined) throw new InvalidArgumentError(`must be one of ${values.join(', ')}`);
    return found;
  };
}

interface ExportOptions {
  format: RopaFormat;
  record: RopaKind;
  out?: string;
  json?: boolean;
}

/** `privet ropa export --format csv|html [--record controller|processor] [--out F] [--json]`. */
export function addRopaCommands(program: Command, io: CliIo): void {
  const ropa = program.command('ropa').description('the record of processing activities (Art. 30 GDPR)');
  ropa
    .command('export')
    .description('export the controller record (Art. 30(1)) or the processor record (Art. 30(2))')
    .requiredOption('--format <format>', `one of ${ropaFormats.join(', ')}`, oneOf(ropaFormats))
    .option('--record <record>', `one of ${ropaKinds.join(', ')}`, oneOf(ropaKinds), 'controller' as RopaKind)
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--json', 'with --out: print {"out", "format", "record", "bytes"}')
    .action(async (options: ExportOptions) => {
      const signal = AbortSignal.timeout(120_000);
      const store = await openMigratedStore(loadConfig());
      try {
        const deps = { store, clock: systemClock, taxonomyDefaults: await loadDefaultTaxonomy(signal) };
        const file = await exportRopa(deps, { kind: options.record, format: options.format }, signal);
        if (options.out === undefined) {
          // One trailing line break comes from the output itself.
          io.out(file.body.replace(/\r?\n$/, ''));
          return;
        }
        await writeFile(options.out, file.body, { encoding: 'utf8', signal });
        const bytes = Buffer.byteLength(file.body);
        const summary = { out: options.out, format: options.format, record: options.record, bytes };
        if (options.json) io.out(JSON.stringify(summary));
        else
          io.out(`Wrote the ${options.record} record (${options.format}, ${bytes} bytes) to ${options.out}.`);
      } finally {
        await store.close();
      }
    });
}
