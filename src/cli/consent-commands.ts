import type { Command } from 'commander';
import { loadConfig } from '../config/load-config.ts';
import { verifyConsentLedger } from '../consent/verify-consent-ledger.ts';
import type { CliIo } from './cli-io.ts';
import { openMigratedStore } from './open-store-from-config.ts';

/** `privet consent verify`: exits 1 and names the first broken event when the consent chain does not hold. */
export function addConsentCommands(program: Command, io: CliIo): void {
  const consent = program.command('consent').description('the hash-chained consent ledger');
  consent
    .command('verify')
    .description('walk the consent hash chain and name the first broken event')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      const store = await openMigratedStore(loadConfig());
      try {
        const result = await verifyConsentLedger(store);
        if (options.json) io.out(JSON.stringify(result));
        else if (result.ok) io.out(`Consent ledger intact: ${result.events} events, head ${result.head}.`);
        else {
          io.err(
            `Consent ledger broken at event ${result.broken.seq} (${result.broken.id}): ${result.broken.reason}. ` +
              `${result.events} events before it verify.`,
          );
        }
        if (!result.ok) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}
