// The office's administration commands of the dondoc command line: the working calendar, staff
// accounts, worker versions and rebuilding the read model.
import type { Command } from 'commander';
import type { Config } from '../../config';
import { calendarImportCommand, calendarShowCommand } from './calendar';
import { deploymentCurrentCommand, deploymentRampCommand, deploymentStatusCommand } from './deployment';
import type { CliIo } from './io';
import { reindexCommand } from './reindex';
import { userAddCommand, userDisableCommand } from './user';

export function registerAdminCommands(program: Command, io: CliIo, config: () => Config): void {
  const calendar = program
    .command('calendar')
    .description('the working calendar: the days off the government announced');
  calendar
    .command('import')
    .argument('<file>', "a year's announced days off, YAML (see calendar/README.md)")
    .option('--by <name>', 'who imports it')
    .option('--lang <lang>', 'vi or en; default DEFAULT_LANG')
    .option('--json', 'print JSON')
    .description(
      "store a year's announced days off, replacing what was stored for that year, and say which days changed",
    )
    .action(async (file, o) => calendarImportCommand(io, config(), file, o));
  calendar
    .command('show')
    .argument('[year]', 'default this year')
    .option('--lang <lang>', 'vi or en; default DEFAULT_LANG')
    .option('--json', 'print JSON')
    .description("a year's days off and make-up days, announced (with its notices) or provisional")
    .action(async (year, o) => calendarShowCommand(io, config(), year, o));

  const user = program.command('user').description('staff accounts (coordinator, supervisor, admin)');
  user
    .command('add')
    .requiredOption('--email <address>', 'the login address')
    .requiredOption('--name <name>', "the person's name")
    .requiredOption('--role <role>', 'coordinator, supervisor or admin')
    .option('--totp', 'set up a TOTP second factor and print its otpauth:// URI')
    .option('--password-stdin', 'read the password from standard input (default: make one up and print it once)')
    .option('--json', 'print JSON')
    .description('create a staff account, or update the one with this address')
    .action(async (o) => userAddCommand(io, config(), o));
  user
    .command('disable')
    .requiredOption('--email <address>', 'the login address')
    .description('stop an account from logging in, and end its sessions at once')
    .action(async (o) => userDisableCommand(io, config(), o.email, true));
  user
    .command('enable')
    .requiredOption('--email <address>', 'the login address')
    .description('let a disabled account log in again')
    .action(async (o) => userDisableCommand(io, config(), o.email, false));

  const deployment = program
    .command('deployment')
    .description('move new work between versions of the workers (Worker Versioning)');
  deployment
    .command('status')
    .option('--json', 'print JSON')
    .description('which version takes new work, and how far each version has drained')
    .action(async (o) => deploymentStatusCommand(io, config(), o));
  deployment
    .command('ramp')
    .argument('<build-id>', "the new workers' WORKER_BUILD_ID")
    .argument('<percent>', 'share of new workflows to send to it, 0-100')
    .description('try a new version on a share of new work')
    .action(async (buildId, percent) => deploymentRampCommand(io, config(), buildId, percent));
  deployment
    .command('current')
    .argument('<build-id>', "the new workers' WORKER_BUILD_ID")
    .description('send all new work to a version; runs on older ones drain as they continue as new')
    .action(async (buildId) => deploymentCurrentCommand(io, config(), buildId));

  program
    .command('reindex')
    .option('--json', 'print JSON')
    .description('rebuild the read model (directives and tasks) from the workflows in Temporal')
    .action(async (o) => reindexCommand(io, config(), o));
}
