import type { Command } from 'commander';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config/load-config.ts';
import type { CliIo } from './cli-io.ts';
import { ensureWebBuilt } from './ensure-web-built.ts';
import { stopOnSignals } from './stop-on-signals.ts';
import { startServer } from './start-server.ts';

/** `privet serve [--no-worker] [--build-web]`. */
export function addServeCommand(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('serve the API, privacy center, admin console and banner (with an in-process worker)')
    .option('--no-worker', 'do not run jobs in this process (run `privet worker` processes instead)')
    .option('--build-web', 'build the web apps first when they are missing or out of date')
    .action(async (options: { worker: boolean; buildWeb?: boolean }) => {
      const config = loadConfig();
      if (options.buildWeb) {
        await ensureWebBuilt({
          root: fileURLToPath(new URL('../../', import.meta.url)),
          log: (line) => io.out(line),
        });
      }
      const server = await startServer({ config, worker: options.worker, io });
      stopOnSignals(io, () => server.stop());
    });
}
