import type { CliIo } from './cli-io.ts';

/** On SIGINT/SIGTERM, runs `stop` once (running jobs finish or see their signal abort), then exits. */
export function stopOnSignals(io: CliIo, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    io.err(`${signal}: shutting down…`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        io.err(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}
