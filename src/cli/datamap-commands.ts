import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { systemClock } from '../domain/clock.ts';
import { isPrivetError } from '../domain/errors.ts';
import { formatIssue, type DatasetIssue } from '../datamap/dataset-graph/dataset-issue.ts';
import { importDatasets, type DatasetFile } from '../datamap/datasets/import-datasets.ts';
import { loadDatasets } from '../datamap/datasets/load-datasets.ts';
import { exportFidesYaml } from '../datamap/fides-yaml/export-fides-yaml.ts';
import type { CliIo } from './cli-io.ts';
import { readText, withStore } from './datamap-store-session.ts';

/** The `privet datamap` command, created once whichever datamap subcommands register first. */
export function datamapCommand(program: Command): Command {
  return (
    program.commands.find((command) => command.name() === 'datamap') ??
    program
      .command('datamap')
      .description('the data map: datasets, Fides YAML, discovery, systems, purposes, recipients, transfers')
  );
}

/** `privet datamap import <file...>` and `privet datamap export --format fides-yaml [--out F]`. */
export function addDatamapCommands(program: Command, io: CliIo): void {
  const datamap = datamapCommand(program);

  datamap
    .command('import')
    .description('import Fides dataset YAML files, all or nothing; problems print as file:line: message')
    .argument('<file...>', 'Fides dataset YAML files (top-level `dataset:` list)')
    .option('--json', 'machine-readable output')
    .action(async (paths: string[], options: { json?: boolean }) => {
      await withStore(async (store, signal) => {
        const files: DatasetFile[] = [];
        for (const path of paths) files.push({ name: path, text: await readText(path, signal) });
        try {
          const result = await importDatasets({ store, clock: systemClock }, files, 'cli', signal);
          if (options.json) io.out(JSON.stringify(result));
          else {
            io.out(`Imported ${result.imported.length} dataset(s): ${result.imported.join(', ') || 'none'}.`);
            for (const warning of result.warnings) io.err(`warning: ${formatIssue(warning)}`);
          }
        } catch (error) {
          if (!isPrivetError(error, 'validation_failed')) throw error;
          const issues = error.issues as readonly DatasetIssue[];
          for (const issue of issues) io.err(formatIssue(issue));
          if (options.json) io.out(JSON.stringify({ error: { code: error.code, issues } }));
          io.err(`Nothing was imported (${issues.length} problem(s)).`);
          process.exitCode = 1;
        }
      });
    });

  datamap
    .command('export')
    .description('write every stored dataset as Fides dataset YAML (stdout unless --out)')
    .addOption(new Option('--format <format>', 'output format').choices(['fides-yaml']).makeOptionMandatory())
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (options: { format: 'fides-yaml'; out?: string }) => {
      await withStore(async (store, signal) => {
        const datasets = await loadDatasets(store, signal);
        const yaml = exportFidesYaml(datasets);
        if (options.out === undefined) io.out(yaml.replace(/\n$/, ''));
        else {
          await writeFile(options.out, yaml, { signal });
          io.err(`Wrote ${datasets.length} dataset(s) to ${options.out}.`);
        }
      });
    });
}
