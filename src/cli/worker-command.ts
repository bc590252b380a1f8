import type { Command } from 'commander';
import { loadConfig } from '../config/load-config.ts';
import { systemClock } from '../domain/clock.ts';
import { privetJobs } from './privet-jobs.ts';
import { createJobQueue } from '../jobs/create-job-queue.ts';
import type { CliIo } from './cli-io.ts';
import { openMigratedStore } from './open-store-from-config.ts';
import { stopOnSignals } from './stop-on-signals.ts';
import { createSharedDecider } from '../consent/decisions/shared-decider.ts';

/** `privet worker`: runs jobs until SIGINT/SIGTERM. */
export function addWorkerCommand(program: Command, io: CliIo): void {
  program
    .command('worker')
    .description('run background jobs (scale out with several of these on PostgreSQL)')
    .option('--concurrency <n>', 'jobs run at once', (v) => Number.parseInt(v, 10), 4)
    .action(async (options: { concurrency: number }) => {
      const config = loadConfig();
      const store = await openMigratedStore(config);
      const decisions = createSharedDecider({ store });
      const queue = createJobQueue({
        store,
        clock: systemClock,
        registry: privetJobs({ store, clock: systemClock, config, decisions }),
      });
      const abort = new AbortController();
      io.out(`Privet worker started (concurrency ${options.concurrency}, ${store.dialect} store).`);
      const working = queue.work({ signal: abort.signal, concurrency: options.concurrency });
      stopOnSignals(io, async () => {
        abort.abort();
        await working;
        await queue.close();
        decisions.close();
        await store.close();
      });
      await working;
    });
}
