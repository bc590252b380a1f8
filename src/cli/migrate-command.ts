import type { Command } from 'commander';
import { loadConfig } from '../config/load-config.ts';
import { migrate } from '../store/migrate.ts';
import { openStore } from '../store/open-store.ts';
import type { CliIo } from './cli-io.ts';

/** `privet migrate`: applies pending migrations and reports them. */
export function addMigrateCommand(program: Command, io: CliIo): void {
  program
    .command('migrate')
    .description('apply pending database migrations')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      const store = openStore(loadConfig().databaseUrl);
      try {
        const result = await migrate(store);
        if (options.json) io.out(JSON.stringify(result));
        else if (result.applied.length === 0) io.out(`Up to date (schema ${result.current ?? 'empty'}).`);
        else io.out(`Applied ${result.applied.join(', ')}; schema is now ${result.current}.`);
      } finally {
        await store.close();
      }
    });
}
