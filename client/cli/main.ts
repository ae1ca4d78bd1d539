#!/usr/bin/env node
// The dondoc command line. Every command loads the validated configuration first; a bad setting
// or a bad file is one clear sentence and a non-zero exit code, never a stack trace.
import { Command, CommanderError } from 'commander';
import { loadConfigOrExit } from '../../config';
import { FileError } from '../../domain/directive-file';
import { devCommand } from './dev';
import { launchCommand, statusCommand, unitsImportCommand, webCommand, workerCommand } from './commands';

export class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const program = new Command('dondoc')
    .description('Chase the tasks of a directive to completion (đôn đốc), on Temporal.')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('dev')
    .description('start the embedded stack: Temporal dev server, PostgreSQL, SMTP sink, worker and web app')
    .option('--headless', 'no Temporal Web UI')
    .action(async (o) => devCommand(loadConfigOrExit(), o));

  program
    .command('worker')
    .description('run a worker against TEMPORAL_ADDRESS, DATABASE_URL and SMTP_URL')
    .action(async () => workerCommand(loadConfigOrExit()));

  program
    .command('web')
    .description('run the web app against TEMPORAL_ADDRESS and DATABASE_URL')
    .action(async () => webCommand(loadConfigOrExit()));

  program
    .command('launch')
    .argument('<file>', 'directive file, YAML or JSON')
    .option('--dry-run', 'print each unit\'s deadline, reminders and escalations; start nothing')
    .option('--json', 'print JSON')
    .description('launch a directive from its file')
    .action(async (file, o) => launchCommand(loadConfigOrExit(), file, o));

  program
    .command('status')
    .argument('<number>', 'directive number and symbol, e.g. 524/UBND-VP9')
    .option('--json', 'print JSON')
    .description('show a directive\'s tasks and their state')
    .action(async (number, o) => statusCommand(loadConfigOrExit(), number, o));

  program
    .command('units')
    .description('the unit directory')
    .command('import')
    .argument('<file>', 'unit directory YAML (see examples/units.yaml)')
    .action(async (file) => unitsImportCommand(loadConfigOrExit(), file));

  await program.parseAsync(argv);
}

main(process.argv).catch((err) => {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  if (err instanceof FileError || err instanceof UsageError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`dondoc: ${err?.message ?? err}\n`);
  process.exit(1);
});
