import { Command, CommanderError } from 'commander';
import { isPrivetError } from '../domain/errors.ts';
import { addAdminCommands } from './admin-commands.ts';
import { addAuditCommands } from './audit-commands.ts';
import { processIo, type CliIo } from './cli-io.ts';
import { addConsentCommands } from './consent-commands.ts';
import { addDatamapCommands, datamapCommand } from './datamap-commands.ts';
import { addDatamapModelCommands } from './datamap-model-commands.ts';
import { addDatamapScanCommand } from './datamap-scan-command.ts';
import { addMigrateCommand } from './migrate-command.ts';
import { addRequestCommands } from './request-commands.ts';
import { addRequestIntakeCommands } from './request-intake-commands.ts';
import { addRopaCommands } from './ropa-commands.ts';
import { addServeCommand } from './serve-command.ts';
import { addWorkerCommand } from './worker-command.ts';

/** Builds the `privet` command with every subcommand. */
export function buildProgram(io: CliIo = processIo): Command {
  const program = new Command('privet')
    .description('Privet: privacy operations on your own databases')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  addServeCommand(program, io);
  addWorkerCommand(program, io);
  addMigrateCommand(program, io);
  addAdminCommands(program, io);
  addAuditCommands(program, io);
  addConsentCommands(program, io);
  addRopaCommands(program, io);
  addDatamapCommands(program, io);
  addDatamapScanCommand(datamapCommand(program), io);
  addDatamapModelCommands(datamapCommand(program), io);
  addRequestCommands(program, io);
  addRequestIntakeCommands(program, io);
  return program;
}

/** Runs the CLI; errors become one line on stderr and exit code 1 (2 for usage errors). */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<void> {
  try {
    await buildProgram(io).parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    io.err(`privet: ${isPrivetError(error) || error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
