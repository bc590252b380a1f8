import type { Command } from 'commander';
import { verifyAudit } from '../audit/verify-audit.ts';
import { loadConfig } from '../config/load-config.ts';
import type { CliIo } from './cli-io.ts';
import { openMigratedStore } from './open-store-from-config.ts';

/** `privet audit verify`: exits 1 and names the first broken entry when the chain does not hold. */
export function addAuditCommands(program: Command, io: CliIo): void {
  const audit = program.command('audit').description('the hash-chained audit ledger');
  audit
    .command('verify')
    .description('walk the hash chain and name the first broken entry')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      const store = await openMigratedStore(loadConfig());
      try {
        const result = await verifyAudit(store);
        if (options.json) io.out(JSON.stringify(result));
        else if (result.ok) io.out(`Audit ledger intact: ${result.entries} entries, head ${result.head}.`);
        else {
          io.err(
            `Audit ledger broken at entry ${result.broken.seq} (${result.broken.id}): ${result.broken.reason}. ` +
              `${result.entries} entries before it verify.`,
          );
        }
        if (!result.ok) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}
