import { Option, type Command } from 'commander';
import { Value } from 'typebox/value';
import { systemClock } from '../domain/clock.ts';
import { PrivetError } from '../domain/errors.ts';
import { loadDefaultTaxonomy } from '../datamap/taxonomy/load-default-taxonomy.ts';
import {
  addTaxonomyExtension,
  listTaxonomyExtensions,
  NewTaxonomyExtensionSchema,
  removeTaxonomyExtension,
} from '../datamap/taxonomy/taxonomy-extension-repository.ts';
import { sensitivityKinds, taxonomyKinds, type TaxonomyKind } from '../datamap/taxonomy/taxonomy.ts';
import type { CliIo } from './cli-io.ts';
import { withStore } from './datamap-store-session.ts';

interface AddOptions {
  kind: TaxonomyKind;
  key: string;
  name: string;
  description?: string;
  sensitivity?: (typeof sensitivityKinds)[number];
  json?: boolean;
}

/** `privet datamap taxonomy list|add|remove`: the organisation's own keys under fideslang's, audited. */
export function addDatamapTaxonomyCommands(datamap: Command, io: CliIo): void {
  const taxonomy = datamap
    .command('taxonomy')
    .description('custom data categories, uses and subjects under the fideslang defaults');
  const kindOption = () =>
    new Option('--kind <kind>', 'data_category, data_use or data_subject').choices(taxonomyKinds);

  taxonomy
    .command('list')
    .description('list the custom keys')
    .option('--json', 'print {"extensions": [...]}')
    .action(async (options: { json?: boolean }) => {
      await withStore(async (store, signal) => {
        const extensions = await listTaxonomyExtensions(store.db, signal);
        if (options.json) io.out(JSON.stringify({ extensions }));
        else if (extensions.length === 0) io.out('No custom keys.');
        else for (const e of extensions) io.out(`${e.kind}  ${e.key}  ${e.name}`);
      });
    });

  taxonomy
    .command('add')
    .description(
      'add a custom key under an existing one (the key names its parent: user.unique_id.loyalty_card)',
    )
    .addOption(kindOption().makeOptionMandatory())
    .requiredOption('--key <key>', 'dotted key; everything before the last dot must exist')
    .requiredOption('--name <name>', 'the name people read')
    .option('--description <text>', 'what it covers')
    .addOption(new Option('--sensitivity <kind>', 'data categories: art9 or art10').choices(sensitivityKinds))
    .option('--json', 'print the added key as JSON')
    .action(async (options: AddOptions) => {
      const input = {
        kind: options.kind,
        key: options.key,
        name: options.name,
        ...(options.description === undefined ? {} : { description: options.description }),
        ...(options.sensitivity === undefined ? {} : { sensitivity: options.sensitivity }),
      };
      const errors = [...Value.Errors(NewTaxonomyExtensionSchema, input)];
      if (errors.length > 0) {
        const issues = errors.map((e) => ({
          code: 'invalid_field',
          path: e.instancePath.replace(/^\//, ''),
          message: e.message,
        }));
        throw new PrivetError('validation_failed', issues.map((i) => `--${i.path} ${i.message}`).join('; '), {
          issues,
        });
      }
      await withStore(async (store, signal) => {
        const deps = { store, clock: systemClock, taxonomyDefaults: await loadDefaultTaxonomy(signal) };
        const added = await addTaxonomyExtension(deps, input, 'cli');
        io.out(options.json ? JSON.stringify(added) : `Added ${added.kind} ${added.key}.`);
      });
    });

  taxonomy
    .command('remove')
    .description('remove a custom key (refused while keys sit under it)')
    .argument('<kind>', 'data_category, data_use or data_subject')
    .argument('<key>', 'the custom key')
    .action(async (kind: string, key: string) => {
      const known = taxonomyKinds.find((k) => k === kind);
      if (known === undefined)
        throw new PrivetError('bad_request', `kind must be one of ${taxonomyKinds.join(', ')}`);
      await withStore(async (store, signal) => {
        const deps = { store, clock: systemClock, taxonomyDefaults: await loadDefaultTaxonomy(signal) };
        await removeTaxonomyExtension(deps, known, key, 'cli');
        io.out(`Removed ${known} ${key}.`);
      });
    });
}
