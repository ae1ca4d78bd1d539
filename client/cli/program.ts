// The dondoc command line. Every error a person can cause (a bad file, option or setting, a
// refused change) is one sentence naming the line, field or option, and exit code 2; nothing
// prints a stack trace.
import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig } from '../../config';
import { FileError } from '../../domain/directive-file';
import { webCommand, workerCommand } from './commands';
import { processIo, UsageError, type CliIo } from './io';
import { registerAdminCommands } from './program-admin';
import { registerDirectiveCommands, registerExplainCommand } from './program-directives';
import { registerUnitCommands } from './units';

function buildProgram(io: CliIo, env: NodeJS.ProcessEnv): Command {
  const config = () => loadConfig(env);
  const program = new Command('dondoc')
    .description('Chase the tasks of a directive to completion (đôn đốc), on Temporal.')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError()
    .exitOverride();

  program
    .command('dev')
    .description('start the embedded stack: Temporal dev server, PostgreSQL, SMTP sink, worker and web app')
    .option('--headless', 'no Temporal Web UI')
    .action(async (o) => (await import('./dev')).devCommand(config(), o));
  program
    .command('worker')
    .description('run a worker against TEMPORAL_ADDRESS, DATABASE_URL and SMTP_URL')
    .action(async () => workerCommand(config()));
  program
    .command('web')
    .description('run the web app against TEMPORAL_ADDRESS and DATABASE_URL')
    .action(async () => webCommand(config()));

  registerDirectiveCommands(program, io, config);
  registerUnitCommands(program, io, config);
  registerExplainCommand(program, io, config);
  registerAdminCommands(program, io, config);
  return program;
}

/** Runs one command line (without "node dondoc") and gives the exit code. */
export async function runCli(
  args: string[],
  io: CliIo = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  try {
    await buildProgram(io, env).parseAsync(args, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof FileError || err instanceof UsageError) io.err(`${err.message}\n`);
    else if (err instanceof ConfigError) io.err(`dondoc: bad setting ${err.message}\n`);
    else {
      io.err(`dondoc: ${(err as Error)?.message?.split('\n')[0] ?? String(err)}\n`);
      return 1;
    }
    return 2;
  }
}
