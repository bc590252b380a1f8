import { Command, CommanderError } from 'commander';
import { isPrivetError } from '../domain/errors.ts';
import { processIo, type CliIo } from './cli-io.ts';

/** Adds one module's commands to the program. */
type AddCommands = (program: Command, io: CliIo) => void;

/**
 * The modules that add the commands of each top-level command, in help order. They are imported only when
 * needed, so that `privet request run` does not load the web server, the job queue or mail (memory and
 * start-up time).
 */
const commandModules: Readonly<Record<string, readonly (() => Promise<AddCommands>)[]>> = {
  serve: [() => import('./serve-command.ts').then((m) => m.addServeCommand)],
  worker: [() => import('./worker-command.ts').then((m) => m.addWorkerCommand)],
  migrate: [() => import('./migrate-command.ts').then((m) => m.addMigrateCommand)],
  admin: [() => import('./admin-commands.ts').then((m) => m.addAdminCommands)],
  audit: [() => import('./audit-commands.ts').then((m) => m.addAuditCommands)],
  consent: [() => import('./consent-commands.ts').then((m) => m.addConsentCommands)],
  ropa: [() => import('./ropa-commands.ts').then((m) => m.addRopaCommands)],
  datamap: [
    () => import('./datamap-commands.ts').then((m) => m.addDatamapCommands),
    () =>
      Promise.all([import('./datamap-commands.ts'), import('./datamap-scan-command.ts')]).then(
        ([d, m]) =>
          (program: Command, io: CliIo) =>
            m.addDatamapScanCommand(d.datamapCommand(program), io),
      ),
    () =>
      Promise.all([import('./datamap-commands.ts'), import('./datamap-model-commands.ts')]).then(
        ([d, m]) =>
          (program: Command, io: CliIo) =>
            m.addDatamapModelCommands(d.datamapCommand(program), io),
      ),
  ],
  request: [
    () => import('./request-commands.ts').then((m) => m.addRequestCommands),
    () => import('./request-intake-commands.ts').then((m) => m.addRequestIntakeCommands),
  ],
};

/**
 * Builds the `privet` command: with the subcommands of `argv`'s command only when it names one, with none
 * for a bare `--version`, with every subcommand otherwise (no command, `help`, an unknown command), so that
 * help and usage errors list them all.
 */
export async function buildProgram(argv: readonly string[], io: CliIo = processIo): Promise<Command> {
  const program = new Command('privet')
    .description('Privet: privacy operations on your own databases')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  // The program itself has no options but --version and --help, so the first operand is the command.
  const args = argv.slice(2);
  const name = args.find((arg) => !arg.startsWith('-'));
  const versionOnly =
    name === undefined &&
    args.some((a) => a === '-V' || a === '--version') &&
    !args.some((a) => a === '-h' || a === '--help');
  const wanted =
    name !== undefined && Object.hasOwn(commandModules, name)
      ? [name]
      : versionOnly
        ? []
        : Object.keys(commandModules);
  const adders = await Promise.all(
    wanted.flatMap((key) => (commandModules[key] ?? []).map((load) => load())),
  );
  for (const add of adders) add(program, io);
  return program;
}

/** Runs the CLI; errors become one line on stderr and exit code 1 (2 for usage errors). */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<void> {
  try {
    await (await buildProgram(argv, io)).parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    io.err(`privet: ${isPrivetError(error) || error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
