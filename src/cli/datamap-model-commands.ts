import type { Command } from 'commander';
import { stringify } from 'yaml';
import { systemClock } from '../domain/clock.ts';
import { isPrivetError, PrivetError } from '../domain/errors.ts';
import {
  modelResourceNames,
  modelResources,
  type ModelResource,
} from '../datamap/privacy-model/model-resources.ts';
import { parseModelFile } from '../datamap/privacy-model/parse-model-file.ts';
import { putModelRecords } from '../datamap/privacy-model/put-model-records.ts';
import type { CliIo } from './cli-io.ts';
import { readText, withStore } from './datamap-store-session.ts';
import { addDatamapTaxonomyCommands } from './datamap-taxonomy-commands.ts';

// The CLI writes as the API does, through the same use cases; the audit log names it as the actor.
const ACTOR = 'cli';

function describeRecord(resource: ModelResource, record: Record<string, unknown>): string {
  if (resource.param === 'id') {
    const safeguard = typeof record.safeguard === 'string' ? record.safeguard : 'no safeguard';
    return `${String(record.id)}  ${String(record.recipientKey)} → ${String(record.destinationCountry)} (${safeguard})`;
  }
  return `${String(record.key)}  ${String(record.name)}`;
}

function addResourceCommands(datamap: Command, resource: ModelResource, io: CliIo): void {
  const { noun, plural, param } = resource;
  const group = datamap
    .command(plural)
    .description(`${plural} of the privacy model: list, show, put, remove`);

  group
    .command('list')
    .description(`list every ${noun}`)
    .option('--json', `print {"${plural}": [...]} as the API does`)
    .action(async (options: { json?: boolean }) => {
      await withStore(async (store, signal) => {
        const records = (await resource.list(store.db, signal)) as Record<string, unknown>[];
        if (options.json) io.out(JSON.stringify({ [plural]: records }));
        else if (records.length === 0) io.out(`No ${plural}.`);
        else for (const record of records) io.out(describeRecord(resource, record));
      });
    });

  group
    .command('show')
    .description(`print one ${noun} as YAML (edit it and put it back with put --file)`)
    .argument(`<${param}>`, `the ${noun}'s ${param}`)
    .option('--json', 'print JSON instead of YAML')
    .action(async (id: string, options: { json?: boolean }) => {
      await withStore(async (store) => {
        const record = await resource.get(store.db, id);
        if (record === undefined) throw new PrivetError('not_found', `No ${noun} ${id}`);
        io.out(options.json ? JSON.stringify(record) : stringify(record).replace(/\n$/, ''));
      });
    });

  group
    .command('put')
    .description(
      `create or update ${plural} from a YAML or JSON file (one ${noun} or a list), all or nothing;` +
        ' problems print as file:line: path: message',
    )
    .requiredOption('--file <file>', `the ${noun} (or list) as YAML or JSON, as show prints it`)
    .option('--json', 'print {"results": [{"id", "action"}]}')
    .action(async (options: { file: string; json?: boolean }) => {
      await withStore(async (store, signal) => {
        try {
          const file = parseModelFile(resource, {
            name: options.file,
            text: await readText(options.file, signal),
          });
          const results = await putModelRecords({ store, clock: systemClock }, resource, file, ACTOR);
          if (options.json) io.out(JSON.stringify({ results }));
          else
            for (const r of results)
              io.out(`${r.action === 'created' ? 'Created' : 'Updated'} ${noun} ${r.id}.`);
        } catch (error) {
          if (!isPrivetError(error) || error.issues.length === 0) throw error;
          for (const issue of error.issues) io.err(`${issue.path}: ${issue.message}`);
          if (options.json) io.out(JSON.stringify({ error: { code: error.code, issues: error.issues } }));
          io.err(`Nothing was written (${error.issues.length} problem(s)).`);
          process.exitCode = 1;
        }
      });
    });

  group
    .command('remove')
    .description(`delete a ${noun} (refused while other records use it)`)
    .argument(`<${param}>`, `the ${noun}'s ${param}`)
    .option('--json', 'print {"removed": "<id>"}')
    .action(async (id: string, options: { json?: boolean }) => {
      await withStore(async (store) => {
        await resource.remove({ store, clock: systemClock }, id, ACTOR);
        io.out(options.json ? JSON.stringify({ removed: id }) : `Removed ${noun} ${id}.`);
      });
    });
}

/**
 * `privet datamap systems|recipients|purposes|transfers list|show|put|remove` and `privet datamap taxonomy
 * list|add|remove`, audited like the API.
 */
export function addDatamapModelCommands(datamap: Command, io: CliIo): void {
  for (const name of modelResourceNames) addResourceCommands(datamap, modelResources[name], io);
  addDatamapTaxonomyCommands(datamap, io);
}
